// POST /api/v1/calendar/years: add a year to the working-day calendar (administrators
// only). The body is the year file itself (calendars/README.md); it is validated like one,
// written to the calendar folder and used at once.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/calendar_folder.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply CalendarYearAddHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kManageCalendar));
  const CalendarYear year = Unwrap(call.ctx.calendars->Add(call.JsonBody()));
  return ApiReply::FromJson(201, views::CalendarYearJson(year));
}

}  // namespace erflow::server
