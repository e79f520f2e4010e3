// Exporting the Excel register (台账) of the cases opened in a date range: read from the
// engine a page of cases at a time and streamed into RegisterWriter, so memory stays flat
// however many cases there are.
//
// What each column is read from — plan data and conventions, never a plan's name:
//   category, level, warning colour, discovered: the definition's caseFields `category`,
//     `level`, `warning_colour`, `discovered_at` (enum labels from their forms);
//   reported: the first submission of the start task;
//   activated / ended: completion of the first task of the stage `activation` /
//     `closeout` (启动 / 应急结束);
//   filing number and date: the task that declares `filing`;
//   summary date: submission of the first other `closeout` task that issues a record (the
//     investigation / summary report);
//   时限: every deadline instance; its kind groups deadlines across plans — a `dailyAt`
//     deadline is a daily report, one met by a `reporting` task is a report, by the
//     filing task a result report, by the summary task a summary; late flags follow;
//   奖惩: tasks whose form has `commend`+`subjects` (commendations), `accountable`+
//     `grounds` (accountability reviews: a row per person and ground) or `ground`+
//     `decision` (accountability proposals, system-proposed when the sweeper raised them).
//
// Thread rules: single-threaded per export (one RegisterWriter).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "erflow/engine.h"
#include "erflow/reports/register_writer.h"

namespace erflow::records {

struct RegisterExportOptions {
  Instant from, to;             // cases opened in [from, to]
  std::string visible_to_unit;  // non-empty: only the cases this unit takes part in
  std::string path;             // the .xlsx to write
  reports::Language language = reports::Language::kChinese;
  std::optional<Instant> as_of;  // lateness of missed deadlines is measured up to it
  std::string title;
  std::function<void(const reports::RegisterProgress&)> progress;
  uint64_t progress_every = 100000;
  int64_t page = 200;  // cases read per query
};

Result<reports::RegisterCounts> ExportRegister(Engine& engine,
                                               const RegisterExportOptions& options);

}  // namespace erflow::records
