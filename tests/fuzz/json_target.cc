// Fuzz target "json": the JSON reader every file and request body goes through. Any text
// either parses or is refused with InvalidArgument; what parses survives Dump() and
// Pretty() unchanged (the audit chain hashes Dump(), so it must be stable), except that
// numbers beyond a double's range are written as null by design.
#include <cmath>

#include "erflow/json.h"
#include "fuzz/fuzz_targets.h"

namespace erflow::fuzz {
namespace {

bool HasNonFinite(const Json& j) {
  if (j.type() == Json::Type::kDouble) return !std::isfinite(j.AsDouble());
  for (const auto& v : j.items())
    if (HasNonFinite(v)) return true;
  for (const auto& m : j.members())
    if (HasNonFinite(m.second)) return true;
  return false;
}

}  // namespace

int FuzzJson(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = ParseJson(text, "fuzz");
  if (!parsed.ok()) {
    FuzzCheck(parsed.status().code() == Status::Code::kInvalidArgument,
              "a syntax error must be InvalidArgument: " + parsed.status().ToString());
    FuzzCheck(parsed.status().message().rfind("fuzz:", 0) == 0,
              "a syntax error must name its source: " + parsed.status().message());
    return 0;
  }
  const std::string dumped = parsed->Dump();
  auto again = ParseJson(dumped, "dump");
  FuzzCheck(again.ok(), "Dump() wrote text that does not parse: " + dumped);
  FuzzCheck(again->Dump() == dumped, "Dump() is not stable: " + dumped);
  if (!HasNonFinite(*parsed)) FuzzCheck(*again == *parsed, "Dump() changed the value: " + dumped);
  auto pretty = ParseJson(parsed->Pretty(), "pretty");
  FuzzCheck(pretty.ok() && pretty->Dump() == dumped, "Pretty() does not read back as Dump()");
  return 0;
}

}  // namespace erflow::fuzz
