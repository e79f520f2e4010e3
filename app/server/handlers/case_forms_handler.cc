// GET /api/v1/cases/{id}/forms: the tasks of the definition version a case is pinned to,
// with their actions, and every form schema they use — what the UI needs to render forms
// and check them with the same rules the engine applies.
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {
ApiReply CaseFormsHandler::Serve(ApiCall& call) {
  const CaseView view = Unwrap(call.ctx.engine->GetCaseAs(call.user(), call.PathId("id")));
  const Definition& def = *view.definition;
  Json tasks = Json::Array();
  for (const auto& t : def.tasks) tasks.Push(views::TaskSpecJson(t));
  Json forms = Json::Object();
  for (const auto& [id, form] : def.forms) forms.Set(id, form.ToJson());
  Json j = Json::Object();
  j.Set("case", Json(view.state.id));
  j.Set("plan", Json(def.id));
  j.Set("plan_version", Json(def.version));
  j.Set("version", Json(view.state.version));
  j.Set("tasks", std::move(tasks));
  j.Set("forms", std::move(forms));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
