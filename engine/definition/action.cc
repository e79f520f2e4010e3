#include "erflow/action.h"

namespace erflow {
namespace {

struct ActionNameEntry {
  Action action;
  const char* name;
};
constexpr ActionNameEntry kActionNames[] = {
    {Action::kOpen, "open"},         {Action::kSubmit, "submit"},     {Action::kClaim, "claim"},
    {Action::kUnclaim, "unclaim"},   {Action::kApprove, "approve"},   {Action::kReturn, "return"},
    {Action::kTransfer, "transfer"}, {Action::kWithdraw, "withdraw"},
};

}  // namespace

const char* ActionName(Action a) {
  for (const auto& e : kActionNames)
    if (e.action == a) return e.name;
  return "?";
}

std::optional<Action> ActionFromName(const std::string& name) {
  for (const auto& e : kActionNames)
    if (name == e.name) return e.action;
  return std::nullopt;
}

}  // namespace erflow
