// GET /api/v1/queue: the signed-in user's work, as `erflow queue` shows it. The engine's
// queue is an index lookup per role, so this stays fast with many cases.
#include "erflow/time_format.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply QueueHandler::Serve(ApiCall& call) {
  call.query().OnlyKnown({"limit"});
  // A page of a task list; the CLI's 100 is for scripts. Ask for more with limit.
  const int64_t limit = call.query().Int("limit", 50, 1, 500);
  const auto items = Unwrap(call.ctx.engine->QueueFor(call.user(), limit));
  Json list = Json::Array();
  list.Reserve(items.size());
  for (const auto& w : items) list.Push(views::WorkItemJson(w));
  Json j = Json::Object();
  j.Set("items", std::move(list));
  // The server's clock: the page counts down to each due time from it, so a countdown is
  // right even when the desk computer's clock is off (or the server runs a drill clock).
  j.Set("now", Json(FormatTimestamp(call.ctx.engine->clock().Now())));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
