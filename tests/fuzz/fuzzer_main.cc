// The libFuzzer entry point of one target, chosen at compile time (tests/fuzz/CMakeLists).
// Thread rules: libFuzzer calls it from one thread.
#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return erflow::fuzz::ERFLOW_FUZZ_TARGET(data, size);
}
