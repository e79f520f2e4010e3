// The fuzz targets in the normal suite: each runs over its seeds (the project's own
// files), and over every input that once crashed it, kept under
// tests/fuzz/regressions/<target>/ — named after the bug — so a fixed crash stays fixed
// in every build, not only in the clang fuzzing build. A broken invariant aborts the
// test process, which fails the test.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fuzz/fuzz_seeds.h"
#include "fuzz/fuzz_targets.h"
#include "test_support.h"

using namespace erflow::fuzz;

namespace {

void Feed(const Target& t, const std::string& input) {
  t.fn(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

}  // namespace

TEST_CASE("fuzz targets: the seeds run clean", "[fuzz]") {
  auto seeds = FuzzSeeds(erflow::test::SourceDir());
  for (const auto& t : Targets()) {
    INFO(t.name);
    CHECK(!seeds[t.name].empty());
    for (const auto& input : seeds[t.name]) Feed(t, input);
  }
}

TEST_CASE("fuzz targets: every input that once crashed one runs clean", "[fuzz]") {
  const std::filesystem::path root =
      std::filesystem::path(erflow::test::SourceDir()) / "tests/fuzz/regressions";
  int inputs = 0;
  for (const auto& t : Targets()) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root / t.name, ec)) {
      INFO(t.name << ": " << entry.path().filename().string());
      Feed(t, erflow::test::ReadFile(entry.path().string()));
      ++inputs;
    }
  }
  SUCCEED(inputs << " regression inputs");
}
