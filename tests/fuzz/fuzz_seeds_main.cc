// erflow_fuzz_seeds: writes each fuzz target's seed corpus (fuzz_seeds.h) under OUTDIR,
// one folder per target, one file per input. scripts/fuzz runs it before fuzzing.
// Thread rules: single-threaded.
//
// usage: erflow_fuzz_seeds SOURCE_DIR OUTDIR
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "fuzz/fuzz_seeds.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: erflow_fuzz_seeds SOURCE_DIR OUTDIR\n");
    return 2;
  }
  for (const auto& [target, inputs] : erflow::fuzz::FuzzSeeds(argv[1])) {
    const std::filesystem::path dir = std::filesystem::path(argv[2]) / target;
    std::filesystem::create_directories(dir);
    for (size_t i = 0; i < inputs.size(); ++i)
      std::ofstream(dir / ("seed-" + std::to_string(i)), std::ios::binary) << inputs[i];
    std::printf("%s: %zu seeds\n", target.c_str(), inputs.size());
  }
  return 0;
}
