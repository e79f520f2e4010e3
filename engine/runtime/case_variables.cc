#include "runtime/case_variables.h"

#include "erflow/time_format.h"

namespace erflow {

Json CaseVariables::Decide(const std::string& decision_id) const {
  const DecisionSpec* d = def_.FindDecision(decision_id);
  if (!d || depth_ > 16) return Json();
  ++depth_;
  Json out = d->default_value;
  for (const auto& rule : d->rules)
    if (rule.when && rule.when->Evaluate(*this)) {
      out = rule.value;
      break;
    }
  --depth_;
  return out;
}

Json CaseVariables::Get(const std::string& name) const {
  size_t dot = name.find('.');
  if (dot == std::string::npos) return Json();
  std::string head = name.substr(0, dot), tail = name.substr(dot + 1);
  if (head == "case") {
    if (tail == "unit") return Json(state_.unit);
    if (tail == "opened_by") return Json(state_.opened_by);
    if (tail == "plan") return Json(state_.plan);
    if (tail == "opened_at") return Json(FormatTimestamp(state_.opened_at));
    return Json();
  }
  if (head == "decision") return Decide(tail);
  if (head == "form") return form_ ? (*form_)[tail] : Json();
  return state_.data[head][tail];
}

}  // namespace erflow
