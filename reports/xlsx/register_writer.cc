// See register_writer.h. The writer checks a row, asks its RegisterSheet where the row
// goes, writes the cells, then feeds the statistics: the only state that grows with the
// export is libxlsxwriter's temporary sheet files on disk.
// Thread rules: as register_writer.h (one thread at a time per writer).
#include "erflow/reports/register_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <utility>

#include <xlsxwriter.h>

#include "cell_text.h"
#include "register_charts.h"
#include "register_formats.h"
#include "register_layout.h"
#include "register_sheet.h"
#include "register_stats.h"
#include "row_check.h"
#include "row_writer.h"
#include "xlsx_status.h"

namespace erflow::reports {

struct RegisterWriter::Impl {
  std::string path;
  std::string partial_path;
  RegisterOptions options;
  lxw_workbook* wb = nullptr;
  RegisterFormats formats;
  std::unique_ptr<RegisterSheet> cases;
  std::unique_ptr<RegisterSheet> deadlines;
  std::unique_ptr<RegisterSheet> items;
  RegisterStats stats;
  RegisterCounts counts;
  std::string truncated_marker;
  Status failure;  // the first write failure; sticks
  bool closed = false;

  ~Impl() { Discard(); }

  // Drops the unfinished workbook and its temporary files; nothing reaches `path`.
  void Discard() {
    if (wb != nullptr) {
      lxw_workbook_free(wb);
      wb = nullptr;
    }
    if (!partial_path.empty()) std::remove(partial_path.c_str());
  }

  Status Usable() const {
    if (closed) return Status::InvalidArgument(path + ": register writer already closed");
    return failure;
  }

  Status Fail(Status st) {
    failure = std::move(st);
    return failure;
  }

  void Report(RegisterProgress::Phase phase) {
    if (options.progress) options.progress(RegisterProgress{phase, counts});
  }

  void RowDone() {
    if (options.progress_every != 0 && counts.total() % options.progress_every == 0) {
      Report(RegisterProgress::Phase::kRows);
    }
  }

  Language lang() const { return options.language; }

  RegisterSheet::Setup SheetSetup(const SheetLayout& layout) const {
    RegisterSheet::Setup s;
    s.layout = &layout;
    s.language = options.language;
    s.formats = &formats;
    s.title = options.title;
    s.max_rows_per_sheet = options.max_rows_per_sheet;
    s.path = path;
    return s;
  }

  // The steps every row goes through: refuse it if its check failed, find its place, let
  // `write_cells` fill it, count it, report progress. Write failures stick.
  template <typename WriteCells>
  Status Append(RegisterSheet& sheet, const RowCheck& check, uint64_t* counter,
                WriteCells&& write_cells) {
    if (!check.status().ok()) return check.status();
    lxw_worksheet* ws = nullptr;
    lxw_row_t row = 0;
    Status st = sheet.NextRow(&ws, &row);
    if (!st.ok()) return Fail(st);
    RowWriter w(ws, row, formats, truncated_marker);
    write_cells(w);
    if (w.error() != LXW_NO_ERROR) {
      return Fail(XlsxStatus(w.error(), path,
                             std::string("writing ") + sheet.layout().Name(lang()) + " row " +
                                 std::to_string(sheet.rows())));
    }
    ++*counter;
    RowDone();
    return Status::Ok();
  }
};

RegisterWriter::RegisterWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RegisterWriter::~RegisterWriter() = default;

Result<std::unique_ptr<RegisterWriter>> RegisterWriter::Open(const std::string& path,
                                                             RegisterOptions options) {
  if (path.empty()) return Status::InvalidArgument("register: no output path given");
  if (FirstInvalidUtf8(options.title) != std::string::npos) {
    return Status::InvalidArgument(path + ": register title is not valid UTF-8");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = std::move(options);
  impl->truncated_marker = impl->lang() == Language::kEnglish ? "… (truncated)" : "…（已截断）";

  // Probe the folder now: libxlsxwriter opens the output only at close, and a permission
  // error after an hour of export is a poor way to learn it.
  const std::string partial = path + ".partial";
  std::FILE* probe = std::fopen(partial.c_str(), "wb");
  if (probe == nullptr) {
    return Status::IOError(path + ": cannot create " + partial + ": " + std::strerror(errno));
  }
  std::fclose(probe);
  impl->partial_path = partial;

  lxw_workbook_options wo = {};
  wo.constant_memory = LXW_TRUE;
  wo.tmpdir = nullptr;       // ignored by Debian's build anyway (see register_writer.h)
  wo.use_zip64 = LXW_FALSE;  // parts stay far below 4 GB: Excel caps a sheet at 1,048,576 rows
  impl->wb = workbook_new_opt(partial.c_str(), &wo);
  if (impl->wb == nullptr) {
    return Status::IOError(path + ": libxlsxwriter could not start a workbook");
  }

  lxw_doc_properties props = {};
  std::string doc_title =
      impl->options.title.empty()
          ? (impl->lang() == Language::kEnglish ? "Emergency incident register" : "突发事件台账")
          : impl->options.title;
  props.title = doc_title.data();
  props.company = const_cast<char*>("erflow");
  if (impl->options.as_of) props.created = static_cast<time_t>(impl->options.as_of->seconds);
  lxw_error err = workbook_set_properties(impl->wb, &props);
  if (err != LXW_NO_ERROR) return XlsxStatus(err, path, "setting document properties");

  impl->formats = RegisterFormats::Create(impl->wb);
  impl->cases = std::make_unique<RegisterSheet>(impl->wb, impl->SheetSetup(CaseLayout()));
  impl->deadlines = std::make_unique<RegisterSheet>(impl->wb, impl->SheetSetup(DeadlineLayout()));
  impl->items = std::make_unique<RegisterSheet>(impl->wb, impl->SheetSetup(RewardPenaltyLayout()));
  ERFLOW_RETURN_IF_ERROR(impl->cases->Start());
  ERFLOW_RETURN_IF_ERROR(impl->deadlines->Start());
  ERFLOW_RETURN_IF_ERROR(impl->items->Start());
  return std::unique_ptr<RegisterWriter>(new RegisterWriter(std::move(impl)));
}

Status RegisterWriter::AddCase(const CaseRow& r) {
  Impl& m = *impl_;
  ERFLOW_RETURN_IF_ERROR(m.Usable());
  RowCheck check(CaseLayout(), m.cases->rows() + 1, r.case_id);
  check.Text(kCaseId, r.case_id)
      .Text(kCasePlan, r.plan)
      .Text(kCaseCategory, r.category)
      .Text(kCaseUnit, r.unit)
      .Moment(kCaseDiscovered, r.discovered)
      .Moment(kCaseReported, r.reported)
      .Moment(kCaseActivated, r.activated)
      .Moment(kCaseEnded, r.ended)
      .Text(kCaseFilingNumber, r.filing_number)
      .Moment(kCaseFiled, r.filed)
      .Moment(kCaseSummary, r.summary_submitted)
      .Text(kCaseStatus, r.status);
  if ((r.late_flags & ~kAllLateFlags) != 0) {
    check.Fail(kCaseLateFlags,
               "unknown late flag bits " + std::to_string(r.late_flags & ~kAllLateFlags));
  }
  const Language lang = m.lang();
  ERFLOW_RETURN_IF_ERROR(m.Append(*m.cases, check, &m.counts.cases, [&](RowWriter& w) {
    w.Text(kCaseId, r.case_id);
    w.Text(kCasePlan, r.plan);
    w.Text(kCaseCategory, r.category);
    w.Label(kCaseLevel, Label(r.level, lang));
    w.Label(kCaseWarning, Label(r.warning, lang), m.formats.Warning(r.warning));
    w.Text(kCaseUnit, r.unit);
    w.Moment(kCaseDiscovered, r.discovered);
    w.Moment(kCaseReported, r.reported);
    w.Moment(kCaseActivated, r.activated);
    w.Moment(kCaseEnded, r.ended);
    w.Text(kCaseFilingNumber, r.filing_number);
    w.Day(kCaseFiled, r.filed);
    w.Moment(kCaseSummary, r.summary_submitted);
    w.Text(kCaseStatus, r.status);
    if (r.late_flags != 0) w.Text(kCaseLateFlags, LateFlagsText(r.late_flags, lang));
    w.Number(kCaseLateCount, LateFlagCount(r.late_flags), m.formats.count);
  }));
  m.stats.AddCase(r);
  return Status::Ok();
}

namespace {

// How late, in hours: a late deadline up to when it was done, a missed one up to as_of.
std::optional<double> LateHours(const DeadlineRow& r, const std::optional<Instant>& as_of) {
  std::optional<Instant> until;
  if (r.state == DeadlineState::kLate) until = r.done;
  if (r.state == DeadlineState::kMissed) until = as_of;
  if (!r.due || !until || *until <= *r.due) return std::nullopt;
  return static_cast<double>(until->seconds - r.due->seconds) / 3600.0;
}

}  // namespace

Status RegisterWriter::AddDeadline(const DeadlineRow& r) {
  Impl& m = *impl_;
  ERFLOW_RETURN_IF_ERROR(m.Usable());
  RowCheck check(DeadlineLayout(), m.deadlines->rows() + 1, r.case_id);
  check.Text(kDeadlineCaseId, r.case_id)
      .Text(kDeadlineName, r.name)
      .Text(kDeadlineKind, r.kind_code)
      .Text(kDeadlineKind, r.kind_label)
      .Moment(kDeadlineDue, r.due)
      .Moment(kDeadlineDone, r.done);
  ERFLOW_RETURN_IF_ERROR(m.Append(*m.deadlines, check, &m.counts.deadlines, [&](RowWriter& w) {
    w.Text(kDeadlineCaseId, r.case_id);
    w.Text(kDeadlineName, r.name);
    w.Text(kDeadlineKind, r.kind_label.empty() ? r.kind_code : r.kind_label);
    w.Moment(kDeadlineDue, r.due);
    w.Moment(kDeadlineDone, r.done);
    w.Label(kDeadlineState, Label(r.state, m.lang()));
    if (auto hours = LateHours(r, m.options.as_of)) {
      w.Number(kDeadlineLateHours, *hours, m.formats.hours);
    }
  }));
  m.stats.AddDeadline(r);
  return Status::Ok();
}

Status RegisterWriter::AddRewardPenalty(const RewardPenaltyRow& r) {
  Impl& m = *impl_;
  ERFLOW_RETURN_IF_ERROR(m.Usable());
  RowCheck check(RewardPenaltyLayout(), m.items->rows() + 1, r.case_id);
  check.Text(kItemCaseId, r.case_id)
      .Text(kItemSubject, r.subject)
      .Text(kItemReason, r.reason)
      .Text(kItemDismissalReason, r.dismissal_reason)
      .Text(kItemDecidedBy, r.decided_by)
      .Moment(kItemDecided, r.decided);
  const Language lang = m.lang();
  const bool en = lang == Language::kEnglish;
  return m.Append(*m.items, check, &m.counts.reward_penalty_items, [&](RowWriter& w) {
    w.Text(kItemCaseId, r.case_id);
    w.Label(kItemKind, Label(r.kind, lang));
    w.Text(kItemSubject, r.subject);
    w.Label(kItemGround, Label(r.ground, lang));
    w.Text(kItemReason, r.reason);
    w.Label(kItemOutcome, Label(r.outcome, lang));
    w.Label(kItemStatus, Label(r.status, lang));
    w.Text(kItemDismissalReason, r.dismissal_reason);
    w.Label(kItemProposedBy,
            r.system_proposed ? (en ? "System" : "系统") : (en ? "Person" : "人工"));
    w.Text(kItemDecidedBy, r.decided_by);
    w.Moment(kItemDecided, r.decided);
  });
}

Status RegisterWriter::Close() {
  Impl& m = *impl_;
  if (m.closed) return m.Usable();
  // A write failure earlier still ends here: Close() is where the caller cleans up.
  Status st = m.failure;
  m.closed = true;
  if (st.ok()) st = m.cases->Finish();
  if (st.ok()) st = m.deadlines->Finish();
  if (st.ok()) st = m.items->Finish();
  if (st.ok()) st = WriteRegisterCharts(m.wb, m.stats, m.formats, m.lang(), m.path);
  if (!st.ok()) {
    m.Discard();
    return st;
  }

  m.Report(RegisterProgress::Phase::kPacking);
  lxw_error err = workbook_close(m.wb);  // frees the workbook whatever happens
  m.wb = nullptr;
  if (err != LXW_NO_ERROR) {
    m.Discard();
    return XlsxStatus(err, m.path, "writing the workbook");
  }
  if (std::rename(m.partial_path.c_str(), m.path.c_str()) != 0) {
    Status rename_failed = Status::IOError(m.path + ": cannot move " + m.partial_path +
                                           " into place: " + std::strerror(errno));
    m.Discard();
    return rename_failed;
  }
  m.partial_path.clear();
  m.Report(RegisterProgress::Phase::kDone);
  return Status::Ok();
}

const RegisterCounts& RegisterWriter::counts() const {
  return impl_->counts;
}
const std::string& RegisterWriter::path() const {
  return impl_->path;
}

}  // namespace erflow::reports
