// Action: what a user can do — open a case, and on a task: submit, claim, unclaim,
// approve, return (退回), transfer (转办), withdraw (撤销). Definitions list which actions a
// task allows; commands name one.
// Thread rules: constants.
#pragma once

#include <optional>
#include <string>

namespace erflow {

enum class Action { kOpen, kSubmit, kClaim, kUnclaim, kApprove, kReturn, kTransfer, kWithdraw };

const char* ActionName(Action a);  // "open", "submit", …
std::optional<Action> ActionFromName(const std::string& name);

}  // namespace erflow
