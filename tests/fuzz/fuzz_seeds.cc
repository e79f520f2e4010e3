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
  return seeds;
}

}  // namespace erflow::fuzz
