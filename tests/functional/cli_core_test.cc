// The real build/erflow against a temporary SQLite file: the core commands, their exit
// codes, and audit tampering detected after editing the database with the sqlite3 CLI.
#include <catch2/catch.hpp>

#include "erflow/json.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

namespace {

class Cli {
 public:
  Cli() : db_(dir_.File("erflow.db")) {
    REQUIRE(Run({"definitions", "deploy"}).exit_code == 0);
    REQUIRE(Run({"definitions", "deploy", SourceDir() + "/tests/data/workflows/countersign.json"})
                .exit_code == 0);
    for (auto [name, role, unit] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"clerk1", "clerk", "county"},
             {"clerk2", "clerk", "county"},
             {"boss1", "supervisor", "county"},
             {"boss2", "supervisor", "county"},
             {"cityclerk", "clerk", "city-command"},
             {"cityclerk2", "clerk", "city-command"}})
      REQUIRE(Run({"users", "add", name, "--role", role, "--unit", unit}).exit_code == 0);
  }

  RunResult Run(std::vector<std::string> args, const std::string& now = "2025-09-30T09:00:00+08:00",
                const std::string& stdin_text = "") {
    args.insert(args.begin(), {"--db", db_, "--now", now});
    return RunErflow(args, stdin_text);
  }

  std::string File(const std::string& name, const std::string& content) {
    WriteFile(dir_.File(name), content);
    return dir_.File(name);
  }

  Json ShowCase(const std::string& id) {
    auto r = Run({"case", "show", id, "--json"});
    REQUIRE(r.exit_code == 0);
    auto j = ParseJson(r.out, "case show");
    REQUIRE(j.ok());
    return *j;
  }

  RunResult Sql(const std::string& statement) {
    return RunShell("sqlite3 " + ShellQuote(db_) + " " + ShellQuote(statement));
  }

  std::string OpenBasic() {
    std::string form =
        File("report.json", R"({"title": "断网", "discovered_at": "2025-09-30T08:40:00+08:00",
                                               "description": "政务外网中断"})");
    auto r = Run({"case", "open", "incident-basic", "--as", "clerk1", "--form", form});
    REQUIRE(r.exit_code == 0);
    return r.out.substr(0, r.out.find('\n'));
  }

 private:
  TempDir dir_;
  std::string db_;
};

}  // namespace

TEST_CASE("cli: a case through a choice and a parallel join, with queue and history") {
  Cli cli;
  std::string id = cli.OpenBasic();
  CHECK(id == "1");
  auto queue = cli.Run({"queue", "--as", "clerk2", "--json"});
  REQUIRE(queue.exit_code == 0);
  auto items = ParseJson(queue.out, "queue");
  REQUIRE(items->size() == 1);
  CHECK(items->items()[0].GetString("node") == "assess");
  CHECK(cli.Run({"case", "act", id, "assess", "submit", "--as", "clerk2", "--form", "-"},
                "2025-09-30T09:10:00+08:00", R"({"nature": "genuine", "level": "III"})")
            .exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "assess", "approve", "--as", "boss1"}).exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "contain", "submit", "--as", "clerk1", "--form", "-"},
                "2025-09-30T10:00:00+08:00", R"({"measures": "断开"})")
            .exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "recover", "submit", "--as", "clerk2", "--form", "-"},
                "2025-09-30T11:00:00+08:00", R"({"measures": "恢复"})")
            .exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "summary", "submit", "--as", "clerk1", "--form", "-"},
                "2025-10-08T11:00:00+08:00", R"({"cause": "光缆", "result": "已恢复"})")
            .exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "summary", "approve", "--as", "boss2"}).exit_code == 0);
  Json c = cli.ShowCase(id);
  CHECK(c.GetString("status") == "closed");
  CHECK(c.GetString("outcome") == "completed");
  CHECK(c["history"].size() == 7);
  const Json& first = c["history"].items()[0];
  CHECK(first.GetString("actor") == "clerk1");
  CHECK(first.GetString("role") == "clerk");
  CHECK(first.GetString("unit") == "county");
  CHECK(first.GetString("at") == "2025-09-30T09:00:00+08:00");
  CHECK(first["definition"].GetString("id") == "incident-basic");
  CHECK(first["definition"].GetInt("version") == 1);
  CHECK(first["changes"].size() == 3);
  auto human = cli.Run({"case", "show", id});
  CHECK_THAT(human.out, Catch::Contains("report.title: null → \"断网\""));
  CHECK(cli.Run({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("cli: exit codes for four-eyes, unknown case, stale version, bad input and usage") {
  Cli cli;
  std::string id = cli.OpenBasic();
  REQUIRE(cli.Run({"users", "add", "dual", "--role", "clerk", "--role", "supervisor", "--unit",
                   "county"})
              .exit_code == 0);
  REQUIRE(cli.Run({"case", "act", id, "assess", "submit", "--as", "dual", "--form", "-"},
                  "2025-09-30T09:10:00+08:00", R"({"nature": "genuine", "level": "IV"})")
              .exit_code == 0);
  auto four_eyes = cli.Run({"case", "act", id, "assess", "approve", "--as", "dual"});
  CHECK(four_eyes.exit_code == 4);
  CHECK_THAT(four_eyes.err, Catch::Contains("four-eyes"));
  CHECK(cli.Run({"case", "show", "99"}).exit_code == 6);
  auto stale =
      cli.Run({"case", "act", id, "assess", "approve", "--as", "boss1", "--expect-version", "1"});
  CHECK(stale.exit_code == 5);
  CHECK_THAT(stale.err, Catch::Contains("stale version: case 1 is at version 2"));
  auto bad = cli.Run({"case", "open", "incident-basic", "--as", "clerk1", "--form", "-"},
                     "2025-09-30T09:00:00+08:00", R"({"title": 7})");
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("form.title: expected text, found integer"));
  auto malformed = cli.Run({"case", "open", "incident-basic", "--as", "clerk1", "--form", "-"},
                           "2025-09-30T09:00:00+08:00", "{\"title\": ");
  CHECK(malformed.exit_code == 3);
  CHECK_THAT(malformed.err, Catch::Contains("(stdin):1:11: expected a value"));
  CHECK(cli.Run({"case", "frobnicate"}).exit_code == 2);
  CHECK(cli.Run({"case", "act", id, "assess", "approve"}).exit_code == 2);
  CHECK(cli.Run({"--help"}).exit_code == 0);
  CHECK(cli.Run({"case", "--help"}).exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "assess", "approve", "--as", "boss1", "--expect-version", "2"})
            .exit_code == 0);
}

TEST_CASE("cli: an idempotent retry applies once") {
  Cli cli;
  std::string id = cli.OpenBasic();
  std::vector<std::string> cmd = {"case", "act",    id,      "assess", "claim",
                                  "--as", "clerk2", "--key", "k-42",   "--json"};
  auto first = cli.Run(cmd);
  auto second = cli.Run(cmd);
  REQUIRE(first.exit_code == 0);
  REQUIRE(second.exit_code == 0);
  CHECK_FALSE(ParseJson(first.out, "o")->GetBool("replayed"));
  CHECK(ParseJson(second.out, "o")->GetBool("replayed"));
  CHECK(cli.ShowCase(id).GetInt("version") == 2);
}

TEST_CASE("cli: return with a reason and transfer") {
  Cli cli;
  std::string report = cli.File(
      "r.json",
      R"({"title": "会签", "discovered_at": "2025-09-30T08:40:00+08:00", "description": "x"})");
  auto opened = cli.Run({"case", "open", "test-countersign", "--as", "clerk1", "--form", report});
  REQUIRE(opened.exit_code == 0);
  std::string id = "1";
  CHECK(cli.Run({"case", "act", id, "draft", "approve", "--as", "boss1"}).exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "draft", "approve", "--as", "boss2"}).exit_code == 0);
  CHECK(cli.Run({"case", "act", id, "review", "transfer", "--as", "cityclerk", "--to", "clerk1"})
            .exit_code == 4);
  CHECK(
      cli.Run({"case", "act", id, "review", "transfer", "--as", "cityclerk", "--to", "cityclerk2"})
          .exit_code == 0);
  auto no_reason = cli.Run({"case", "act", id, "review", "return", "--as", "cityclerk2"});
  CHECK(no_reason.exit_code == 3);
  CHECK(
      cli.Run({"case", "act", id, "review", "return", "--as", "cityclerk2", "--reason", "附件缺失"})
          .exit_code == 0);
  Json c = cli.ShowCase(id);
  const Json& last = c["history"].items().back();
  CHECK(last.GetString("command") == "return");
  CHECK(last.GetString("reason") == "附件缺失");
  auto q = cli.Run({"queue", "--as", "clerk1"});
  CHECK_THAT(q.out, Catch::Contains("起草"));
}

TEST_CASE("cli: definitions validate prints every problem with file, position and path") {
  Cli cli;
  std::string bad = cli.File("bad.json", R"({
  "id": "bad",
  "name": {"zh": "坏"},
  "start": "a",
  "stages": [{"id": "s", "name": {"zh": "段"}, "tasks": [
    {"id": "a", "name": {"zh": "甲"}, "role": "boss", "form": "nope", "next": "end"}]}],
  "ends": [{"id": "end", "name": {"zh": "完"}}]
})");
  auto r = cli.Run({"definitions", "validate", bad});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err,
             Catch::Contains("bad.json:6:46: stages[0].tasks[0].role: unknown role \"boss\""));
  CHECK_THAT(r.err,
             Catch::Contains("bad.json:6:62: stages[0].tasks[0].form: form \"nope\" not found"));
  auto good = cli.Run({"definitions", "validate", SourceDir() + "/workflows/incident-basic.json"});
  CHECK(good.exit_code == 0);
}

TEST_CASE("cli: audit verify names the event that was edited, deleted or reordered") {
  struct Tamper {
    const char* what;
    const char* sql;
    const char* expected;
  };
  const Tamper cases[] = {
      {"edited body",
       "UPDATE events SET body = replace(body, '断网', '误报') WHERE case_id = 1 AND seq = 1",
       "case 1 event 1 (#1): edited"},
      {"edited actor", "UPDATE events SET actor = 'boss2' WHERE case_id = 1 AND seq = 2",
       "case 1 event 2 (#2): edited"},
      {"deleted middle", "DELETE FROM events WHERE case_id = 1 AND seq = 2",
       "case 1 event 2 (#3): missing"},
      {"deleted last", "DELETE FROM events WHERE case_id = 1 AND seq = 3",
       "case 1 event 3: the case is at version 3 but its history ends at event 2 (later events "
       "deleted)"},
      {"reordered",
       "UPDATE events SET seq = 100 WHERE case_id = 1 AND seq = 2; UPDATE events SET seq = 2 WHERE "
       "case_id = 1 AND "
       "seq = 3; UPDATE events SET seq = 3 WHERE case_id = 1 AND seq = 100",
       "case 1 event 2 (#3): chain broken"},
      {"snapshot edited",
       "UPDATE cases SET snapshot = replace(snapshot, '断网', '误报') WHERE id = 1",
       "case 1: the stored snapshot differs from the one rebuilt from history"},
      {"case deleted", "DELETE FROM cases WHERE id = 1",
       "case 1: has history but no case record (deleted)"},
  };
  for (const auto& t : cases) {
    INFO(t.what);
    Cli cli;
    std::string id = cli.OpenBasic();
    REQUIRE(cli.Run({"case", "act", id, "assess", "claim", "--as", "clerk2"}).exit_code == 0);
    REQUIRE(cli.Run({"case", "act", id, "assess", "unclaim", "--as", "clerk2"}).exit_code == 0);
    REQUIRE(cli.Run({"audit", "verify"}).exit_code == 0);
    auto sql = cli.Sql(t.sql);
    REQUIRE(sql.exit_code == 0);
    auto r = cli.Run({"audit", "verify"});
    CHECK(r.exit_code == 7);
    CHECK_THAT(r.err, Catch::Contains(t.expected));
  }
}
