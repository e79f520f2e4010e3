// FuzzSeeds: the seed inputs of each fuzz target, taken from the project's own files —
// every JSON file (json), each workflow as the bundle deploy stores (definition), every
// form a drill submits (form), the calendar years (calendar), and every drill step as a
// client command (command). erflow_fuzz_seeds writes them as corpus folders for
// scripts/fuzz; the test suite runs each target over them.
// Thread rules: a pure function of the source tree.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace erflow::fuzz {

// Target name → its seed inputs.
std::map<std::string, std::vector<std::string>> FuzzSeeds(const std::string& source_dir);

}  // namespace erflow::fuzz
