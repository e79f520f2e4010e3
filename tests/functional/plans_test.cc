// The emergency plans in workflows/ (network-security, classified-leak, public-opinion,
// statistics-system, safety-accident) driven through the real erflow binary against a
// temporary SQLite file: each plan's full lifecycle (its drill in drills/, played command
// by command through `case open` / `case act` with --now), and the rules the plans exist
// for — false alarms, a level other than the proposed one needs a reason, the level
// proposed from the numbers of 001 §1.5.2, no release without the command's approval,
// whoever activated the response ends it, routing by level, scope and category. A last
// group checks every definition file, including the deadline declarations the engine does
// not run yet (their rules must parse, their tasks and fields must exist).
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "erflow/deadline_rule.h"
#include "erflow/definition_loader.h"
#include "erflow/json.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

namespace {

const char kStart[] = "2025-09-29T09:00:00+08:00";

// One temporary database with every definition deployed.
class PlanCli {
 public:
  PlanCli() : db_(dir_.File("erflow.db")) {
    auto r = Run({"definitions", "deploy"}, kStart);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }

  RunResult Run(std::vector<std::string> args, const std::string& now,
                const std::string& stdin_text = "") {
    args.insert(args.begin(), {"--db", db_, "--now", now});
    return RunErflow(args, stdin_text);
  }

  void AddUser(const std::string& name, const std::vector<std::string>& roles,
               const std::string& unit) {
    std::vector<std::string> args = {"users", "add", name, "--unit", unit};
    for (const auto& r : roles) args.insert(args.end(), {"--role", r});
    auto r = Run(args, kStart);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Records are signed: whoever completes a record task needs a signing key.
    REQUIRE_FALSE(DemoCaDir().empty());
    r = Run({"keys", "import", name, DemoCaDir() + "/reporter.p12", "--password-stdin"}, kStart,
            std::string(kDemoKeyPassword) + "\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }

  // Several users of one role each: {name, role, unit}.
  void AddUsers(const std::vector<std::array<std::string, 3>>& users) {
    for (const auto& u : users) AddUser(u[0], {u[1]}, u[2]);
  }

  // Opens a case; returns its id, or "" when refused (the exit code is in *exit).
  std::string Open(const std::string& plan, const std::string& actor, const std::string& now,
                   const std::string& form, int* exit = nullptr) {
    auto r = Run({"case", "open", plan, "--as", actor, "--form", "-"}, now, form);
    if (exit) *exit = r.exit_code;
    if (r.exit_code != 0) return "";
    return r.out.substr(0, r.out.find('\n'));
  }

  RunResult Act(const std::string& id, const std::string& task, const std::string& action,
                const std::string& actor, const std::string& now, const std::string& form = "",
                const std::string& reason = "", const std::string& to = "") {
    std::vector<std::string> args = {"case", "act", id, task, action, "--as", actor};
    if (!form.empty()) args.insert(args.end(), {"--form", "-"});
    if (!reason.empty()) args.insert(args.end(), {"--reason", reason});
    if (!to.empty()) args.insert(args.end(), {"--to", to});
    return Run(args, now, form);
  }

  // Acts and requires success.
  void Ok(const std::string& id, const std::string& task, const std::string& action,
          const std::string& actor, const std::string& now, const std::string& form = "",
          const std::string& reason = "") {
    auto r = Act(id, task, action, actor, now, form, reason);
    INFO(action << " " << task << " as " << actor << ": " << r.err);
    REQUIRE(r.exit_code == 0);
  }

  Json Show(const std::string& id) {
    auto r = Run({"case", "show", id, "--json"}, kStart);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto j = ParseJson(r.out, "case show");
    REQUIRE(j.ok());
    return *j;
  }

 private:
  TempDir dir_;
  std::string db_;
};

int ExitCodeOf(const std::string& code_name) {
  static const std::map<std::string, int> kCodes = {
      {"invalid_argument", 3}, {"forbidden", 4}, {"conflict", 5}, {"not_found", 6}};
  auto it = kCodes.find(code_name);
  return it == kCodes.end() ? -1 : it->second;
}

// Plays drills/<file> through the CLI: its users, then every step at its own time, with
// `erflow tick` first so that timers due by then fire (as the demo's sweeper does). A step
// with "expect" must be refused with that code's exit status. Returns the case id.
std::string PlayDrill(PlanCli& cli, const std::string& file, std::string* plan = nullptr) {
  auto drill = ParseJsonFile(SourceDir() + "/drills/" + file);
  REQUIRE(drill.ok());
  if (plan) *plan = drill->GetString("plan");
  for (const auto& u : (*drill)["users"].items()) {
    std::vector<std::string> roles;
    for (const auto& r : u["roles"].items()) roles.push_back(r.AsString());
    cli.AddUser(u.GetString("name"), roles, u.GetString("unit"));
  }
  std::string id;
  const auto& steps = (*drill)["steps"].items();
  for (size_t i = 0; i < steps.size(); ++i) {
    const Json& s = steps[i];
    const std::string action = s.GetString("action");
    const std::string form = s["form"].is_null() ? "" : s["form"].Dump();
    REQUIRE(cli.Run({"tick"}, s.GetString("at")).exit_code == 0);
    RunResult r;
    if (action == "open") {
      r = cli.Run(
          {"case", "open", drill->GetString("plan"), "--as", s.GetString("as"), "--form", "-"},
          s.GetString("at"), form);
      if (r.exit_code == 0) id = r.out.substr(0, r.out.find('\n'));
    } else {
      REQUIRE_FALSE(id.empty());
      r = cli.Act(id, s.GetString("task"), action, s.GetString("as"), s.GetString("at"), form,
                  s.GetString("reason"), s.GetString("to"));
    }
    INFO(file << " steps[" << i << "] " << action << " " << s.GetString("task") << " as "
              << s.GetString("as") << ": " << r.err);
    if (s.Has("expect"))
      CHECK(r.exit_code == ExitCodeOf(s.GetString("expect")));
    else
      REQUIRE(r.exit_code == 0);
  }
  REQUIRE_FALSE(id.empty());
  return id;
}

// The items of a JSON array whose `key` is `value`, in order.
std::vector<Json> Where(const Json& list, const std::string& key, const std::string& value) {
  std::vector<Json> out;
  for (const auto& item : list.items())
    if (item.GetString(key) == value) out.push_back(item);
  return out;
}

// The instances of a node, in creation order.
std::vector<Json> Instances(const Json& c, const std::string& node) {
  return Where(c["tasks"], "node", node);
}

// The last instance of a node (REQUIRES one).
Json Last(const Json& c, const std::string& node) {
  auto all = Instances(c, node);
  INFO("no instance of " << node);
  REQUIRE_FALSE(all.empty());
  return all.back();
}

bool DoneNode(const Json& c, const std::string& node) {
  for (const auto& t : Instances(c, node))
    if (t.GetString("state") == "done") return true;
  return false;
}

std::vector<std::string> Strings(const Json& a) {
  std::vector<std::string> out;
  for (const auto& s : a.items()) out.push_back(s.AsString());
  return out;
}

// Every stage of the plan's definition is done (something done in it, nothing open).
void CheckAllStagesDone(const Json& c) {
  auto def = ParseJsonFile(SourceDir() + "/workflows/" + c.GetString("plan") + ".json");
  REQUIRE(def.ok());
  std::map<std::string, std::string> states;
  for (const auto& s : c["stages"].items()) states[s.GetString("id")] = s.GetString("state");
  REQUIRE((*def)["stages"].size() == 6);
  for (const auto& s : (*def)["stages"].items()) {
    INFO("stage " << s.GetString("id"));
    CHECK(states[s.GetString("id")] == "done");
  }
}

// Plays a drill, then requires the case closed with `outcome`; a completed case has been
// through every one of its plan's six stages.
Json PlayedCase(PlanCli& cli, const std::string& drill, const std::string& outcome) {
  std::string id = PlayDrill(cli, drill);
  Json c = cli.Show(id);
  CHECK(c.GetString("status") == "closed");
  CHECK(c.GetString("outcome") == outcome);
  if (outcome == "completed") CheckAllStagesDone(c);
  return c;
}

// The case's instances of a declared deadline, in start order.
std::vector<Json> Deadlines(const Json& c, const std::string& deadline) {
  return Where(c["deadlines"], "deadline", deadline);
}

bool HistoryHas(const Json& c, const std::string& command, const std::string& node) {
  for (const auto& h : c["history"].items())
    if (h.GetString("command") == command && h.GetString("node") == node) return true;
  return false;
}

// ---- network-security scenario helpers -------------------------------------------------

void AddNetworkUsers(PlanCli& cli) {
  cli.AddUsers({{"inc1", "clerk", "county-egov"},
                {"inc2", "clerk", "county-egov"},
                {"incboss", "supervisor", "county-egov"},
                {"off1", "clerk", "city-command-office"},
                {"off2", "clerk", "city-command-office"},
                {"offboss", "supervisor", "city-command-office"},
                {"cmd1", "supervisor", "city-command"},
                {"cmd2", "supervisor", "city-command"},
                {"pref1", "supervisor", "prefecture-command"},
                {"insp1", "inspector", "discipline-office"}});
}

std::string NsReport(const std::string& discovered = "2025-09-29T08:40:00+08:00") {
  return R"({"title": "门户网站被篡改", "reported_at": "2025-09-29T09:00:00+08:00", "unit_name": "县电子政务中心",
             "reporter": "甲", "phone": "1", "info_source": "monitoring", "system_name": "门户网站",
             "system_purpose": "信息公开", "responsible_department": "运维科", "responsible_person": "乙",
             "discovered_at": ")" +
         discovered + R"(", "place": "机房", "category": "information_destruction",
             "description": "首页被篡改", "measures_taken": "下线", "scope": "全县", "duty_phone": "2"})";
}

std::string NsAssess(int outage, int people, double loss, const std::string& threat) {
  return R"({"nature": "genuine", "details": "核实", "category": "information_destruction", "outage_minutes": )" +
         std::to_string(outage) + R"(, "people_affected": )" + std::to_string(people) +
         R"(, "loss_wan": )" + Json(loss).Dump() + R"(, "threat": ")" + threat + R"("})";
}

const char kNsActivation[] =
    R"({"measures": "处置", "commander": "甲", "onsite_command": false, "groups": ["technical", "news"]})";
const char kHandling[] =
    R"({"measures": "处置", "finished_at": "2025-09-29T12:00:00+08:00", "result": "完成"})";
const char kNsResult[] =
    R"({"original_reported_at": "2025-09-29T09:00:00+08:00", "unit_name": "县电子政务中心",
  "contact_person": "甲", "phone": "1", "system_name": "门户网站", "system_purpose": "信息公开",
  "security_measures": "防火墙", "supplementary_description": "无", "final_cause": "弱口令", "consequences": "篡改",
  "scope": "全县", "severity": "一般", "handling_process": "恢复", "recommendations": "加固", "reporter_signature": "甲"})";
const char kRelease[] =
    R"({"title": "通告", "content": "网站临时维护", "channels": ["official_website"], "spokesperson": "办公室"})";

// A network case reported at 09:00 and assessed (level IV, as proposed, confirmed by cmd1).
std::string NsAssessed(PlanCli& cli) {
  std::string id = cli.Open("network-security", "inc1", "2025-09-29T09:00:00+08:00", NsReport());
  REQUIRE_FALSE(id.empty());
  cli.Ok(id, "assess", "submit", "off1", "2025-09-29T09:10:00+08:00",
         NsAssess(60, 5000, 20, "threat"));
  cli.Ok(id, "assess", "approve", "cmd1", "2025-09-29T09:15:00+08:00", R"({"level": "IV"})");
  return id;
}

// ... and activated by cmd1 at 09:25.
std::string NsActivated(PlanCli& cli) {
  std::string id = NsAssessed(cli);
  cli.Ok(id, "activate", "submit", "off1", "2025-09-29T09:20:00+08:00", kNsActivation);
  cli.Ok(id, "activate", "approve", "cmd1", "2025-09-29T09:25:00+08:00");
  return id;
}

// ... and the four on-site tasks done on `day` (10:00-11:30), so that end-response is open.
void NsHandled(PlanCli& cli, const std::string& id, const std::string& day = "2025-09-29") {
  cli.Ok(id, "contain", "submit", "inc1", day + "T10:00:00+08:00", kHandling);
  cli.Ok(id, "eradicate", "submit", "inc1", day + "T10:30:00+08:00", kHandling);
  cli.Ok(
      id, "evidence", "submit", "inc2", day + "T10:40:00+08:00",
      R"({"evidence_items": ["日志"], "preserved_at": "2025-09-29T10:00:00+08:00", "custodian": "公安",
             "criminal_suspected": false})");
  cli.Ok(id, "recover", "submit", "inc1", day + "T11:00:00+08:00", kHandling);
  cli.Ok(id, "recover", "approve", "incboss", day + "T11:30:00+08:00");
}

// The end-of-response form, handling complete at `completed_at`.
std::string NsEnd(const std::string& completed_at) {
  return R"({"handling_completed_at": ")" + completed_at +
         R"(", "hazards_eliminated": true, "conditions": "已恢复"})";
}

}  // namespace

// ---- full lifecycles: one drill per plan, through the CLI ------------------------------

TEST_CASE("plans: network-security full lifecycle (level II case of the drill)", "[plans]") {
  PlanCli cli;
  Json c = PlayedCase(cli, "network-security.json", "completed");
  CHECK(c["fields"].GetString("proposed_level") == "III");
  CHECK(c["fields"].GetString("level") == "II");
  CHECK(c["fields"].GetString("warning_colour") == "orange");
  // Level II is reported to the prefecture command, which chose to support, not take over.
  CHECK(DoneNode(c, "report-higher"));
  CHECK(Last(c, "higher-activation").GetString("completed_by") == "zhao.yun");
  // The activation approval was transferred (转办) to the deputy, who approved it.
  CHECK(HistoryHas(c, "transfer", "activate"));
  CHECK(Last(c, "activate").GetString("completed_by") == "wang.jun");
  // Two daily reports filed while active (the third day's was cancelled by the end); the
  // release approved by the command.
  int daily_done = 0;
  for (const auto& t : Instances(c, "daily-report")) daily_done += t.GetString("state") == "done";
  CHECK(daily_done == 2);
  CHECK(Last(c, "release").GetString("completed_by") == "wang.jun");
  // The recovery was confirmed by another supervisor than its submitter (four-eyes).
  CHECK(Last(c, "recover").GetString("submitted_by") == "gao.feng");
  CHECK(Last(c, "recover").GetString("completed_by") == "deng.ping");
  // The result report was sent back once, then filed by the office.
  CHECK(HistoryHas(c, "return", "result-report"));
  CHECK(Last(c, "result-report").GetString("completed_by") == "zhou.hang");
  // The investigation was countersigned (会签) by both commanders.
  CHECK(Strings(Last(c, "investigation")["approved_by"]) ==
        std::vector<std::string>{"li.guohua", "wang.jun"});
  CHECK(c["data"]["commendation"]["commend"].AsBool());
  CHECK_FALSE(c["data"]["accountability-review"]["accountable"].AsBool());
  // Every deadline met: the report in 22 minutes, both daily reports, the result report
  // inside 5 working days across National Day (due 14 Oct 24:00), the investigation.
  CHECK(Deadlines(c, "initial-report").at(0).GetString("state") == "met");
  auto daily = Deadlines(c, "daily-report");
  REQUIRE(daily.size() >= 2);
  CHECK(daily[0].GetString("state") == "met");
  CHECK(daily[1].GetString("state") == "met");
  CHECK(Deadlines(c, "result-report").at(0).GetString("due") == "2025-10-15T00:00:00+08:00");
  CHECK(Deadlines(c, "result-report").at(0).GetString("state") == "met");
  CHECK(Deadlines(c, "investigation").at(0).GetString("state") == "met");
  CHECK(Instances(c, "accountability-proposal").empty());
  // Filed on 14 Oct: the filing number is the engine's, in the form's field.
  CHECK(c["fields"].GetString("filing_number") == "2025年10月14日第1号 总第1号");
}

TEST_CASE("plans: network-security false-alarm drill closes after a return", "[plans]") {
  PlanCli cli;
  Json c = PlayedCase(cli, "network-security-false-alarm.json", "false_alarm");
  CHECK(Instances(c, "report").size() == 2);  // the office sent the report back once
  CHECK(Instances(c, "assess").size() == 2);
  CHECK(Instances(c, "activate").empty());
  CHECK(c["fields"].GetString("nature") == "false_alarm");
  CHECK(c["fields"]["warning_colour"].is_null());
}

TEST_CASE("plans: classified-leak full lifecycle (referred, appraisal countersigned)", "[plans]") {
  PlanCli cli;
  Json c = PlayedCase(cli, "classified-leak.json", "completed");
  CHECK(c["fields"]["referred"].AsBool());
  CHECK(DoneNode(c, "organ-investigation"));
  CHECK(Instances(c, "internal-investigation").empty());
  CHECK(Strings(Last(c, "appraisal")["approved_by"]) ==
        std::vector<std::string>{"qin.hai", "liang.yu"});
  CHECK(c["fields"].GetString("appraised_classification") == "confidential");
  CHECK(HistoryHas(c, "transfer", "media-control"));
  CHECK(Last(c, "media-control").GetString("completed_by") == "lan.bo");
  CHECK(Last(c, "end-response").GetString("completed_by") == "tang.wei");
  CHECK(Strings(c["data"]["accountability-review"]["grounds"]) ==
        std::vector<std::string>{"late_report"});
}

TEST_CASE("plans: public-opinion full lifecycle (major, reported late by phone)", "[plans]") {
  PlanCli cli;
  Json c = PlayedCase(cli, "public-opinion.json", "completed");
  CHECK(DoneNode(c, "report-major"));
  CHECK(Instances(c, "report-especially-major").empty());
  CHECK(Instances(c, "report-other").empty());
  CHECK(DoneNode(c, "written-report"));  // it was a phone report
  CHECK(c["fields"].GetString("proposed_level") == "II");
  CHECK(c["fields"].GetString("level") == "II");
  // Region-wide: drafted by the emergency office, approved by the leading group.
  Json answer = Last(c, "public-answer");
  CHECK(answer.GetString("submitted_by") == "liu.yang");
  CHECK(answer.GetString("completed_by") == "he.yan");
  CHECK(HistoryHas(c, "return", "handling-summary"));
  // Reported 12 minutes after the 2-hour limit: the system proposed accountability on
  // ground (1), and the inspector confirmed that very proposal.
  Json late = Deadlines(c, "report-major").at(0);
  CHECK(late.GetString("state") == "late");
  CHECK(late.GetInt("late_by_minutes") == 12);
  auto proposals = Instances(c, "accountability-proposal");
  REQUIRE(proposals.size() == 1);
  CHECK(proposals[0]["context"].GetString("ground") == "late_report");
  CHECK(proposals[0]["context"].GetString("due_at") == "2025-08-11T10:48:00+08:00");
  CHECK(proposals[0].GetString("state") == "done");
  CHECK(proposals[0].GetString("completed_by") == "nong.fang");
  CHECK(c["data"]["accountability-proposal"].GetString("decision") == "confirm");
  for (const char* met : {"written-report", "public-answer", "handling-summary"}) {
    INFO(met);
    CHECK(Deadlines(c, met).at(0).GetString("state") == "met");
  }
}

TEST_CASE("plans: statistics-system full lifecycle (estimates adjusted after the end)", "[plans]") {
  PlanCli cli;
  Json c = PlayedCase(cli, "statistics-system.json", "completed");
  CHECK(DoneNode(c, "special-survey"));
  CHECK(Instances(c, "restore-system").empty());
  CHECK(Instances(c, "emergency-data").size() == 1);  // the withdrawn submission left nothing
  CHECK(c["fields"].GetString("data_basis") == "estimated");
  CHECK(DoneNode(c, "adjust-data"));
  CHECK(c["fields"].GetString("level") == "III");
}

TEST_CASE("plans: safety-accident full lifecycle (six groups in parallel)", "[plans]") {
  PlanCli cli;
  Json c = PlayedCase(cli, "safety-accident.json", "completed");
  for (const char* g :
       {"communication", "evacuation", "firefighting", "rescue", "medical", "security"}) {
    INFO(g);
    CHECK(DoneNode(c, g));
  }
  CHECK(c["fields"].GetString("proposed_class") == "serious_injury");
  CHECK(c["fields"].GetString("accident_class") == "serious_injury");
  CHECK(Last(c, "all-clear").GetString("completed_by") == "zhao.kai");
}

// ---- network-security rules -------------------------------------------------------------

TEST_CASE("plans: network-security false alarm is recorded and the case closed", "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = cli.Open("network-security", "inc1", "2025-09-29T09:00:00+08:00", NsReport());
  REQUIRE_FALSE(id.empty());
  // Without the record of what was verified, a false alarm is refused.
  auto r = cli.Act(id, "assess", "submit", "off1", "2025-09-29T09:10:00+08:00",
                   R"({"nature": "false_alarm", "details": "核实"})");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("false_alarm_record"));
  cli.Ok(
      id, "assess", "submit", "off1", "2025-09-29T09:11:00+08:00",
      R"({"nature": "false_alarm", "details": "核实", "false_alarm_record": "运维测试触发告警"})");
  // No level is needed to confirm a false alarm.
  cli.Ok(id, "assess", "approve", "cmd1", "2025-09-29T09:20:00+08:00");
  Json c = cli.Show(id);
  CHECK(c.GetString("status") == "closed");
  CHECK(c.GetString("outcome") == "false_alarm");
  CHECK(Instances(c, "activate").empty());
  for (const auto& t : c["tasks"].items()) CHECK(t.GetString("state") != "open");
  // A closed case takes no further reports.
  CHECK(cli.Act(id, "followup", "submit", "inc1", "2025-09-29T10:00:00+08:00",
                R"({"as_of": "2025-09-29T10:00:00+08:00", "progress": "无"})")
            .exit_code == 5);
}

TEST_CASE("plans: network-security level is proposed from the numbers of 001 §1.5.2", "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = cli.Open("network-security", "inc1", "2025-09-29T09:00:00+08:00", NsReport());
  REQUIRE_FALSE(id.empty());
  struct Row {
    int outage, people;
    double loss;
    const char* threat;
    const char* level;
  };
  const Row rows[] = {
      {120, 1000000, 0, "threat", "I"},      // outage ≥ 2 h and ≥ 1,000,000 people, exactly
      {119, 1000000, 0, "threat", "II"},     // just under 2 h: II (≥ 30 min, ≥ 100,000)
      {120, 999999, 0, "threat", "II"},      // just under a million people
      {30, 100000, 0, "threat", "II"},       // the II thresholds exactly
      {29, 100000, 0, "threat", "IV"},       // outage under 30 min
      {30, 99999, 0, "threat", "IV"},        // people under 100,000
      {0, 0, 100000, "threat", "I"},         // ¥1 bn = 100,000 万元
      {0, 0, 99999.5, "threat", "II"},       // under ¥1 bn, over ¥100 m
      {0, 0, 10000, "threat", "II"},         // ¥100 m
      {0, 0, 1000, "threat", "III"},         // ¥10 m
      {0, 0, 999, "threat", "IV"},           // under ¥10 m
      {0, 0, 0, "especially_serious", "I"},  // qualitative criteria
      {0, 0, 0, "serious", "II"},           {0, 0, 0, "fairly_serious", "III"},
  };
  int minute = 0;
  for (const auto& row : rows) {
    INFO(row.outage << " min, " << row.people << " people, " << row.loss << " 万元, "
                    << row.threat);
    char now[40];
    snprintf(now, sizeof now, "2025-09-29T10:%02d:00+08:00", minute++);
    cli.Ok(id, "assess", "submit", "off1", now,
           NsAssess(row.outage, row.people, row.loss, row.threat));
    CHECK(cli.Show(id)["fields"].GetString("proposed_level") == row.level);
    cli.Ok(id, "assess", "withdraw", "off1", now);  // 撤销, to try the next row
  }
}

TEST_CASE("plans: network-security level other than proposed needs a reason", "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = cli.Open("network-security", "inc1", "2025-09-29T09:00:00+08:00", NsReport());
  cli.Ok(id, "assess", "submit", "off1", "2025-09-29T09:10:00+08:00",
         NsAssess(60, 5000, 20, "threat"));
  CHECK(cli.Show(id)["fields"].GetString("proposed_level") == "IV");
  // A genuine incident cannot be confirmed without a level.
  CHECK(cli.Act(id, "assess", "approve", "cmd1", "2025-09-29T09:15:00+08:00").exit_code == 3);
  // III instead of the proposed IV, without a reason: refused, nothing changes.
  auto r =
      cli.Act(id, "assess", "approve", "cmd1", "2025-09-29T09:16:00+08:00", R"({"level": "III"})");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("level_reason"));
  Json c = cli.Show(id);
  CHECK(Last(c, "assess").GetString("state") == "open");
  CHECK(Last(c, "assess").GetString("phase") == "approve");
  CHECK(c["fields"]["level"].is_null());
  // With the reason it is accepted; the colour follows the confirmed level, and III is
  // reported to the prefecture command after activation.
  cli.Ok(id, "assess", "approve", "cmd1", "2025-09-29T09:17:00+08:00",
         R"({"level": "III", "level_reason": "涉及全县政务数据，社会影响较大"})");
  c = cli.Show(id);
  CHECK(c["fields"].GetString("level") == "III");
  CHECK(c["fields"].GetString("warning_colour") == "yellow");
  cli.Ok(id, "activate", "submit", "off1", "2025-09-29T09:20:00+08:00", kNsActivation);
  cli.Ok(id, "activate", "approve", "cmd2", "2025-09-29T09:25:00+08:00");
  c = cli.Show(id);
  REQUIRE(Instances(c, "report-higher").size() == 1);
  CHECK(Instances(c, "contain").empty());  // handling starts once the report is filed

  // Confirming the proposed level needs no reason; a level-IV case goes straight to handling.
  std::string id2 = cli.Open("network-security", "inc1", "2025-09-29T11:00:00+08:00", NsReport());
  cli.Ok(id2, "assess", "submit", "off1", "2025-09-29T11:10:00+08:00",
         NsAssess(60, 5000, 20, "threat"));
  cli.Ok(id2, "assess", "approve", "cmd1", "2025-09-29T11:15:00+08:00", R"({"level": "IV"})");
  cli.Ok(id2, "activate", "submit", "off1", "2025-09-29T11:20:00+08:00", kNsActivation);
  cli.Ok(id2, "activate", "approve", "cmd1", "2025-09-29T11:25:00+08:00");
  Json c2 = cli.Show(id2);
  CHECK(c2["fields"].GetString("warning_colour") == "blue");
  CHECK(Instances(c2, "report-higher").empty());
  for (const char* n : {"contain", "eradicate", "recover", "evidence"})
    CHECK(Instances(c2, n).size() == 1);
}

TEST_CASE("plans: network-security release does not complete without the command's approval",
          "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = NsAssessed(cli);
  // Before the response is activated there is no command to approve a release.
  CHECK(cli.Act(id, "release", "submit", "off1", "2025-09-29T09:16:00+08:00", kRelease).exit_code ==
        5);
  CHECK(Instances(cli.Show(id), "release").empty());
  cli.Ok(id, "activate", "submit", "off1", "2025-09-29T09:20:00+08:00", kNsActivation);
  cli.Ok(id, "activate", "approve", "cmd1", "2025-09-29T09:25:00+08:00");

  cli.Ok(id, "release", "submit", "off1", "2025-09-29T10:00:00+08:00", kRelease);
  Json rel = Last(cli.Show(id), "release");
  CHECK(rel.GetString("state") == "open");
  CHECK(rel.GetString("phase") == "approve");
  CHECK(rel.GetString("role") == "supervisor");
  CHECK(rel.GetString("unit") == "city-command");
  CHECK(cli.Act(id, "release", "approve", "off1", "2025-09-29T10:01:00+08:00").exit_code ==
        4);  // four-eyes
  CHECK(cli.Act(id, "release", "approve", "off2", "2025-09-29T10:02:00+08:00").exit_code ==
        4);  // a clerk
  CHECK(cli.Act(id, "release", "approve", "offboss", "2025-09-29T10:03:00+08:00").exit_code ==
        4);  // the office
  CHECK(cli.Act(id, "release", "approve", "pref1", "2025-09-29T10:04:00+08:00").exit_code ==
        4);  // another command
  CHECK(Last(cli.Show(id), "release").GetString("state") == "open");
  cli.Ok(id, "release", "approve", "cmd2", "2025-09-29T10:05:00+08:00",
         R"({"opinion": "同意发布"})");
  rel = Last(cli.Show(id), "release");
  CHECK(rel.GetString("state") == "done");
  CHECK(rel.GetString("completed_by") == "cmd2");

  // Once the prefecture command takes over, it approves releases instead of the city.
  cli.Ok(
      id, "higher-activation", "submit", "pref1", "2025-09-29T11:00:00+08:00",
      R"({"decision": "take_over", "response_level": "III", "commander": "丙", "instructions": "统一指挥"})");
  cli.Ok(id, "release", "submit", "off1", "2025-09-29T11:30:00+08:00", kRelease);
  CHECK(cli.Act(id, "release", "approve", "cmd1", "2025-09-29T11:31:00+08:00").exit_code == 4);
  cli.Ok(id, "release", "approve", "pref1", "2025-09-29T11:32:00+08:00");
  CHECK(Instances(cli.Show(id), "release").size() == 2);
}

TEST_CASE("plans: network-security end approved only by the command that activated", "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  SECTION("the city command activated it") {
    std::string id = NsActivated(cli);
    NsHandled(cli, id);
    cli.Ok(id, "end-response", "submit", "off1", "2025-09-29T12:00:00+08:00",
           NsEnd("2025-09-29T11:45:00+08:00"));
    CHECK(cli.Act(id, "end-response", "approve", "pref1", "2025-09-29T15:20:00+08:00").exit_code ==
          4);
    CHECK(
        cli.Act(id, "end-response", "approve", "offboss", "2025-09-29T15:21:00+08:00").exit_code ==
        4);
    CHECK(cli.Act(id, "end-response", "approve", "off1", "2025-09-29T15:22:00+08:00").exit_code ==
          4);
    CHECK(Last(cli.Show(id), "end-response").GetString("state") == "open");
    cli.Ok(id, "end-response", "approve", "cmd2", "2025-09-29T15:30:00+08:00");
    Json c = cli.Show(id);
    CHECK(Last(c, "end-response").GetString("completed_by") == "cmd2");
    for (const char* n : {"result-report", "investigation", "rebuild"})
      CHECK(Instances(c, n).size() == 1);
  }
  SECTION("the prefecture command took over") {
    std::string id = NsActivated(cli);
    cli.Ok(
        id, "higher-activation", "submit", "pref1", "2025-09-29T10:00:00+08:00",
        R"({"decision": "take_over", "response_level": "III", "commander": "丙", "instructions": "统一指挥"})");
    NsHandled(cli, id);
    cli.Ok(id, "end-response", "submit", "off1", "2025-09-29T12:00:00+08:00",
           NsEnd("2025-09-29T11:45:00+08:00"));
    CHECK(cli.Act(id, "end-response", "approve", "cmd1", "2025-09-29T15:20:00+08:00").exit_code ==
          4);
    cli.Ok(id, "end-response", "approve", "pref1", "2025-09-29T15:30:00+08:00");
    CHECK(Last(cli.Show(id), "end-response").GetString("completed_by") == "pref1");
  }
}

TEST_CASE("plans: network-security close-out and rewards to the end", "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = NsActivated(cli);
  NsHandled(cli, id);
  cli.Ok(id, "end-response", "submit", "off1", "2025-09-29T12:00:00+08:00",
         NsEnd("2025-09-29T11:45:00+08:00"));
  cli.Ok(id, "end-response", "approve", "cmd1", "2025-09-29T15:30:00+08:00");
  cli.Ok(id, "rebuild", "submit", "inc2", "2025-10-09T10:00:00+08:00", kHandling);
  cli.Ok(id, "result-report", "submit", "inc1", "2025-10-10T10:00:00+08:00", kNsResult);
  // The office files it; its clerk may not.
  CHECK(cli.Act(id, "result-report", "approve", "off1", "2025-10-10T11:00:00+08:00").exit_code ==
        4);
  cli.Ok(id, "result-report", "approve", "offboss", "2025-10-10T11:05:00+08:00");
  // 会签: the investigation needs both command supervisors.
  cli.Ok(id, "investigation", "submit", "off2", "2025-10-20T10:00:00+08:00",
         R"({"cause": "弱口令", "nature": "篡改", "impact": "小", "responsibility": "运维",
             "handling_opinions": "批评", "improvements": ["强口令"]})");
  cli.Ok(id, "investigation", "approve", "cmd1", "2025-10-20T11:00:00+08:00");
  Json c = cli.Show(id);
  CHECK(Last(c, "investigation").GetString("state") == "open");
  CHECK(Instances(c, "commendation").empty());
  cli.Ok(id, "investigation", "approve", "cmd2", "2025-10-20T12:00:00+08:00");
  // Commendation: a proposal without its reasons is refused.
  CHECK(cli.Act(id, "commendation", "submit", "off1", "2025-10-21T10:00:00+08:00",
                R"({"commend": true, "subjects": ["甲"]})")
            .exit_code == 3);
  cli.Ok(
      id, "commendation", "submit", "off1", "2025-10-21T10:01:00+08:00",
      R"({"commend": true, "subjects": ["甲"], "reasons": ["timely_alarm"], "facts": "及时", "outcome": "commended_notice"})");
  cli.Ok(id, "commendation", "approve", "cmd1", "2025-10-21T11:00:00+08:00");
  // Accountability is the inspector's; a clerk may not take it.
  const std::string acc =
      R"({"accountable": true, "subjects": ["乙"], "grounds": ["improper_command"],
                              "facts": "指挥不当", "outcome": "circulated_criticism"})";
  CHECK(cli.Act(id, "accountability-review", "submit", "off1", "2025-10-22T10:00:00+08:00", acc)
            .exit_code == 4);
  cli.Ok(id, "accountability-review", "submit", "insp1", "2025-10-22T10:01:00+08:00", acc);
  cli.Ok(id, "accountability-review", "approve", "cmd2", "2025-10-22T11:00:00+08:00");
  c = cli.Show(id);
  CHECK(c.GetString("outcome") == "completed");
  CheckAllStagesDone(c);
}

TEST_CASE(
    "plans: a late initial report proposes accountability, confirmed or dismissed with a reason",
    "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  // Discovered 08:00, reported 09:00: 30 minutes after the limit.
  std::string id = cli.Open("network-security", "inc1", "2025-09-29T09:00:00+08:00",
                            NsReport("2025-09-29T08:00:00+08:00"));
  REQUIRE_FALSE(id.empty());
  Json c = cli.Show(id);
  Json d = Deadlines(c, "initial-report").at(0);
  CHECK(d.GetString("due") == "2025-09-29T08:30:00+08:00");
  CHECK(d.GetString("state") == "late");
  CHECK(d.GetInt("late_by_minutes") == 30);
  Json proposal = Last(c, "accountability-proposal");
  CHECK(proposal.GetString("state") == "open");
  CHECK(proposal.GetString("role") == "inspector");
  CHECK(proposal.GetString("unit") == "discipline-office");
  CHECK(proposal["context"].GetString("ground") == "late_report");
  CHECK(proposal["context"].GetInt("late_by_minutes") == 30);

  // The deadline's facts are prefilled by the engine (system fields); sending them is refused.
  CHECK(cli.Act(id, "accountability-proposal", "submit", "insp1", "2025-09-30T09:59:00+08:00",
                R"({"ground": "late_report", "decision": "dismiss", "dismissal_reason": "x"})")
            .exit_code == 3);
  const std::string base = R"({"subject": "值班员")";
  // Dismissing needs a reason, confirming needs the person and the outcome, and only the
  // inspector decides.
  CHECK(cli.Act(id, "accountability-proposal", "submit", "insp1", "2025-09-30T10:00:00+08:00",
                base + R"(, "decision": "dismiss"})")
            .exit_code == 3);
  CHECK(cli.Act(id, "accountability-proposal", "submit", "insp1", "2025-09-30T10:01:00+08:00",
                base + R"(, "decision": "confirm"})")
            .exit_code == 3);
  CHECK(cli.Act(id, "accountability-proposal", "submit", "off1", "2025-09-30T10:02:00+08:00",
                base + R"(, "decision": "dismiss", "dismissal_reason": "x"})")
            .exit_code == 4);
  cli.Ok(
      id, "accountability-proposal", "submit", "insp1", "2025-09-30T10:03:00+08:00",
      base +
          R"(, "decision": "dismiss", "dismissal_reason": "监测平台告警延迟，发现时间据日志更正为08:35"})");
  c = cli.Show(id);
  CHECK(Instances(c, "accountability-proposal").size() == 1);  // the system's proposal, now decided
  CHECK(Last(c, "accountability-proposal").GetString("state") == "done");
  CHECK(c["data"]["accountability-proposal"].GetString("decision") == "dismiss");

  // On time, nothing is proposed.
  std::string ok = cli.Open("network-security", "inc1", "2025-09-29T09:00:00+08:00", NsReport());
  Json c2 = cli.Show(ok);
  CHECK(Deadlines(c2, "initial-report").at(0).GetString("state") == "met");
  CHECK(Instances(c2, "accountability-proposal").empty());
}

TEST_CASE("plans: network-security daily reports are due only while the response is active",
          "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = NsAssessed(cli);
  // Not active yet: no daily report is due.
  CHECK(Deadlines(cli.Show(id), "daily-report").empty());
  CHECK(Instances(cli.Show(id), "daily-report").empty());
  cli.Ok(id, "activate", "submit", "off1", "2025-09-29T09:20:00+08:00", kNsActivation);
  cli.Ok(id, "activate", "approve", "cmd1", "2025-09-29T09:25:00+08:00");
  Json c = cli.Show(id);
  auto daily = Deadlines(c, "daily-report");
  REQUIRE(daily.size() == 1);
  CHECK(daily[0].GetString("due") == "2025-09-29T17:00:00+08:00");
  REQUIRE(Instances(c, "daily-report").size() == 1);
  const std::string report =
      R"({"as_of": "2025-09-29T16:30:00+08:00", "situation": "处置中", "measures_today": "隔离"})";
  cli.Ok(id, "daily-report", "submit", "off2", "2025-09-29T16:30:00+08:00", report);
  // 17:00 passes: today's is met, tomorrow's is due.
  REQUIRE(cli.Run({"tick"}, "2025-09-29T17:01:00+08:00").exit_code == 0);
  c = cli.Show(id);
  daily = Deadlines(c, "daily-report");
  REQUIRE(daily.size() == 2);
  CHECK(daily[0].GetString("state") == "met");
  CHECK(daily[1].GetString("due") == "2025-09-30T17:00:00+08:00");
  CHECK(Instances(c, "accountability-proposal").empty());
  // Tomorrow's is missed: accountability is proposed, and the day after is due.
  REQUIRE(cli.Run({"tick"}, "2025-09-30T17:01:00+08:00").exit_code == 0);
  c = cli.Show(id);
  daily = Deadlines(c, "daily-report");
  REQUIRE(daily.size() == 3);
  CHECK(daily[1].GetString("state") == "missed");
  CHECK(daily[2].GetString("due") == "2025-10-01T17:00:00+08:00");
  CHECK(Instances(c, "accountability-proposal").size() == 1);
  // The response ends on 1 October at 15:30: that day's report is no longer due, and none
  // follows.
  NsHandled(cli, id, "2025-10-01");
  cli.Ok(id, "end-response", "submit", "off1", "2025-10-01T12:00:00+08:00",
         NsEnd("2025-10-01T11:45:00+08:00"));
  cli.Ok(id, "end-response", "approve", "cmd2", "2025-10-01T15:30:00+08:00");
  REQUIRE(cli.Run({"tick"}, "2025-10-03T18:00:00+08:00").exit_code == 0);
  c = cli.Show(id);
  daily = Deadlines(c, "daily-report");
  REQUIRE(daily.size() == 3);
  CHECK(daily[2].GetString("state") == "cancelled");
  int open_daily = 0;
  for (const auto& t : Instances(c, "daily-report")) open_daily += t.GetString("state") == "open";
  CHECK(open_daily == 0);
  CHECK(Instances(c, "accountability-proposal").size() == 1);
}

TEST_CASE("plans: network-security result report after 5 working days proposes accountability",
          "[plans]") {
  PlanCli cli;
  AddNetworkUsers(cli);
  std::string id = NsActivated(cli);
  NsHandled(cli, id, "2025-09-30");
  // Handling complete 30 Sep 18:00: 1-8 Oct are holidays and Sat 11 Oct is worked, so the
  // five working days are 9, 10, 11, 13, 14 Oct (domain.md's example).
  cli.Ok(id, "end-response", "submit", "off1", "2025-09-30T18:10:00+08:00",
         NsEnd("2025-09-30T18:00:00+08:00"));
  cli.Ok(id, "end-response", "approve", "cmd1", "2025-09-30T18:30:00+08:00");
  Json d = Deadlines(cli.Show(id), "result-report").at(0);
  CHECK(d.GetString("due") == "2025-10-15T00:00:00+08:00");
  CHECK(d.GetString("state") == "pending");
  REQUIRE(cli.Run({"tick"}, "2025-10-14T23:59:00+08:00").exit_code == 0);
  CHECK(Instances(cli.Show(id), "accountability-proposal").empty());
  REQUIRE(cli.Run({"tick"}, "2025-10-15T00:00:00+08:00").exit_code == 0);
  Json c = cli.Show(id);
  CHECK(Deadlines(c, "result-report").at(0).GetString("state") == "missed");
  REQUIRE(Instances(c, "accountability-proposal").size() == 1);
  CHECK(Last(c, "accountability-proposal")["context"].GetString("deadline") ==
        "处理完毕后5个工作日内报结果备案");
  // Filed the next morning: late, no second proposal, and the filing number is assigned.
  cli.Ok(id, "result-report", "submit", "inc1", "2025-10-15T09:00:00+08:00", kNsResult);
  cli.Ok(id, "result-report", "approve", "offboss", "2025-10-15T10:00:00+08:00");
  c = cli.Show(id);
  d = Deadlines(c, "result-report").at(0);
  CHECK(d.GetString("state") == "late");
  CHECK(d.GetInt("late_by_minutes") == 600);
  CHECK(Instances(c, "accountability-proposal").size() == 1);
  CHECK(c["fields"].GetString("filing_number") == "2025年10月15日第1号 总第1号");
}

// ---- the other plans' routing rules -----------------------------------------------------

namespace {

std::string PoDiscovery(const std::string& level) {
  return R"({"title": "网帖", "discovered_at": "2025-08-11T08:40:00+08:00", "platforms": ["weibo"],
             "summary": "质疑数据", "mainstream_media": false, "level": ")" +
         level + R"("})";
}

const char kPoWritten[] =
    R"({"channel": "written", "reported_to": "应急办公室", "content": "情况", "measures_taken": "截图"})";

}  // namespace

TEST_CASE("plans: public-opinion reporting is routed by level and channel", "[plans]") {
  PlanCli cli;
  cli.AddUsers({{"div1", "clerk", "stats-city-bureau"},
                {"divboss", "supervisor", "stats-city-bureau"},
                {"eo1", "clerk", "stats-emergency-office"},
                {"lg1", "supervisor", "stats-leading-group"}});
  struct Row {
    const char* level;
    const char* report;
  };
  for (const Row& row : {Row{"I", "report-especially-major"}, Row{"II", "report-major"},
                         Row{"III", "report-other"}, Row{"IV", "report-other"}}) {
    INFO(row.level);
    std::string id =
        cli.Open("public-opinion", "div1", "2025-08-11T08:45:00+08:00", PoDiscovery(row.level));
    REQUIRE_FALSE(id.empty());
    Json c = cli.Show(id);
    CHECK(Instances(c, row.report).size() == 1);
    CHECK(Instances(c, "report-especially-major").size() + Instances(c, "report-major").size() +
              Instances(c, "report-other").size() ==
          1);
  }
  // A written report goes straight to assessment; a phone report needs the written one.
  std::string w =
      cli.Open("public-opinion", "div1", "2025-08-11T08:45:00+08:00", PoDiscovery("II"));
  cli.Ok(w, "report-major", "submit", "div1", "2025-08-11T09:00:00+08:00", kPoWritten);
  Json cw = cli.Show(w);
  CHECK(Instances(cw, "written-report").empty());
  CHECK(Instances(cw, "assess").size() == 1);
  std::string p = cli.Open("public-opinion", "div1", "2025-08-11T08:45:00+08:00", PoDiscovery("I"));
  cli.Ok(
      p, "report-especially-major", "submit", "div1", "2025-08-11T09:00:00+08:00",
      R"({"channel": "phone", "reported_to": "应急办公室", "content": "情况", "measures_taken": "截图"})");
  Json cp = cli.Show(p);
  CHECK(Instances(cp, "written-report").size() == 1);
  CHECK(Instances(cp, "assess").empty());

  // City-only: the city bureau answers and its own leader approves; the 3-hour answer
  // cannot complete on submission.
  cli.Ok(
      w, "assess", "submit", "eo1", "2025-08-11T09:10:00+08:00",
      R"({"nature": "genuine", "type": "inquiry", "scope": "city_only", "posts": 150, "mainstream_media": false,
             "fast_fermenting": false, "social_unrest": false, "analysis": "询问类"})");
  CHECK(cli.Show(w)["fields"].GetString("proposed_level") == "III");
  CHECK(cli.Act(w, "assess", "approve", "lg1", "2025-08-11T09:15:00+08:00", R"({"level": "II"})")
            .exit_code == 3);
  cli.Ok(w, "assess", "approve", "lg1", "2025-08-11T09:16:00+08:00", R"({"level": "III"})");
  cli.Ok(w, "activate", "submit", "eo1", "2025-08-11T09:20:00+08:00",
         R"({"measures": "回应", "commander": "甲", "working_group": ["乙"], "spokesperson": "丙",
             "press_conference": false, "news_center": false})");
  cli.Ok(w, "activate", "approve", "lg1", "2025-08-11T09:25:00+08:00");
  const std::string answer =
      R"({"answer_line": "口径", "published_text": "回应", "speaker_capacity": "unit",
                                 "channels": ["follow_post"]})";
  CHECK(
      cli.Act(w, "public-answer", "submit", "eo1", "2025-08-11T09:30:00+08:00", answer).exit_code ==
      4);
  cli.Ok(w, "public-answer", "submit", "div1", "2025-08-11T09:31:00+08:00", answer);
  Json pa = Last(cli.Show(w), "public-answer");
  CHECK(pa.GetString("state") == "open");
  CHECK(pa.GetString("unit") == "stats-city-bureau");
  CHECK(cli.Act(w, "public-answer", "approve", "lg1", "2025-08-11T09:32:00+08:00").exit_code == 4);
  cli.Ok(w, "public-answer", "approve", "divboss", "2025-08-11T09:33:00+08:00");
  CHECK(Last(cli.Show(w), "public-answer").GetString("state") == "done");
}

namespace {

const char kLeakReport[] =
    R"({"title": "文件遗失", "unit_name": "某市统计局", "secret_content": "未公布数据",
  "classification": "confidential", "quantity": "1份", "carrier": ["paper"], "discovered_at": "2025-07-14T10:00:00+08:00",
  "place": "办公室", "course": "遗失", "harm": "可能泄露", "responsible_person": "某某", "measures": "查找",
  "channel": "written", "reporter": "甲", "phone": "1"})";

}  // namespace

TEST_CASE("plans: classified-leak verification outcomes and the referral decision", "[plans]") {
  PlanCli cli;
  cli.AddUsers({{"u1", "clerk", "stats-city-bureau"},
                {"so1", "clerk", "stats-secrecy-office"},
                {"sg1", "supervisor", "stats-secrecy-group"}});
  SECTION("a minor leak stays below the plan") {
    std::string id = cli.Open("classified-leak", "u1", "2025-07-14T11:00:00+08:00", kLeakReport);
    CHECK(cli.Act(id, "verify", "submit", "so1", "2025-07-14T12:00:00+08:00",
                  R"({"nature": "minor_leak", "findings": "已找回"})")
              .exit_code == 3);
    cli.Ok(id, "verify", "submit", "so1", "2025-07-14T12:01:00+08:00",
           R"({"nature": "minor_leak", "findings": "已找回", "routine_handling": "批评教育"})");
    cli.Ok(id, "verify", "approve", "sg1", "2025-07-14T12:30:00+08:00");
    Json c = cli.Show(id);
    CHECK(c.GetString("outcome") == "below_threshold");
    CHECK(Instances(c, "activate").empty());
  }
  SECTION("not referred: the secrecy group investigates itself") {
    std::string id = cli.Open("classified-leak", "u1", "2025-07-14T11:00:00+08:00", kLeakReport);
    cli.Ok(id, "verify", "submit", "so1", "2025-07-14T12:00:00+08:00",
           R"({"nature": "major_leak", "findings": "确认", "harm_assessment": "严重"})");
    cli.Ok(id, "verify", "approve", "sg1", "2025-07-14T12:30:00+08:00");
    cli.Ok(
        id, "activate", "submit", "so1", "2025-07-14T13:00:00+08:00",
        R"({"measures": "查处", "commander": "甲", "lead_organ": "涉密工作应急小组", "team": ["乙"], "media_watch": false})");
    cli.Ok(id, "activate", "approve", "sg1", "2025-07-14T13:10:00+08:00");
    // A referral must name the organs.
    CHECK(cli.Act(id, "refer", "submit", "so1", "2025-07-14T14:00:00+08:00",
                  R"({"refer": true, "reason": "涉外"})")
              .exit_code == 3);
    cli.Ok(id, "refer", "submit", "so1", "2025-07-14T14:01:00+08:00",
           R"({"refer": false, "reason": "内部过失"})");
    cli.Ok(id, "refer", "approve", "sg1", "2025-07-14T14:10:00+08:00");
    Json c = cli.Show(id);
    CHECK(Instances(c, "internal-investigation").size() == 1);
    CHECK(Instances(c, "organ-investigation").empty());
  }
}

TEST_CASE(
    "plans: statistics-system technical events go to the data centre, actual data need no "
    "adjustment",
    "[plans]") {
  PlanCli cli;
  cli.AddUsers({{"city1", "clerk", "stats-city-bureau"},
                {"eo1", "clerk", "stats-emergency-office"},
                {"lg1", "supervisor", "stats-leading-group"},
                {"dc1", "clerk", "stats-data-center"}});
  std::string id = cli.Open(
      "statistics-system", "city1", "2025-06-02T10:00:00+08:00",
      R"({"title": "直报系统中断", "category": "technical", "discovered_at": "2025-06-02T08:00:00+08:00",
                                "place": "数据中心", "impact": "无法直报", "scope": "全区", "measures_taken": "排查",
                                "channel": "phone", "reporter": "甲", "phone": "1"})");
  REQUIRE_FALSE(id.empty());
  cli.Ok(
      id, "assess", "submit", "eo1", "2025-06-02T10:30:00+08:00",
      R"({"nature": "genuine", "category": "technical", "cross_city": true, "findings": "直报中断"})");
  CHECK(cli.Act(id, "assess", "approve", "lg1", "2025-06-02T10:40:00+08:00").exit_code ==
        3);  // no level
  cli.Ok(id, "assess", "approve", "lg1", "2025-06-02T10:41:00+08:00", R"({"level": "II"})");
  cli.Ok(
      id, "activate", "submit", "eo1", "2025-06-02T11:00:00+08:00",
      R"({"measures": "切换", "commander": "甲", "lead_unit": "数据管理中心", "reporting_frequency": "as_needed",
             "backup_system": true, "statistical_aid": false, "special_survey": false})");
  cli.Ok(id, "activate", "approve", "lg1", "2025-06-02T11:05:00+08:00");
  Json c = cli.Show(id);
  Json restore = Last(c, "restore-system");
  CHECK(restore.GetString("unit") == "stats-data-center");
  CHECK(Instances(c, "special-survey").empty());
  CHECK(Instances(c, "report-government").empty());  // only level I is reported to the government
  // Estimated data need the method; actual data do not.
  CHECK(cli.Act(id, "emergency-data", "submit", "city1", "2025-06-02T12:00:00+08:00",
                R"({"period": "5月", "data_basis": "estimated", "indicators": ["工业：1"]})")
            .exit_code == 3);
  cli.Ok(id, "emergency-data", "submit", "city1", "2025-06-02T12:01:00+08:00",
         R"({"period": "5月", "data_basis": "actual", "indicators": ["工业：1"]})");
  cli.Ok(
      id, "restore-system", "submit", "dc1", "2025-06-02T15:00:00+08:00",
      R"({"fault_type": "direct_reporting", "cause": "数据库锁", "measures": "重启", "backup_enabled": true,
             "alternative_submission": false, "restored": true, "restored_at": "2025-06-02T14:50:00+08:00"})");
  cli.Ok(id, "data-assurance", "submit", "city1", "2025-06-02T16:00:00+08:00",
         R"({"channel": "backup_system", "complete": true})");
  cli.Ok(
      id, "end-response", "submit", "eo1", "2025-06-02T17:00:00+08:00",
      R"({"handling_completed_at": "2025-06-02T16:00:00+08:00", "hazards_eliminated": true, "conditions": "恢复"})");
  cli.Ok(id, "end-response", "approve", "lg1", "2025-06-02T17:10:00+08:00");
  c = cli.Show(id);
  CHECK(Instances(c, "adjust-data").empty());
  CHECK(Instances(c, "result-report").size() == 1);
}

TEST_CASE("plans: safety-accident class other than proposed needs a reason", "[plans]") {
  PlanCli cli;
  cli.AddUsers({{"ws1", "clerk", "workshop-1"},
                {"sd1", "clerk", "company-safety-dept"},
                {"gm1", "supervisor", "company-command"}});
  std::string id = cli.Open(
      "safety-accident", "ws1", "2025-12-01T10:30:00+08:00",
      R"({"title": "机械伤害", "occurred_at": "2025-12-01T10:00:00+08:00", "place": "一车间",
                                "accident_type": "casualty", "deaths": 0, "serious_injuries": 0, "minor_injuries": 1,
                                "hazardous_materials": false, "description": "手部划伤", "measures_taken": "包扎",
                                "reporter": "甲", "phone": "1"})");
  REQUIRE_FALSE(id.empty());
  cli.Ok(
      id, "assess", "submit", "sd1", "2025-12-01T10:40:00+08:00",
      R"({"nature": "genuine", "deaths": 0, "serious_injuries": 0, "minor_injuries": 1, "hazards": "无"})");
  CHECK(cli.Show(id)["fields"].GetString("proposed_class") == "minor_injury");
  CHECK(cli.Act(id, "assess", "approve", "gm1", "2025-12-01T10:50:00+08:00",
                R"({"accident_class": "serious_injury"})")
            .exit_code == 3);
  cli.Ok(id, "assess", "approve", "gm1", "2025-12-01T10:51:00+08:00",
         R"({"accident_class": "serious_injury", "class_reason": "医院诊断为肌腱断裂，属重伤"})");
  Json c = cli.Show(id);
  CHECK(c["fields"].GetString("accident_class") == "serious_injury");
  CHECK(Instances(c, "activate").size() == 1);
}

// ---- every definition, including its deadline declarations ------------------------------

namespace {

std::vector<std::string> WorkflowFiles() {
  std::vector<std::string> files = ListJsonFiles(SourceDir() + "/workflows");
  REQUIRE(files.size() >= 6);
  return files;
}

const std::set<std::string> kGrounds = {"late_report",   "refused_orders",    "improper_command",
                                        "misused_funds", "false_information", "other_obstruction"};

// Checks one deadline declaration of `def` (the loaded definition) against the format of
// workflows/README.md "Deadlines". Problems are appended to *out.
void CheckDeadline(const Definition& def, const Json& d, const std::string& where,
                   std::vector<std::string>* out) {
  auto bad = [&](const std::string& what) { out->push_back(where + ": " + what); };
  static const std::set<std::string> kKeys = {
      "id",   "name",        "start",        "rule",       "until",
      "task", "satisfiedBy", "remindBefore", "escalateTo", "accountability"};
  for (const auto& m : d.members())
    if (!kKeys.count(m.first)) bad("unknown key " + m.first);
  auto task_exists = [&](const std::string& t) { return def.FindTask(t) != nullptr; };
  auto check_event = [&](const Json& e, const std::string& key, const std::set<std::string>& ons) {
    if (!task_exists(e.GetString("task"))) bad(key + ".task: no task " + e.GetString("task"));
    if (!ons.count(e.GetString("on"))) bad(key + ".on: " + e.GetString("on"));
  };
  // start
  const Json& start = d["start"];
  if (start.Has("field")) {
    std::string v = start.GetString("field");
    size_t dot = v.find('.');
    const TaskSpec* t = dot == std::string::npos ? nullptr : def.FindTask(v.substr(0, dot));
    const FormSchema* f = t ? def.FindForm(t->form) : nullptr;
    const FieldSpec* field = f ? f->FindField(v.substr(dot + 1)) : nullptr;
    if (!field || field->type != FieldType::kDateTime)
      bad("start.field: " + v + " is not a date-time field of a task");
  } else if (start.Has("task")) {
    check_event(start, "start", {"created", "submitted", "done"});
  } else if (start.GetString("case") != "opened") {
    bad("start: expected field, task or case");
  }
  // rule
  auto rule = DeadlineRule::FromJson(d["rule"], def.source_file, where + ".rule");
  if (!rule.ok()) {
    bad(rule.status().message());
    return;
  }
  if (rule->kind() == DeadlineRule::Kind::kDailyAt) {
    const TaskSpec* t = def.FindTask(d.GetString("task"));
    if (!t || !t->adhoc)
      bad("task: a daily deadline needs an ad-hoc task, not " + d.GetString("task"));
    if (!d.Has("until"))
      bad("until: a daily deadline needs the event that ends it");
    else
      check_event(d["until"], "until", {"submitted", "done"});
  } else if (d.Has("until") || d.Has("task")) {
    bad("until/task only belong to daily deadlines");
  }
  check_event(d["satisfiedBy"], "satisfiedBy", {"submitted", "done"});
  if (d.Has("remindBefore")) {
    auto remind = DeadlineRule::ParseIsoDuration(d.GetString("remindBefore"));
    if (!remind.ok() || remind->kind() != DeadlineRule::Kind::kDuration)
      bad("remindBefore: " + d.GetString("remindBefore"));
    else if (rule->kind() == DeadlineRule::Kind::kDuration && remind->seconds() >= rule->seconds())
      bad("remindBefore is not shorter than the limit");
  }
  if (d.Has("escalateTo") && !IsKnownRole(d["escalateTo"].GetString("role")))
    bad("escalateTo.role");
  if (d.Has("accountability")) {
    const TaskSpec* t = def.FindTask(d["accountability"].GetString("task"));
    if (!t || !t->adhoc) bad("accountability.task: not an ad-hoc task");
    if (!kGrounds.count(d["accountability"].GetString("ground"))) bad("accountability.ground");
  }
}

}  // namespace

TEST_CASE("plans: every definition validates", "[plans]") {
  for (const auto& file : WorkflowFiles()) {
    auto r = RunErflow({"definitions", "validate", file});
    INFO(file << ": " << r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("plans: each plan has six stages, its deadlines well formed, accountability wired",
          "[plans]") {
  int plans = 0;
  for (const auto& file : WorkflowFiles()) {
    auto doc = ParseJsonFile(file);
    REQUIRE(doc.ok());
    if (!doc->Has("deadlines")) continue;  // incident-basic: the engine-core example
    ++plans;
    auto def = LoadDefinitionFile(file, SourceDir() + "/forms");
    INFO(file);
    REQUIRE(def.ok());
    CHECK((*def)->stages.size() == 6);
    std::vector<std::string> problems;
    bool accountability = false;
    const auto& deadlines = (*doc)["deadlines"].items();
    CHECK_FALSE(deadlines.empty());
    for (size_t i = 0; i < deadlines.size(); ++i) {
      CheckDeadline(**def, deadlines[i], file + ": deadlines[" + std::to_string(i) + "]",
                    &problems);
      accountability |= deadlines[i].Has("accountability");
    }
    for (const auto& p : problems) FAIL_CHECK(p);
    CHECK(accountability);
    // The ad-hoc proposal the deadlines spawn is the inspector's, on the shared form.
    const TaskSpec* proposal = (*def)->FindTask("accountability-proposal");
    REQUIRE(proposal);
    CHECK(proposal->adhoc);
    CHECK(proposal->form == "common-accountability-proposal");
    CHECK(proposal->assignee.front().role == "inspector");
    // The accountability review and the commendation sit in the last stage.
    CHECK((*def)->FindTask("accountability-review")->stage == (*def)->stages.back().id);
    CHECK((*def)->FindTask("commendation")->stage == (*def)->stages.back().id);
    // Whoever activated ends it: the close-out stage has an approval routed to the unit
    // that approved the activation.
    const TaskSpec* end = nullptr;
    for (const auto& t : (*def)->tasks) {
      if (!t.approval || t.stage != (*def)->stages[4].id) continue;
      for (const auto& rule : t.approval->assignee)
        if (rule.unit.kind == UnitRef::Kind::kActorOf &&
            rule.unit.tasks == std::vector<std::string>{"activate"})
          end = &t;
    }
    CHECK(end != nullptr);
  }
  CHECK(plans >= 5);
}

TEST_CASE("plans: the deadline check itself finds broken declarations", "[plans]") {
  auto def =
      LoadDefinitionFile(SourceDir() + "/workflows/network-security.json", SourceDir() + "/forms");
  REQUIRE(def.ok());
  struct Broken {
    const char* json;
    const char* expect;
  };
  const Broken cases[] = {
      {R"({"id": "a", "start": {"field": "report.title"}, "rule": {"duration": "PT30M"},
           "satisfiedBy": {"task": "report", "on": "submitted"}})",
       "not a date-time field"},
      {R"({"id": "a", "start": {"task": "report", "on": "created"}, "rule": {"duration": "P1M"},
           "satisfiedBy": {"task": "report", "on": "submitted"}})",
       "rule"},
      {R"({"id": "a", "start": {"task": "activate", "on": "done"}, "rule": {"dailyAt": "17:00"},
           "task": "release", "satisfiedBy": {"task": "release", "on": "submitted"}})",
       "until"},
      {R"({"id": "a", "start": {"case": "opened"}, "rule": {"duration": "PT30M"}, "remindBefore": "PT1H",
           "satisfiedBy": {"task": "report", "on": "submitted"}})",
       "not shorter"},
      {R"({"id": "a", "start": {"case": "opened"}, "rule": {"days": 3},
           "satisfiedBy": {"task": "report", "on": "submitted"},
           "accountability": {"task": "assess", "ground": "late"}})",
       "accountability"},
  };
  for (const auto& b : cases) {
    auto j = ParseJson(b.json, "test");
    REQUIRE(j.ok());
    std::vector<std::string> problems;
    CheckDeadline(**def, *j, "test", &problems);
    INFO(b.json);
    REQUIRE_FALSE(problems.empty());
    bool found = false;
    for (const auto& p : problems) found |= p.find(b.expect) != std::string::npos;
    CHECK(found);
  }
}
