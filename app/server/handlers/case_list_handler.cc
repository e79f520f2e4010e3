// GET /api/v1/cases: the cases the user may see, filtered, one page at a time. Scoping to
// the user's unit is the engine's (ListCasesAs); the filters are engine queries on indexed
// columns (plan, status, unit, opened_at, summary fields, overdue work).
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply CaseListHandler::Serve(ApiCall& call) {
  const QueryParams& q = call.query();
  q.OnlyKnown({"plan", "status", "unit", "level", "overdue", "from", "to", "after", "limit"},
              {"field."});
  CaseQuery query;
  query.plan = q.Get("plan").value_or("");
  query.status = q.Get("status").value_or("");
  if (!query.status.empty() && query.status != "active" && query.status != "closed")
    throw ApiError::BadRequest("status must be active or closed, got \"" + query.status + "\"");
  query.unit = q.Get("unit").value_or("");
  query.fields = q.WithPrefix("field.");
  if (auto level = q.Get("level")) query.fields["level"] = *level;
  query.overdue = q.Bool("overdue");
  if (auto from = q.Time("from", false)) query.from = *from;
  if (auto to = q.Time("to", true)) query.to = *to;
  query.after_id = q.Int("after", 0, 0, int64_t{1} << 53);
  query.limit = q.Int("limit", 100, 1, 500);
  const auto cases = Unwrap(call.ctx.engine->ListCasesAs(call.user(), query));
  Json list = Json::Array();
  for (const auto& c : cases) list.Push(views::CaseSummaryJson(c));
  Json j = Json::Object();
  j.Set("cases", std::move(list));
  // A full page may have a next one; a short page is the last.
  j.Set("next_after", static_cast<int64_t>(cases.size()) == query.limit && !cases.empty()
                          ? Json(cases.back().id)
                          : Json());
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
