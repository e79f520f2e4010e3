// Loading definitions: from a workflow file plus the forms folder (authoring, deploy,
// `definitions validate`), or from a deployed bundle read back from the database (running
// cases). Both paths run the same validation; every problem is reported with file, JSON
// path, line:column and what was expected.
// Thread rules: pure functions over their inputs and the file system.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "erflow/definition.h"
#include "erflow/result.h"

namespace erflow {

using DefinitionPtr = std::shared_ptr<const Definition>;

// Reads a workflow file and the forms it names from `forms_dir` (forms/<id>.json).
// File names in messages are shown as given.
Result<DefinitionPtr> LoadDefinitionFile(const std::string& path, const std::string& forms_dir);

// Parses a bundle {"definitionFile", "definition", "forms": [{"file", "schema"}]}.
Result<DefinitionPtr> LoadDefinitionBundle(const Json& bundle, int64_t version);

// All *.json files in a folder, sorted by name.
std::vector<std::string> ListJsonFiles(const std::string& dir);

}  // namespace erflow
