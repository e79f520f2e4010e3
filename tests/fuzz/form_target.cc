// Fuzz target "form": form data as a client submits it, checked against every form
// schema the project ships (forms/*.json). Data is accepted or refused with
// InvalidArgument; accepted data comes back normalised, and normalised data is accepted
// again unchanged (the stored form must pass its own schema).
#include <vector>

#include "erflow/definition_loader.h"
#include "erflow/form_schema.h"
#include "fuzz/fuzz_targets.h"

namespace erflow::fuzz {
namespace {

const std::vector<FormSchema>& Forms() {
  static const std::vector<FormSchema> forms = [] {
    std::vector<FormSchema> out;
    for (const auto& file : ListJsonFiles(FuzzSourceDir() + "/forms")) {
      auto doc = ParseJsonFile(file);
      FuzzCheck(doc.ok(), "cannot read " + file);
      auto schema = ParseFormSchema(*doc, file);
      FuzzCheck(schema.ok(), "cannot load " + file);
      out.push_back(std::move(schema).value());
    }
    FuzzCheck(!out.empty(), "no forms under " + FuzzSourceDir());
    return out;
  }();
  return forms;
}

}  // namespace

int FuzzForm(const uint8_t* data, size_t size) {
  auto doc = ParseJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!doc.ok()) return 0;
  for (const auto& schema : Forms()) {
    auto normalised = ValidateFormData(schema, *doc);
    if (!normalised.ok()) {
      FuzzCheck(
          normalised.status().code() == Status::Code::kInvalidArgument,
          schema.id + ": refused data must be InvalidArgument: " + normalised.status().ToString());
      continue;
    }
    auto again = ValidateFormData(schema, *normalised);
    FuzzCheck(again.ok(), schema.id + ": normalised data is refused: " + normalised->Dump() +
                              (again.ok() ? "" : " — " + again.status().ToString()));
    FuzzCheck(again->Dump() == normalised->Dump(),
              schema.id + ": normalising twice changes the data: " + normalised->Dump());
  }
  return 0;
}

}  // namespace erflow::fuzz
