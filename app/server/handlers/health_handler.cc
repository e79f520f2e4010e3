// GET /api/v1/health: the server is up and answering (no session needed; used by
// start-up checks and load balancers). Says nothing about the data.
#include "server/handlers/handlers.h"

namespace erflow::server {

ApiReply HealthHandler::Serve(ApiCall&) {
  Json j = Json::Object();
  j.Set("ok", Json(true));
  j.Set("version", Json("0.1.0"));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
