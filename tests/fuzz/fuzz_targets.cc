#include "fuzz/fuzz_targets.h"

#include <cstdio>
#include <cstdlib>

namespace erflow::fuzz {

const std::vector<Target>& Targets() {
  static const std::vector<Target> targets = {
      {"json", FuzzJson},         {"definition", FuzzDefinition}, {"form", FuzzForm},
      {"calendar", FuzzCalendar}, {"command", FuzzCommand},       {"api", FuzzApi}};
  return targets;
}

void FuzzCheck(bool ok, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

std::string FuzzSourceDir() {
  if (const char* dir = std::getenv("ERFLOW_SOURCE_DIR")) return dir;
  return ERFLOW_SOURCE_DIR;
}

}  // namespace erflow::fuzz
