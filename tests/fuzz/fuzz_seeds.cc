#include "fuzz/fuzz_seeds.h"

#include <fstream>
#include <sstream>

#include "erflow/definition_loader.h"
#include "erflow/json.h"

namespace erflow::fuzz {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::map<std::string, std::vector<std::string>> FuzzSeeds(const std::string& src) {
  std::map<std::string, std::vector<std::string>> seeds;
  for (const char* dir : {"workflows", "forms", "calendars", "drills", "tests/data/workflows"})
    for (const auto& file : ListJsonFiles(src + "/" + dir)) seeds["json"].push_back(Slurp(file));
  for (const char* dir : {"workflows", "tests/data/workflows"})
    for (const auto& file : ListJsonFiles(src + "/" + dir)) {
      auto def = LoadDefinitionFile(file, src + "/forms");
      if (def.ok()) seeds["definition"].push_back((*def)->bundle.Dump());
    }
  for (const auto& file : ListJsonFiles(src + "/calendars"))
    seeds["calendar"].push_back(Slurp(file));
  for (const auto& file : ListJsonFiles(src + "/drills")) {
    auto drill = ParseJsonFile(file);
    if (!drill.ok()) continue;
    const auto& steps = (*drill)["steps"].items();
    for (size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].Has("form")) seeds["form"].push_back(steps[i]["form"].Dump());
      Json command = Json::Object();
      command.Set("drill", Json(drill->GetString("id")));
      command.Set("step", Json(static_cast<int64_t>(i)));
      for (const auto& [key, value] : steps[i].members())
        if (key != "expect") command.Set(key, value);
      seeds["command"].push_back(command.Dump());
    }
  }
  // API requests (api_target.cc): line 1 "METHOD PATH", line 2 the user, then the body.
  auto& api = seeds["api"];
  const std::string report =
      R"({"title": "断网", "discovered_at": "2025-09-30T08:40:00+08:00", "description": "x"})";
  api.push_back("POST cases\nclerk1\n{\"plan\": \"incident-basic\", \"form\": " + report + "}");
  for (const auto& file : ListJsonFiles(src + "/drills")) {
    auto drill = ParseJsonFile(file);
    if (!drill.ok() || (*drill)["steps"].items().empty()) continue;
    Json body = Json::Object();
    body.Set("plan", Json(drill->GetString("plan")));
    body.Set("form", (*drill)["steps"].items()[0]["form"]);
    api.push_back("POST cases\nclerk1\n" + body.Dump());
  }
  for (const char* request :
       {"POST cases/{case}/tasks/assess/submit\nclerk2\n"
        R"({"version": 1, "form": {"nature": "genuine", "level": "III", "opinion": "x"}})",
        "POST cases/{case}/tasks/assess/claim\nclerk2\n{\"version\": 1}",
        "POST cases/{case}/tasks/assess/transfer\nclerk1\n"
        R"({"version": 1, "to": "clerk2", "reason": "转办"})",
        "POST cases/{assessed}/tasks/assess/approve\nboss1\n{\"version\": 2}",
        "POST cases/{assessed}/tasks/assess/return\nboss1\n"
        R"({"version": 2, "reason": "请补充损失"})",
        "POST cases/{assessed}/tasks/assess/withdraw\nclerk2\n{\"version\": 2}",
        "GET cases/{case}\nclerk1\n", "GET cases/{case}/tasks/assess/form\nclerk2\n",
        "GET cases?level=III&overdue=false&limit=5\nclerk1\n", "GET queue\nclerk2\n",
        "GET definitions/incident-basic?version=1\nclerk1\n",
        "POST users\nadmin1\n"
        R"({"name": "new.clerk", "display_name": "新", "roles": ["clerk"], "unit": "county"})",
        "PATCH users/archivist1\nadmin1\n{\"display_name\": \"档案员\"}",
        "POST definitions\nadmin1\n{\"source\": \"data\", \"ids\": [\"incident-basic\"]}",
        "POST session\nnobody\n{\"user\": \"clerk1\", \"password\": \"wrong\"}",
        "GET /index.html\nnobody\n", "GET /css/../index.html\nnobody\n"})
    api.push_back(request);
  for (const auto& file : ListJsonFiles(src + "/calendars"))
    api.push_back("POST calendar/years\nadmin1\n" + Slurp(file));
  return seeds;
}

}  // namespace erflow::fuzz
