// Reading one "deadlines" entry of a definition. Internal to the engine.
// Thread rules: pure function.
#pragma once

#include <functional>
#include <vector>

#include "erflow/definition.h"
#include "erflow/problems.h"

namespace erflow {

class ObjectReader;

// Reads an event reference ({"task": T, "on": …}, {"field": "T.F"}, {"case": "opened"}).
EventRef ReadEventRef(ObjectReader& parent, const std::string& key, bool required, bool allow_field);

// `read_assignee` reads the role/unit (or routes) of "escalateTo" the way tasks do.
void ParseDeadlineSpec(const Json& doc, const std::string& path, Problems* problems,
                       const std::function<std::vector<AssigneeRule>(ObjectReader&)>& read_assignee,
                       DeadlineSpec* out);

}  // namespace erflow
