// DefinitionParser: turns a definition document (already parsed JSON) and its forms into
// a Definition, collecting every structural problem. Cross-references and the graph are
// checked afterwards by definition_checker. Internal to the engine.
// Thread rules: single-threaded, short-lived.
#pragma once

#include "erflow/definition.h"
#include "erflow/problems.h"

namespace erflow {

// Fills `def` from `doc`; problems go to `problems` (whose source is the file name).
void ParseDefinitionDocument(const Json& doc, Problems* problems, Definition* def);

// Checks references (forms, roles, tasks, stages, variables) and the graph (unreachable
// stages, nodes with no way to an end, joins, defaults). `doc` supplies positions.
void CheckDefinition(const Json& doc, const Definition& def, Problems* problems);

}  // namespace erflow
