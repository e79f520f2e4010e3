// Condition: a boolean test over a case's data, written in JSON inside a definition —
// exclusive-choice branches, decision-table rules, routing rules and conditional
// "required" rules all use it.
//
//   {"field": "assess.nature", "op": "eq", "value": "false_alarm"}
//   {"field": "form.level", "op": "ne", "ref": "decision.proposed_level"}
//   {"all": [ ... ]}   {"any": [ ... ]}   {"not": { ... }}
//
// ops: eq ne lt le gt ge in notIn present absent. A missing variable is unequal to
// everything and fails every ordering comparison.
// Thread rules: immutable after parsing.
#pragma once

#include <string>
#include <vector>

#include "erflow/json.h"
#include "erflow/problems.h"

namespace erflow {

// Where a condition reads its variables ("report.discovered_at", "decision.level", ...).
class VariableSource {
 public:
  virtual ~VariableSource() = default;
  // The value, or null when absent.
  virtual Json Get(const std::string& name) const = 0;
};

class Condition {
 public:
  enum class Op { kAll, kAny, kNot, kEq, kNe, kLt, kLe, kGt, kGe, kIn, kNotIn, kPresent, kAbsent };

  // Parses a condition; problems are reported under `path`. Returns false on error.
  static bool Parse(const Json& doc, const std::string& path, Problems* problems, Condition* out);

  bool Evaluate(const VariableSource& vars) const;
  // Every variable name the condition reads (fields and refs), with the JSON path of each.
  void CollectVariables(std::vector<std::pair<std::string, std::string>>* out) const;
  Json ToJson() const { return source_; }

 private:
  Op op_ = Op::kAll;
  std::string field_;
  std::string field_path_;
  Json value_;
  std::string ref_;
  std::string ref_path_;
  std::vector<Condition> children_;
  Json source_;
};

}  // namespace erflow
