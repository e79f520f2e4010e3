// The Excel register as an auditor opens it: written with RegisterWriter, read back with
// Debian's python3-openpyxl (tests/xlsx_dump.py), checked for sheets, headers, frozen
// panes, autofilters, real China-time dates, numbers, labels and the chart parts.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "erflow/reports/register_writer.h"
#include "erflow/time_format.h"
#include "test_support.h"
#include "xlsx_dump.h"

using namespace erflow;
using namespace erflow::reports;
using namespace erflow::test;

namespace {

Instant At(const std::string& iso) {
  auto t = ParseTimestamp(iso);
  REQUIRE(t.ok());
  return *t;
}

struct Sample {
  std::vector<CaseRow> cases;
  std::vector<DeadlineRow> deadlines;
  std::vector<RewardPenaltyRow> items;
};

Sample MakeSample() {
  Sample s;
  CaseRow c1;
  c1.case_id = "2025-0001";
  c1.plan = "网络与信息安全突发事件应急预案";
  c1.category = "网络攻击";
  c1.level = Level::kII;
  c1.warning = WarningColour::kOrange;
  c1.unit = "鹿城区大数据中心";
  c1.discovered = At("2025-10-14T09:00:00+08:00");
  c1.reported = At("2025-10-14T09:45:00+08:00");
  c1.activated = At("2025-10-14T10:30:00+08:00");
  c1.ended = At("2025-10-15T18:00:00+08:00");
  c1.filing_number = "2025年10月22日第1号 总第128号";
  c1.filed = At("2025-10-22T10:00:00+08:00");
  c1.summary_submitted = At("2025-11-20T16:00:00+08:00");
  c1.status = "已结案";
  c1.late_flags = kLateReport;
  s.cases.push_back(c1);

  CaseRow c2;
  c2.case_id = "2025-0002";
  c2.plan = "统计信息重大失泄密事件应急处置预案";
  c2.category = "信息内容安全";
  c2.level = Level::kI;
  c2.warning = WarningColour::kRed;
  c2.unit = "A&B <测试> \"单位\"";
  // 15:30 UTC, already 23:30 on 30 Sep in China: the month and the date are China's.
  c2.discovered = At("2025-09-30T15:30:00Z");
  c2.reported = At("2025-09-30T23:50:00+08:00");
  c2.activated = At("2025-10-01T00:20:00+08:00");
  c2.status = "处置中";
  c2.late_flags = kResultReportOverdue | kSummaryOverdue;
  s.cases.push_back(c2);

  CaseRow c3;  // just registered: most moments missing
  c3.case_id = "2025-0003";
  c3.plan = "统计系统突发事件应急预案";
  c3.reported = At("2025-10-01T08:00:00+08:00");
  c3.status = "已登记";
  s.cases.push_back(c3);

  CaseRow c4;
  c4.case_id = "2025-0004";
  c4.plan = "网络与信息安全突发事件应急预案";
  c4.category = "设备设施故障";
  c4.level = Level::kIV;
  c4.warning = WarningColour::kBlue;
  c4.discovered = At("2025-10-02T14:05:00+08:00");
  c4.reported = At("2025-10-02T14:20:00+08:00");
  c4.status = "处置中";
  s.cases.push_back(c4);

  auto deadline = [](const char* id, const char* name, const char* code, const char* label,
                     std::optional<Instant> due, std::optional<Instant> done, DeadlineState st) {
    DeadlineRow d;
    d.case_id = id;
    d.name = name;
    d.kind_code = code;
    d.kind_label = label;
    d.due = due;
    d.done = done;
    d.state = st;
    return d;
  };
  s.deadlines.push_back(deadline("2025-0001", "初次报告（30分钟）", "initial_report", "初次报告",
                                 At("2025-10-14T09:30:00+08:00"), At("2025-10-14T09:45:00+08:00"),
                                 DeadlineState::kLate));
  s.deadlines.push_back(deadline("2025-0001", "处理结果报告备案（5个工作日）", "result_report",
                                 "结果报告备案", At("2025-10-23T00:00:00+08:00"),
                                 At("2025-10-22T10:00:00+08:00"), DeadlineState::kMet));
  s.deadlines.push_back(deadline("2025-0002", "处理结果报告备案（5个工作日）", "result_report",
                                 "结果报告备案", At("2025-11-10T00:00:00+08:00"), std::nullopt,
                                 DeadlineState::kMissed));
  s.deadlines.push_back(deadline("2025-0002", "调查总结报告（30日）", "summary", "调查总结报告",
                                 At("2025-12-01T00:00:00+08:00"), std::nullopt,
                                 DeadlineState::kPending));
  s.deadlines.push_back(deadline("2025-0003", "初次报告（24小时）", "initial_report", "初次报告",
                                 At("2025-10-02T08:00:00+08:00"), At("2025-10-01T08:00:00+08:00"),
                                 DeadlineState::kMet));

  RewardPenaltyRow i1;
  i1.case_id = "2025-0001";
  i1.kind = RewardPenaltyKind::kAccountability;
  i1.subject = "张三（鹿城区大数据中心）";
  i1.ground = AccountabilityGround::kLateFalseConcealedReport;
  i1.reason = "初次报告迟报15分钟";
  i1.outcome = Outcome::kCirculatedCriticism;
  i1.status = ItemStatus::kConfirmed;
  i1.system_proposed = true;
  i1.decided_by = "李四";
  i1.decided = At("2025-11-25T15:00:00+08:00");
  s.items.push_back(i1);

  RewardPenaltyRow i2;
  i2.case_id = "2025-0002";
  i2.kind = RewardPenaltyKind::kAccountability;
  i2.subject = "王五";
  i2.ground = AccountabilityGround::kLateFalseConcealedReport;
  i2.status = ItemStatus::kDismissed;
  i2.dismissal_reason = "系统时钟故障，非人为迟报";
  i2.system_proposed = true;
  i2.decided_by = "李四";
  i2.decided = At("2025-11-26T09:00:00+08:00");
  s.items.push_back(i2);

  RewardPenaltyRow i3;
  i3.case_id = "2025-0001";
  i3.kind = RewardPenaltyKind::kCommendation;
  i3.subject = "技术处置组";
  i3.reason = "处置有力、成绩显著";
  i3.outcome = Outcome::kCommendedAward;
  i3.status = ItemStatus::kConfirmed;
  i3.decided_by = "赵六";
  s.items.push_back(i3);
  return s;
}

RegisterOptions SampleOptions() {
  RegisterOptions o;
  o.as_of = At("2025-11-30T12:00:00+08:00");
  return o;
}

void WriteSample(const std::string& path, RegisterOptions options) {
  Sample s = MakeSample();
  auto w = RegisterWriter::Open(path, std::move(options));
  REQUIRE(w.ok());
  // Interleaved the way a feeder reading case by case would send them.
  for (const auto& c : s.cases) REQUIRE((*w)->AddCase(c).ok());
  for (const auto& d : s.deadlines) REQUIRE((*w)->AddDeadline(d).ok());
  for (const auto& i : s.items) REQUIRE((*w)->AddRewardPenalty(i).ok());
  Status st = (*w)->Close();
  INFO(st.ToString());
  REQUIRE(st.ok());
}

std::vector<std::string> Row(const Json& sheet, size_t row) {
  std::vector<std::string> out;
  for (const Json& c : sheet["rows"].items()[row - 1].items()) out.push_back(CellText(c));
  return out;
}

}  // namespace

TEST_CASE("register: sheets, headers, panes, filters and case values", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("台账.xlsx");
  RegisterOptions o = SampleOptions();
  o.title = "突发事件台账（2025年9月—11月）";
  WriteSample(path, o);
  Json dump = DumpXlsx(path);

  std::vector<std::string> sheets;
  for (const Json& n : dump["sheets"].items()) sheets.push_back(n.AsString());
  CHECK(sheets == std::vector<std::string>{"台账", "时限", "奖惩", "统计图", "统计数据"});

  const Json& cases = Sheet(dump, "台账");
  CHECK(CellText(Cell(cases, 1, 0)) == "突发事件台账（2025年9月—11月）");
  CHECK(Row(cases, 2) == std::vector<std::string>{"事件编号", "应急预案", "事件类别", "事件级别",
                                                  "预警颜色", "事发单位", "发现时间", "报告时间",
                                                  "启动时间", "结束时间", "备案编号", "备案日期",
                                                  "总结报告时间", "状态", "逾期标记", "逾期项数"});
  // Title row on top, header row 2 frozen with it, filter from the header down.
  CHECK(cases["freeze"].AsString() == "A3");
  CHECK(cases["autofilter"].AsString() == "A2:P6");
  CHECK(cases["max_row"].AsInt() == 6);
  CHECK(cases["widths"]["B"].AsDouble() > 20);
  CHECK(cases["widths"]["G"].AsDouble() >= 16);

  // Case 1: text, labels and real China-time moments.
  CHECK(CellText(Cell(cases, 3, 0)) == "2025-0001");
  CHECK(CellText(Cell(cases, 3, 3)) == "Ⅱ级 重大");
  CHECK(CellText(Cell(cases, 3, 4)) == "橙色");
  const Json& discovered = Cell(cases, 3, 6);
  CHECK(CellType(discovered) == "d");
  CHECK(CellText(discovered) == "2025-10-14T09:00:00");
  CHECK(CellFormat(discovered) == "yyyy-mm-dd hh:mm");
  CHECK(CellText(Cell(cases, 3, 9)) == "2025-10-15T18:00:00");
  CHECK(CellText(Cell(cases, 3, 10)) == "2025年10月22日第1号 总第128号");
  // The filing date is a day, not a moment.
  CHECK(CellType(Cell(cases, 3, 11)) == "d");
  CHECK(CellText(Cell(cases, 3, 11)) == "2025-10-22T00:00:00");
  CHECK(CellFormat(Cell(cases, 3, 11)) == "yyyy-mm-dd");
  CHECK(CellText(Cell(cases, 3, 14)) == "迟报");
  CHECK(CellType(Cell(cases, 3, 15)) == "n");
  CHECK(CellNumber(Cell(cases, 3, 15)) == 1);

  // Case 2: a UTC instant shown in China time; markup characters survive; two flags.
  CHECK(CellText(Cell(cases, 4, 3)) == "Ⅰ级 特别重大");
  CHECK(CellText(Cell(cases, 4, 5)) == "A&B <测试> \"单位\"");
  CHECK(CellText(Cell(cases, 4, 6)) == "2025-09-30T23:30:00");
  CHECK(Cell(cases, 4, 9).is_null());   // not ended
  CHECK(Cell(cases, 4, 10).is_null());  // not filed
  CHECK(CellText(Cell(cases, 4, 14)) == "结果报告逾期、总结逾期");
  CHECK(CellNumber(Cell(cases, 4, 15)) == 2);

  // Case 3: unrated, no warning, no discovery time: blanks, not zeros.
  CHECK(CellText(Cell(cases, 5, 3)) == "未定级");
  CHECK(Cell(cases, 5, 4).is_null());
  CHECK(Cell(cases, 5, 6).is_null());
  CHECK(CellText(Cell(cases, 5, 7)) == "2025-10-01T08:00:00");
  CHECK(Cell(cases, 5, 14).is_null());
  CHECK(CellNumber(Cell(cases, 5, 15)) == 0);
  CHECK(CellText(Cell(cases, 6, 3)) == "Ⅳ级 一般");
  CHECK(CellText(Cell(cases, 6, 4)) == "蓝色");
}

TEST_CASE("register: deadlines and commendation/accountability sheets", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  WriteSample(path, SampleOptions());  // no title: header in row 1
  Json dump = DumpXlsx(path);

  const Json& dl = Sheet(dump, "时限");
  CHECK(Row(dl, 1) == std::vector<std::string>{"事件编号", "时限名称", "时限类别", "截止时间",
                                               "完成时间", "状态", "逾期时长（小时）"});
  CHECK(dl["freeze"].AsString() == "A2");
  CHECK(dl["autofilter"].AsString() == "A1:G6");
  // Late: done 15 min after due -> 0.25 h, a number.
  CHECK(CellText(Cell(dl, 2, 2)) == "初次报告");
  CHECK(CellText(Cell(dl, 2, 3)) == "2025-10-14T09:30:00");
  CHECK(CellText(Cell(dl, 2, 5)) == "逾期完成");
  CHECK(CellType(Cell(dl, 2, 6)) == "n");
  CHECK(CellNumber(Cell(dl, 2, 6)) == Approx(0.25));
  CHECK(CellFormat(Cell(dl, 2, 6)) == "0.0");
  // Met: no lateness shown.
  CHECK(CellText(Cell(dl, 3, 5)) == "按时");
  CHECK(Cell(dl, 3, 6).is_null());
  // Due 24:00 of 9 Nov, written as 00:00 of the 10th.
  CHECK(CellText(Cell(dl, 4, 3)) == "2025-11-10T00:00:00");
  // Missed: late up to as_of (2025-11-30 12:00) = 20.5 days.
  CHECK(CellText(Cell(dl, 4, 5)) == "已逾期未完成");
  CHECK(Cell(dl, 4, 4).is_null());
  CHECK(CellNumber(Cell(dl, 4, 6)) == Approx(492.0));
  CHECK(CellText(Cell(dl, 5, 5)) == "进行中");
  CHECK(Cell(dl, 5, 6).is_null());

  const Json& items = Sheet(dump, "奖惩");
  CHECK(Row(items, 1) == std::vector<std::string>{"事件编号", "类别", "对象（人员/单位）", "依据",
                                                  "事由", "处理结果", "状态", "驳回理由",
                                                  "提出方式", "决定人", "决定时间"});
  CHECK(items["freeze"].AsString() == "A2");
  CHECK(items["autofilter"].AsString() == "A1:K4");
  CHECK(Row(items, 2) == std::vector<std::string>{"2025-0001", "问责", "张三（鹿城区大数据中心）",
                                                  "（一）迟报、谎报、瞒报或漏报突发事件信息",
                                                  "初次报告迟报15分钟", "通报批评", "已确认", "",
                                                  "系统", "李四", "2025-11-25T15:00:00"});
  CHECK(CellType(Cell(items, 2, 10)) == "d");
  CHECK(CellText(Cell(items, 3, 6)) == "已驳回");
  CHECK(CellText(Cell(items, 3, 7)) == "系统时钟故障，非人为迟报");
  CHECK(Cell(items, 3, 5).is_null());  // no outcome for a dismissed item
  CHECK(CellText(Cell(items, 4, 1)) == "表彰");
  CHECK(Cell(items, 4, 3).is_null());  // commendations have no accountability ground
  CHECK(CellText(Cell(items, 4, 4)) == "处置有力、成绩显著");
  CHECK(CellText(Cell(items, 4, 5)) == "表彰奖励");
  CHECK(CellText(Cell(items, 4, 8)) == "人工");
  CHECK(Cell(items, 4, 10).is_null());
}

TEST_CASE("register: statistics sheet and the two charts reading it", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  WriteSample(path, SampleOptions());
  Json dump = DumpXlsx(path);

  const Json& data = Sheet(dump, "统计数据");
  CHECK(Row(data, 1) == std::vector<std::string>{"月份", "Ⅰ级 特别重大", "Ⅱ级 重大", "Ⅲ级 较大",
                                                 "Ⅳ级 一般", "未定级", "合计"});
  // September: case 2 (I). October: case 1 (II), case 4 (IV), case 3 (unrated, by its
  // report time since it has no discovery time).
  CHECK(CellText(Cell(data, 2, 0)) == "2025年9月");
  CHECK(CellNumber(Cell(data, 2, 1)) == 1);
  CHECK(CellNumber(Cell(data, 2, 6)) == 1);
  CHECK(CellText(Cell(data, 3, 0)) == "2025年10月");
  CHECK(CellNumber(Cell(data, 3, 1)) == 0);
  CHECK(CellNumber(Cell(data, 3, 2)) == 1);
  CHECK(CellNumber(Cell(data, 3, 4)) == 1);
  CHECK(CellNumber(Cell(data, 3, 5)) == 1);
  CHECK(CellNumber(Cell(data, 3, 6)) == 3);
  // Kinds table after a blank row.
  CHECK(Row(data, 5) == std::vector<std::string>{"时限类别", "按时", "逾期完成", "已逾期未完成",
                                                 "进行中", "已取消", "按时率"});
  CHECK(CellText(Cell(data, 6, 0)) == "初次报告");
  CHECK(CellNumber(Cell(data, 6, 1)) == 1);
  CHECK(CellNumber(Cell(data, 6, 2)) == 1);
  CHECK(CellNumber(Cell(data, 6, 6)) == Approx(0.5));
  CHECK(CellFormat(Cell(data, 6, 6)) == "0.0%");
  CHECK(CellText(Cell(data, 7, 0)) == "结果报告备案");
  CHECK(CellNumber(Cell(data, 7, 6)) == Approx(0.5));
  CHECK(CellText(Cell(data, 8, 0)) == "调查总结报告");
  CHECK(Cell(data, 8, 6).is_null());  // nothing due yet: no rate rather than 0%

  // openpyxl ignores charts; the zip says which charts hang off which sheet.
  const auto& charts = dump["charts"]["统计图"].items();
  REQUIRE(charts.size() == 2);
  const Json& months = charts[0];
  CHECK(months["types"].items().at(0).AsString() == "barChart");
  CHECK(months["grouping"].AsString() == "stacked");
  CHECK(months["bar_dir"].AsString() == "col");
  CHECK(months["title"].AsString() == "各月事件数（按级别）");
  REQUIRE(months["series"].size() == 5);  // I..IV and the unrated case
  CHECK(months["series"].items()[0]["categories"].AsString() == "'统计数据'!$A$2:$A$3");
  CHECK(months["series"].items()[0]["values"].AsString() == "'统计数据'!$B$2:$B$3");
  CHECK(months["series"].items()[0]["name"].AsString() == "'统计数据'!$B$1");
  // Text categories as text, with the cached points previewers draw from.
  CHECK(months["series"].items()[0]["categories_kind"].AsString() == "strRef");
  CHECK(months["series"].items()[0]["categories_cache"] ==
        Json(*ParseJson(R"(["2025年9月", "2025年10月"])", "expected")));
  CHECK(months["series"].items()[1]["values_cache"] == Json(*ParseJson("[0, 1]", "expected")));
  const Json& rates = charts[1];
  CHECK(rates["types"].items().at(0).AsString() == "barChart");
  CHECK(rates["grouping"].AsString() == "clustered");
  CHECK(rates["title"].AsString() == "各类时限按时完成率");
  REQUIRE(rates["series"].size() == 1);
  CHECK(rates["series"].items()[0]["categories"].AsString() == "'统计数据'!$A$6:$A$8");
  CHECK(rates["series"].items()[0]["values"].AsString() == "'统计数据'!$G$6:$G$8");
  CHECK(rates["series"].items()[0]["categories_kind"].AsString() == "strRef");
  CHECK(rates["series"].items()[0]["categories_cache"] ==
        Json(*ParseJson(R"(["初次报告", "结果报告备案", "调查总结报告"])", "expected")));
  for (const char* s : {"台账", "时限", "奖惩", "统计数据"}) {
    CHECK(dump["charts"][s].size() == 0);
  }
}

TEST_CASE("register: English switch changes sheet names, headers and labels only", "[xlsx]") {
  TempDir dir;
  std::string path = dir.File("r.xlsx");
  RegisterOptions o = SampleOptions();
  o.language = Language::kEnglish;
  WriteSample(path, o);
  Json dump = DumpXlsx(path);
  std::vector<std::string> sheets;
  for (const Json& n : dump["sheets"].items()) sheets.push_back(n.AsString());
  CHECK(sheets == std::vector<std::string>{"Cases", "Deadlines", "Rewards and accountability",
                                           "Charts", "Chart data"});
  const Json& cases = Sheet(dump, "Cases");
  CHECK(CellText(Cell(cases, 1, 0)) == "Case ID");
  CHECK(CellText(Cell(cases, 1, 6)) == "Discovered");
  CHECK(CellText(Cell(cases, 2, 3)) == "II Major");
  CHECK(CellText(Cell(cases, 2, 4)) == "Orange");
  CHECK(CellText(Cell(cases, 2, 1)) == "网络与信息安全突发事件应急预案");  // data stays as given
  CHECK(CellText(Cell(cases, 3, 14)) == "Result report overdue; Summary overdue");
  CHECK(CellText(Cell(Sheet(dump, "Deadlines"), 4, 5)) == "Missed");
  CHECK(CellText(Cell(Sheet(dump, "Chart data"), 2, 0)) == "2025-09");
  CHECK(dump["charts"]["Charts"].size() == 2);
}
