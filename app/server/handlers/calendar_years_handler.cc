// GET /api/v1/calendar/years: the years the working-day calendar knows, with the notices
// they follow and their holidays. Any user who may see cases may read it.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/calendar_folder.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply CalendarYearsHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kViewCase));
  const auto calendar = call.ctx.calendars->Current();
  Json list = Json::Array();
  for (int y : calendar->KnownYears()) list.Push(views::CalendarYearJson(*calendar->Year(y)));
  Json j = Json::Object();
  j.Set("years", std::move(list));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
