// POST /api/v1/cases: open a case (report an incident), optionally with the first task's
// form. Who may open which plan is the engine's decision (Engine::Execute).
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"
#include "server/timer_sweeper.h"
#include "views.h"

namespace erflow::server {

ApiReply CaseOpenHandler::Serve(ApiCall& call) {
  const Json body = call.JsonBody();
  BodyReader r(body);
  auto plan = r.String("plan", true);
  const Json* form = r.Object("form", false);
  r.Finish();
  Command cmd;
  cmd.action = Action::kOpen;
  cmd.actor = call.user().name;
  cmd.plan = *plan;
  if (form) cmd.form = *form;
  cmd.idempotency_key = call.IdempotencyKey();
  const CommandOutcome out = Unwrap(call.ctx.engine->Execute(cmd));
  if (call.ctx.sweeper) call.ctx.sweeper->Nudge();  // the case's first deadlines start now
  ApiReply reply = ApiReply::FromJson(201, views::OutcomeJson(out));
  reply.headers.emplace_back("Location", "/api/v1/cases/" + std::to_string(out.case_id));
  return reply;
}

}  // namespace erflow::server
