// RegisterWriter: streams one Excel register workbook (台账) — the archive's cross-case
// view of cases, deadlines and commendations/accountability — in libxlsxwriter's
// constant-memory mode, so a million-case range costs the same memory as ten cases.
//
//   auto w = RegisterWriter::Open("register.xlsx", options);   // Result<unique_ptr<...>>
//   for (each case)     w->AddCase(row);          // any order across the three sheets,
//   for (each deadline) w->AddDeadline(row);      // rows of one sheet in the order given
//   for (each item)     w->AddRewardPenalty(row);
//   w->Close();                                   // statistics + charts, zip, rename
//
// Sheets, in tab order: 台账 (cases), 时限 (deadlines), 奖惩 (commendations and
// accountability), then any continuation sheets ("时限 (2)", when a sheet passes Excel's
// 1,048,576-row limit), 统计图 (two charts: cases per month of discovery — else of
// report — in China time, stacked by level; on-time rate met / (met + late + missed) per
// deadline kind) and 统计数据 (the aggregates the charts read, computed while streaming;
// an Excel chartsheet holds one chart only, so 统计图 is a worksheet holding both).
// Every register sheet has an optional title row, a frozen header row, an autofilter over
// header + data, fixed column widths, and real values: moments are Excel date serials in
// China time (UTC+8) with a date format, counts and hours are numbers. Late flags appear
// twice on 台账: as text (迟报、总结逾期) to read, and as a count to sort and sum.
//
// The workbook is written to "<path>.partial" and renamed onto <path> only when Close()
// succeeds: a reader never sees half a register, and a failed export leaves an earlier
// file at <path> untouched.
//
// Constant memory costs disk instead: until Close(), libxlsxwriter keeps each worksheet in
// a temporary file, about 0.9 KB per case row. Debian's libxlsxwriter 1.1.4 is built to use
// tmpfile(), which always creates them in /tmp and ignores libxlsxwriter's tmpdir option, so
// the writer offers none; /tmp must have room (and should not be RAM-backed) for large
// registers.
//
// Thread rules: one thread at a time per writer (no internal locking). Separate writers
// on separate paths are independent. The progress callback runs on the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "erflow/instant.h"
#include "erflow/reports/register_labels.h"
#include "erflow/reports/register_rows.h"
#include "erflow/result.h"
#include "erflow/status.h"

namespace erflow::reports {

struct RegisterCounts {
  uint64_t cases = 0;
  uint64_t deadlines = 0;
  uint64_t reward_penalty_items = 0;
  uint64_t total() const { return cases + deadlines + reward_penalty_items; }
};

struct RegisterProgress {
  enum class Phase : uint8_t {
    kRows,     // every RegisterOptions::progress_every rows
    kPacking,  // Close() began compressing; for a large register this takes a while
    kDone,     // Close() finished
  };
  Phase phase = Phase::kRows;
  RegisterCounts rows;
};

struct RegisterOptions {
  // Sheet names, headers, labels and chart titles. Default: Chinese.
  Language language = Language::kChinese;
  // If not empty, row 1 of each register sheet holds this title and the header moves to
  // row 2 (still frozen). Default: no title row.
  std::string title;
  // The moment the register describes. Lateness of a missed deadline (已逾期未完成) is
  // measured up to it; without it that cell stays blank. Also stamped as the workbook's
  // creation time, so the same rows and as_of give the same file contents.
  std::optional<Instant> as_of;
  // Called every progress_every rows (all sheets together) and at the phases of Close().
  // Must not throw. Default: none.
  std::function<void(const RegisterProgress&)> progress;
  uint64_t progress_every = 100000;
  // Data rows per worksheet before a continuation sheet starts. 0: as many as Excel
  // allows. Lower it only to test continuation without writing a million rows.
  uint32_t max_rows_per_sheet = 0;
};

class RegisterWriter {
 public:
  // Starts a workbook that Close() will write to `path`. Fails early (IOError naming the
  // file) when the folder cannot take the file, rather than after a long export.
  static Result<std::unique_ptr<RegisterWriter>> Open(const std::string& path,
                                                      RegisterOptions options);

  // Without Close(), nothing is written: temporary files and "<path>.partial" are removed.
  ~RegisterWriter();
  RegisterWriter(const RegisterWriter&) = delete;
  RegisterWriter& operator=(const RegisterWriter&) = delete;

  // Appends one row. A row whose text is not valid UTF-8, or whose late_flags has unknown
  // bits, is refused with InvalidArgument naming the row and column, and nothing of it is
  // written: the caller may skip it and go on. Text longer than a cell holds (32,767
  // characters) is cut and marked "…（已截断）". A write failure (disk full…) is an
  // IOError that sticks: every later call, and Close(), returns it.
  // REQUIRES: Close() not called yet.
  Status AddCase(const CaseRow& row);
  Status AddDeadline(const DeadlineRow& row);
  Status AddRewardPenalty(const RewardPenaltyRow& row);

  // Writes the statistics and chart sheets, sets the autofilters, compresses the workbook
  // and renames it into place. After Close(), the writer accepts nothing more.
  Status Close();

  const RegisterCounts& counts() const;
  const std::string& path() const;

 private:
  struct Impl;
  explicit RegisterWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace erflow::reports
