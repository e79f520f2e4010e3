// Fuzz target "definition": a deployed definition bundle ({"definitionFile",
// "definition", "forms": [{"file", "schema"}]}) as read back from the database, through
// the same parser and checker that `definitions validate` and deploy use. Whatever the
// bundle, the loader answers with a definition or InvalidArgument listing problems; a
// bundle it accepts loads again from its own stored form to the same content hash.
#include "erflow/definition_loader.h"
#include "erflow/json.h"
#include "fuzz/fuzz_targets.h"

namespace erflow::fuzz {

int FuzzDefinition(const uint8_t* data, size_t size) {
  auto bundle = ParseJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!bundle.ok()) return 0;
  auto def = LoadDefinitionBundle(*bundle, 1);
  if (!def.ok()) {
    FuzzCheck(def.status().code() == Status::Code::kInvalidArgument,
              "a bad definition must be InvalidArgument: " + def.status().ToString());
    return 0;
  }
  auto stored = ParseJson((*def)->bundle.Dump(), "stored");
  FuzzCheck(stored.ok(), "an accepted bundle does not dump to JSON");
  auto again = LoadDefinitionBundle(*stored, 2);
  FuzzCheck(again.ok(), "an accepted bundle is refused when read back: " +
                            (again.ok() ? std::string() : again.status().ToString()));
  FuzzCheck((*again)->content_hash == (*def)->content_hash,
            "an accepted bundle read back has another content hash");
  return 0;
}

}  // namespace erflow::fuzz
