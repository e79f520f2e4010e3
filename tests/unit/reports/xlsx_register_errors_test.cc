// RegisterWriter's edges: refused rows, unwritable places, a writer dropped without
// Close(), continuation sheets past the row limit, progress calls, over-long text, and the
// code/label tables the database feeder relies on.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "erflow/reports/register_labels.h"
#include "erflow/reports/register_writer.h"
#include "test_support.h"
#include "xlsx_dump.h"

using namespace erflow;
using namespace erflow::reports;
using namespace erflow::test;

namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

CaseRow SimpleCase(int i) {
  CaseRow c;
  c.case_id = "C-" + std::to_string(i);
  c.plan = "统计系统突发事件应急预案";
  c.level = Level::kIII;
  c.warning = WarningColour::kYellow;
  c.discovered = Instant::FromUnix(1760403600 + i * 3600);  // 2025-10-14 09:00 +08:00 on
  c.status = "处置中";
  return c;
}

std::unique_ptr<RegisterWriter> OpenOk(const std::string& path, RegisterOptions o = {}) {
  auto w = RegisterWriter::Open(path, std::move(o));
  INFO(w.status().ToString());
  REQUIRE(w.ok());
  return std::move(w).value();
}

}  // namespace

TEST_CASE("register: an unwritable place fails at Open, naming the file", "[xlsx]") {
  auto w = RegisterWriter::Open("/nonexistent-dir/台账.xlsx", {});
  REQUIRE_FALSE(w.ok());
  CHECK(w.status().code() == Status::Code::kIOError);
  CHECK(w.status().message().find("/nonexistent-dir/台账.xlsx") != std::string::npos);
}

TEST_CASE("register: a failure while packing is an IOError naming the file", "[xlsx]") {
  TempDir dir;
  std::string folder = dir.File("gone");
  REQUIRE(::mkdir(folder.c_str(), 0700) == 0);
  std::string path = folder + "/r.xlsx";
  auto w = OpenOk(path);
  REQUIRE(w->AddCase(SimpleCase(1)).ok());
  // The folder disappears during the export.
  REQUIRE(std::remove((path + ".partial").c_str()) == 0);
  REQUIRE(::rmdir(folder.c_str()) == 0);
  Status st = w->Close();
  CHECK(st.code() == Status::Code::kIOError);
  CHECK(st.message().rfind(path + ": writing the workbook: ", 0) == 0);
  CHECK(st.message().find("No such file or directory") != std::string::npos);
  CHECK_FALSE(Exists(path));
}

TEST_CASE("register: a refused row leaves nothing behind and the export goes on", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  auto w = OpenOk(path);
  CaseRow bad = SimpleCase(1);
  bad.unit = std::string("鹿城") + "\xE5\x8C" + "区";  // a cut-off character
  Status st = w->AddCase(bad);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message() == "Cases row 1 (case C-1), column Unit: invalid UTF-8 at byte 6");

  CaseRow flags = SimpleCase(2);
  flags.late_flags = 1u << 20;
  CHECK(w->AddCase(flags).code() == Status::Code::kInvalidArgument);

  CaseRow ancient = SimpleCase(3);
  ancient.ended = Instant::FromUnix(-4000000000);  // 1843
  st = w->AddCase(ancient);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message().find("column Ended") != std::string::npos);

  REQUIRE(w->AddCase(SimpleCase(4)).ok());
  CHECK(w->counts().cases == 1);
  REQUIRE(w->Close().ok());
  CHECK(w->AddCase(SimpleCase(5)).code() == Status::Code::kInvalidArgument);
  CHECK(w->Close().code() == Status::Code::kInvalidArgument);
  CHECK_FALSE(Exists(path + ".partial"));

  Json dump = DumpXlsx(path);
  const Json& cases = Sheet(dump, "台账");
  CHECK(cases["max_row"].AsInt() == 2);
  CHECK(CellText(Cell(cases, 2, 0)) == "C-4");
  CHECK(CellText(Cell(cases, 2, 3)) == "Ⅲ级 较大");
}

TEST_CASE("register: a writer dropped without Close() writes nothing", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  test::WriteFile(path, "earlier register");
  {
    auto w = OpenOk(path);
    REQUIRE(w->AddCase(SimpleCase(1)).ok());
    CHECK(Exists(path + ".partial"));
  }
  CHECK_FALSE(Exists(path + ".partial"));
  CHECK(ReadFile(path) == "earlier register");  // the earlier file is untouched
}

TEST_CASE("register: rows past the sheet limit go on in continuation sheets", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  RegisterOptions o;
  o.max_rows_per_sheet = 2;
  o.title = "台账";
  auto w = OpenOk(path, o);
  for (int i = 1; i <= 5; ++i) REQUIRE(w->AddCase(SimpleCase(i)).ok());
  REQUIRE(w->Close().ok());

  Json dump = DumpXlsx(path);
  std::vector<std::string> sheets;
  for (const Json& n : dump["sheets"].items()) sheets.push_back(n.AsString());
  CHECK(sheets == std::vector<std::string>{"台账", "时限", "奖惩", "台账 (2)", "台账 (3)", "统计图",
                                           "统计数据"});
  CHECK(Sheet(dump, "台账")["autofilter"].AsString() == "A2:P4");
  CHECK(Sheet(dump, "台账 (2)")["autofilter"].AsString() == "A2:P4");
  CHECK(Sheet(dump, "台账 (3)")["autofilter"].AsString() == "A2:P3");
  CHECK(Sheet(dump, "台账 (3)")["freeze"].AsString() == "A3");
  CHECK(CellText(Cell(Sheet(dump, "台账 (3)"), 2, 0)) == "事件编号");
  CHECK(CellText(Cell(Sheet(dump, "台账 (3)"), 3, 0)) == "C-5");
  // Empty register sheets still carry their header and a filter over it.
  CHECK(Sheet(dump, "时限")["autofilter"].AsString() == "A2:G2");
  // The statistics cover all five cases, whichever sheet they landed on.
  CHECK(CellNumber(Cell(Sheet(dump, "统计数据"), 2, 6)) == 5);
  CHECK(dump["charts"]["统计图"].size() == 1);  // no deadlines: no on-time chart
}

TEST_CASE("register: progress every N rows and through Close()", "[xlsx]") {
  TempDir dir;
  std::vector<std::pair<RegisterProgress::Phase, uint64_t>> calls;
  RegisterOptions o;
  o.progress_every = 2;
  o.progress = [&](const RegisterProgress& p) { calls.emplace_back(p.phase, p.rows.total()); };
  auto w = OpenOk(dir.File("r.xlsx"), o);
  for (int i = 1; i <= 3; ++i) REQUIRE(w->AddCase(SimpleCase(i)).ok());
  DeadlineRow d;
  d.case_id = "C-1";
  d.kind_code = "initial_report";
  REQUIRE(w->AddDeadline(d).ok());
  REQUIRE(w->Close().ok());
  using P = RegisterProgress::Phase;
  CHECK(calls == std::vector<std::pair<P, uint64_t>>{
                     {P::kRows, 2}, {P::kRows, 4}, {P::kPacking, 4}, {P::kDone, 4}});
}

TEST_CASE("register: text longer than a cell is cut with a visible marker", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  auto w = OpenOk(path);
  RewardPenaltyRow item;
  item.case_id = "C-1";
  for (int i = 0; i < 40000; ++i) item.reason += "事";
  REQUIRE(w->AddRewardPenalty(item).ok());
  REQUIRE(w->Close().ok());
  Json dump = DumpXlsx(path);
  std::string cell = CellText(Cell(Sheet(dump, "奖惩"), 2, 4));
  const std::string marker = "…（已截断）";
  REQUIRE(cell.size() > marker.size());
  CHECK(cell.compare(cell.size() - marker.size(), marker.size(), marker) == 0);
  CHECK(cell.size() == (32767 - 6) * 3 + marker.size());  // 32,767 characters in all
}

TEST_CASE("register: codes and labels round-trip", "[xlsx]") {
  for (int v = 0; v <= 4; ++v) {
    Level l = static_cast<Level>(v), back = Level::kUnrated;
    REQUIRE(FromCode(Code(l), &back));
    CHECK(back == l);
  }
  DeadlineState s = DeadlineState::kPending;
  CHECK(FromCode("missed", &s));
  CHECK(s == DeadlineState::kMissed);
  CHECK(std::string(Label(s, Language::kChinese)) == "已逾期未完成");
  AccountabilityGround g = AccountabilityGround::kNone;
  CHECK(FromCode("false_information", &g));
  CHECK(g == AccountabilityGround::kFalseInformation);
  Outcome o = Outcome::kNone;
  CHECK_FALSE(FromCode("hanged", &o));
  CHECK(std::string(Label(Outcome::kJudicialReferral, Language::kChinese)) == "移交司法机关");
  CHECK(std::string(Label(WarningColour::kRed, Language::kEnglish)) == "Red");
  CHECK(LateFlagsText(kLateReport | kDailyReportMissed, Language::kChinese) == "迟报、日报缺报");
  CHECK(LateFlagCount(kAllLateFlags) == 4);
}
