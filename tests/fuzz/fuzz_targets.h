// The fuzz targets: one function per input format the outside world can hand erflow —
// JSON text, a deployed definition bundle, form data, a calendar year file, a command as
// a client sends it, an HTTP request to the API. Each is the body of a libFuzzer target
// (fuzzer_main.cc, built by scripts/fuzz with clang) and is also called by the normal test suite on
// the seed files and on every input that once crashed it (fuzz_regressions_test.cc), so a fixed
// crash stays fixed in every build.
//
// A target returns 0 for any input; a broken invariant (a round trip that changes the
// value, an error code no input should cause) prints what broke and aborts, which
// libFuzzer reports as a crash and the test suite as a failed test.
// Thread rules: single-threaded, as libFuzzer calls them; targets keep state they set up
// once (loaded forms, an engine with deployed definitions) in function-local statics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace erflow::fuzz {

using TargetFn = int (*)(const uint8_t* data, size_t size);

struct Target {
  const char* name;  // the fuzzer's name and its folders: seeds and tests/fuzz/regressions/
  TargetFn fn;
};

// ParseJson, then Dump/Pretty round trips (json_target.cc).
int FuzzJson(const uint8_t* data, size_t size);
// LoadDefinitionBundle on a bundle as stored in the database (definition_target.cc).
int FuzzDefinition(const uint8_t* data, size_t size);
// ValidateFormData against every shipped form (form_target.cc).
int FuzzForm(const uint8_t* data, size_t size);
// CalendarYear::FromJson, then every day and deadline arithmetic (calendar_target.cc).
int FuzzCalendar(const uint8_t* data, size_t size);
// A drill step as a client would send it, through Engine::Execute (command_target.cc).
int FuzzCommand(const uint8_t* data, size_t size);
// An HTTP request to the API, through the server's router and handlers (api_target.cc).
int FuzzApi(const uint8_t* data, size_t size);

const std::vector<Target>& Targets();

// Aborts with `what` unless `ok`: an invariant no input may break.
void FuzzCheck(bool ok, const std::string& what);

// The source tree (forms/, workflows/, calendars/, drills/).
std::string FuzzSourceDir();

}  // namespace erflow::fuzz
