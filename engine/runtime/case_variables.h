// CaseVariables: the VariableSource conditions read while a command runs —
// TASK.FIELD (data submitted on a task), decision.ID (a decision table evaluated over
// the same variables), form.FIELD (the form being submitted, for require rules) and
// case.unit / case.opened_by / case.opened_at / case.plan.
// Thread rules: short-lived, single-threaded.
#pragma once

#include "erflow/case_state.h"
#include "erflow/condition.h"
#include "erflow/definition.h"

namespace erflow {

class CaseVariables final : public VariableSource {
 public:
  CaseVariables(const Definition& def, const CaseState& state, const Json* form = nullptr)
      : def_(def), state_(state), form_(form) {}

  Json Get(const std::string& name) const override;
  // The value of a decision table, or null.
  Json Decide(const std::string& decision_id) const;

 private:
  const Definition& def_;
  const CaseState& state_;
  const Json* form_;
  mutable int depth_ = 0;  // guards decisions that refer to each other
};

}  // namespace erflow
