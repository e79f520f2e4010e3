// Filing numbers under concurrency and the Excel register from a real database.
//  - Several erflow processes file result reports at the same moment: each filing takes
//    its per-day and all-time numbers in its own transaction, so the numbers come out
//    unique and gapless (1..N per day, 1..2N in all over two days), every filing with its
//    signed record.
//  - `erflow register` over those cases, read back with Debian's python3-openpyxl.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "erflow/sha256.h"
#include "functional/records_world.h"
#include "unit/reports/xlsx_dump.h"

using namespace erflow;
using namespace erflow::test;

namespace {

constexpr int kProcesses = 6;

// N network-security cases waiting for their result report to be filed.
std::vector<int64_t> CasesAwaitingFiling(RecordsWorld& w, const Json& drill, int n) {
  std::vector<int64_t> ids;
  const size_t approve = LastStep(drill, "approve", "result-report");
  for (int i = 0; i < n; ++i) {
    int64_t id = 0;
    w.Play(drill, 0, approve, &id);
    ids.push_back(id);
  }
  return ids;
}

// Files every case's result report at `now`, one erflow process per case, all started
// together; returns the filing numbers.
std::vector<std::string> FileTogether(RecordsWorld& w, const Json& drill,
                                      const std::vector<int64_t>& ids, const std::string& now) {
  const Json& step = drill["steps"].items()[LastStep(drill, "approve", "result-report")];
  const std::string form = w.dir().File("opinion.json");
  WriteFile(form, step["form"].Dump());
  std::string script;
  for (int64_t id : ids) {
    const std::string tag = w.dir().File("filing-" + std::to_string(id));
    script += "( " + ShellQuote(ErflowBinary()) + " --db " + ShellQuote(w.db()) + " --now " +
              ShellQuote(now) + " case act " + std::to_string(id) +
              " result-report approve --as zhou.hang --form " + ShellQuote(form) + " > " +
              ShellQuote(tag + ".out") + " 2>&1; echo $? > " + ShellQuote(tag + ".rc") + " ) &\n";
  }
  script += "wait\n";
  RunResult r = RunShell(script);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> numbers;
  for (int64_t id : ids) {
    const std::string tag = w.dir().File("filing-" + std::to_string(id));
    INFO("case " << id << ": " << ReadFile(tag + ".out"));
    CHECK(ReadFile(tag + ".rc") == "0\n");
    auto view = w.engine().GetCase(id);
    REQUIRE(view.ok());
    numbers.push_back(view->state.data["result-report"].GetString("filing_number"));
    CHECK(view->state.records.back().kind == "result-report");
  }
  return numbers;
}

// "2025年10月20日第3号 总第9号" → {3, 9}, with the date checked.
std::pair<int, int> Parse(const std::string& number, const std::string& day) {
  static const std::regex kForm("(\\d{4}年\\d{2}月\\d{2}日)第(\\d+)号 总第(\\d+)号");
  std::smatch m;
  INFO(number);
  REQUIRE(std::regex_match(number, m, kForm));
  CHECK(m[1].str() == day);
  return {std::stoi(m[2].str()), std::stoi(m[3].str())};
}

std::vector<int> Sorted(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<int> Range(int from, int to) {
  std::vector<int> v;
  for (int i = from; i <= to; ++i) v.push_back(i);
  return v;
}

}  // namespace

TEST_CASE("records: parallel filings from several processes give unique, gapless numbers",
          "[records][filing]") {
  RecordsWorld w;
  Json drill = LoadDrill("network-security.json");
  w.AddDrillUsers(drill);
  const auto first = CasesAwaitingFiling(w, drill, kProcesses);
  const auto second = CasesAwaitingFiling(w, drill, kProcesses);

  std::vector<int> day1, day2, total;
  for (const auto& n : FileTogether(w, drill, first, "2025-10-20T10:00:00+08:00")) {
    auto [d, t] = Parse(n, "2025年10月20日");
    day1.push_back(d);
    total.push_back(t);
  }
  for (const auto& n : FileTogether(w, drill, second, "2025-10-21T10:00:00+08:00")) {
    auto [d, t] = Parse(n, "2025年10月21日");
    day2.push_back(d);
    total.push_back(t);
  }
  CHECK(Sorted(day1) == Range(1, kProcesses));
  CHECK(Sorted(day2) == Range(1, kProcesses));
  CHECK(Sorted(total) == Range(1, 2 * kProcesses));
  auto audit = w.Cli({"audit", "verify"});
  INFO(Run(audit));
  CHECK(audit.exit_code == 0);
}

TEST_CASE("records: the register of a real database reads back with openpyxl",
          "[records][register]") {
  RecordsWorld w;
  Json ns = LoadDrill("network-security.json");
  w.AddDrillUsers(ns);
  int64_t full = 0;
  w.Play(ns, 0, ns["steps"].size(), &full);
  Json po = LoadDrill("public-opinion.json");
  w.AddDrillUsers(po);
  int64_t other = 0;
  w.Play(po, 0, po["steps"].size(), &other);

  const std::string xlsx = w.dir().File("register.xlsx");
  auto r = w.Cli({"register", "--from", "2025-01-01", "--to", "2025-12-31", "--xlsx", xlsx});
  INFO(Run(r));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("register: done") != std::string::npos);  // the progress line
  const Json dump = DumpXlsx(xlsx);
  std::vector<std::string> names;
  for (const auto& s : dump["sheets"].items()) names.push_back(s.AsString());
  INFO(dump["sheets"].Dump());
  REQUIRE(names.size() >= 3);
  CHECK(names[0] == "台账");
  CHECK(names[1] == "时限");
  CHECK(names[2] == "奖惩");

  const Json& cases = Sheet(dump, "台账");
  CHECK(CellText(Cell(cases, 1, 0)) == "事件编号");
  CHECK(CellText(Cell(cases, 1, 10)) == "备案编号");
  // The network-security case: plan, category and level labels, real dates, filing.
  size_t row = 0, po_row = 0;
  for (size_t i = 2; i <= 3; ++i) {
    if (CellText(Cell(cases, i, 0)) == std::to_string(full)) row = i;
    if (CellText(Cell(cases, i, 0)) == std::to_string(other)) po_row = i;
  }
  REQUIRE(row != 0);
  REQUIRE(po_row != 0);
  CHECK(CellText(Cell(cases, po_row, 1)) == "重大统计新闻舆论事件应急预案");
  CHECK_FALSE(CellText(Cell(cases, po_row, 2)).empty());  // caseFields category: assess.type
  CHECK(CellText(Cell(cases, row, 1)) == "网络与信息安全突发事件应急预案");
  CHECK(CellText(Cell(cases, row, 2)) == "有害程序事件");
  CHECK(CellText(Cell(cases, row, 3)) == "Ⅱ级 重大");
  CHECK(CellText(Cell(cases, row, 4)) == "橙色");
  CHECK(CellType(Cell(cases, row, 6)) == "d");  // discovered
  CHECK(CellText(Cell(cases, row, 6)).rfind("2025-09-29T08:40", 0) == 0);
  CHECK(CellType(Cell(cases, row, 7)) == "d");  // reported
  CHECK(CellType(Cell(cases, row, 8)) == "d");  // activated
  CHECK(CellText(Cell(cases, row, 8)).rfind("2025-09-29T10:00", 0) == 0);
  CHECK(CellText(Cell(cases, row, 9)).rfind("2025-09-30T18:40", 0) == 0);  // ended
  CHECK(CellText(Cell(cases, row, 10)) == "2025年10月14日第1号 总第1号");
  CHECK(CellType(Cell(cases, row, 11)) == "d");  // filed
  CHECK(CellType(Cell(cases, row, 12)) == "d");  // summary
  CHECK(CellText(Cell(cases, row, 13)) == "处置完毕结案");

  const Json& deadlines = Sheet(dump, "时限");
  CHECK(CellText(Cell(deadlines, 1, 1)) == "时限名称");
  bool result_report = false;
  for (size_t i = 2; i < 40; ++i)
    if (CellText(Cell(deadlines, i, 2)) == "结果报告备案") {
      result_report = true;
      CHECK(CellType(Cell(deadlines, i, 3)) == "d");
      CHECK(CellText(Cell(deadlines, i, 3)).rfind("2025-10-15T00:00", 0) == 0);  // 10-14 24:00
      CHECK(CellText(Cell(deadlines, i, 5)) == "按时");
    }
  CHECK(result_report);

  const Json& items = Sheet(dump, "奖惩");
  CHECK(CellText(Cell(items, 1, 2)) == "对象（人员/单位）");
  int commendations = 0, accountability = 0;
  for (size_t i = 2; i < 40; ++i) {
    commendations += CellText(Cell(items, i, 1)) == "表彰";
    accountability += CellText(Cell(items, i, 1)) == "问责";
  }
  CHECK(commendations >= 1);
  CHECK(accountability >= 1);

  // English headers and labels; the file's hash is in the export log.
  const std::string en = w.dir().File("register-en.xlsx");
  r = w.Cli(
      {"register", "--from", "2025-01-01", "--to", "2025-12-31", "--xlsx", en, "--lang", "en"});
  REQUIRE(r.exit_code == 0);
  const Json en_dump = DumpXlsx(en);
  CHECK(en_dump["sheets"].items()[0].AsString() == "Cases");
  CHECK(CellText(Cell(Sheet(en_dump, "Cases"), 1, 0)) == "Case ID");
  auto log = w.engine().TraceHash(Sha256Hex(ReadFile(en)));
  REQUIRE(log.ok());
  CHECK(log->exports.size() == 1);
  CHECK(log->exports[0].kind == "register");
  // A range without cases still writes a workbook.
  r = w.Cli({"register", "--from", "2024-01-01", "--to", "2024-01-31", "--xlsx",
             w.dir().File("empty.xlsx")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(" 0 cases") != std::string::npos);
}
