// Plans live in data only: no source file under engine/ or app/ may name a plan. The plan ids are
// read at test time from workflows/*.json, so a new plan is covered the day it is added.
// A plan id in code would mean the engine special-cases a plan instead of offering a
// general capability (see design.md: "a new emergency plan is a new file there, not new C++").
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "erflow/definition_loader.h"
#include "erflow/json.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

namespace {

std::vector<std::string> PlanIds() {
  std::vector<std::string> ids;
  for (const auto& file : ListJsonFiles(SourceDir() + "/workflows")) {
    auto doc = ParseJsonFile(file);
    INFO(file);
    REQUIRE(doc.ok());
    std::string id = doc->GetString("id");
    REQUIRE_FALSE(id.empty());
    ids.push_back(id);
  }
  return ids;
}

struct Finding {
  std::string file;
  std::string id;
};

// Every (file, plan id) pair where a regular file under `root` contains the id.
std::vector<Finding> FindPlanIds(const std::string& root, const std::vector<std::string>& ids, int* files_scanned) {
  std::vector<Finding> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    // Code only: documentation (API.md) may use a plan as an example.
    const std::string ext = it->path().extension().string();
    if (ext != ".cc" && ext != ".h" && ext != ".cpp") continue;
    ++*files_scanned;
    std::string content = ReadFile(it->path().string());
    for (const auto& id : ids)
      if (content.find(id) != std::string::npos) out.push_back({it->path().string(), id});
  }
  return out;
}

}  // namespace

TEST_CASE("plans: no plan id appears in engine/ or app/", "[plans][data-only]") {
  std::vector<std::string> ids = PlanIds();
  REQUIRE(ids.size() >= 6);
  for (const char* dir : {"engine", "app"}) {
    int scanned = 0;
    auto found = FindPlanIds(SourceDir() + "/" + dir, ids, &scanned);
    INFO(dir);
    CHECK(scanned > 10);  // the folder was really read
    for (const auto& f : found) FAIL_CHECK(f.file << " names plan \"" << f.id << "\": plans belong in workflows/");
  }
}

TEST_CASE("plans: the plan-id scan finds an id planted in a source file", "[plans][data-only]") {
  TempDir dir;
  std::filesystem::create_directories(dir.File("engine/runtime"));
  WriteFile(dir.File("engine/runtime/clean.cc"), "int f() { return 1; }\n");
  std::vector<std::string> ids = PlanIds();
  const std::string planted = ids.back();
  WriteFile(dir.File("engine/runtime/special_case.cc"), "if (plan == \"" + planted + "\") {}\n");
  int scanned = 0;
  auto found = FindPlanIds(dir.File("engine"), ids, &scanned);
  CHECK(scanned == 2);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == planted);
  CHECK(found[0].file.find("special_case.cc") != std::string::npos);
}
