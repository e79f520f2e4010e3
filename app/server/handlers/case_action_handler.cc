// POST /api/v1/cases/{id}/tasks/{task}/{action}: submit, claim, unclaim, approve, return,
// transfer or withdraw — one endpoint, because every action is the same thing: a Command
// through Engine::Execute with the case version the user saw (stale → 409) and the
// request's idempotency key. The table below says which body members each action takes;
// any other member is refused, so a misspelt "reson" is not silently dropped.
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"
#include "server/timer_sweeper.h"
#include "views.h"

namespace erflow::server {
namespace {

struct Members {
  Action action;
  bool form;
  bool reason, reason_required;
  bool to;
};

constexpr Members kMembers[] = {
    {Action::kSubmit, true, false, false, false},   {Action::kClaim, false, false, false, false},
    {Action::kUnclaim, false, false, false, false}, {Action::kApprove, true, false, false, false},
    {Action::kReturn, false, true, true, false},    {Action::kTransfer, false, true, false, true},
    {Action::kWithdraw, false, true, false, false},
};

}  // namespace

ApiReply CaseActionHandler::Serve(ApiCall& call) {
  const auto action = ActionFromName(call.Param("action"));
  const Members* m = nullptr;
  for (const auto& x : kMembers)
    if (action && x.action == *action) m = &x;
  if (!m)
    throw ApiError::NotFound("no action \"" + call.Param("action") +
                             "\" (submit, claim, unclaim, approve, return, transfer, withdraw)");
  Command cmd;
  cmd.action = m->action;
  cmd.case_id = call.PathId("id");
  cmd.task = call.Param("task");
  cmd.actor = call.user().name;

  const Json body = call.JsonBody();
  BodyReader r(body);
  cmd.expected_version = r.Int("version", true);
  if (m->form)
    if (const Json* form = r.Object("form", false)) cmd.form = *form;
  if (m->reason) cmd.reason = r.String("reason", m->reason_required).value_or("");
  if (m->to) cmd.target_user = r.String("to", true).value_or("");
  r.Finish();
  cmd.idempotency_key = call.IdempotencyKey();

  const CommandOutcome out = Unwrap(call.ctx.engine->Execute(cmd));
  if (call.ctx.sweeper) call.ctx.sweeper->Nudge();  // deadlines may have started or ended
  return ApiReply::Ok(views::OutcomeJson(out));
}

}  // namespace erflow::server
