#include "server/api_error.h"

#include "server/access_log.h"

namespace erflow::server {
namespace {

// The key a detail is shown under: a form field's id ("form.title" → "title", with any
// list index kept in the message), else the path as given (a request member, a JSON path
// inside an uploaded definition or calendar year).
void AddField(Json* fields, const Status::Detail& d) {
  std::string key = d.path, message = d.message;
  if (key.rfind("form.", 0) == 0) {
    key = key.substr(5);
    if (auto bracket = key.find('['); bracket != std::string::npos) {
      message = key.substr(bracket) + ": " + message;
      key = key.substr(0, bracket);
    }
  }
  if (key.empty()) key = "_";
  if (Json* existing = fields->Find(key)) {
    *existing = Json(existing->AsString() + "; " + message);
    return;
  }
  fields->Set(key, Json(message));
}

}  // namespace

Json ApiError::Body() const {
  Json j = Json::Object();
  j.Set("error", Json(code_));
  j.Set("message", Json(what()));
  j.Set("fields", fields_);
  return j;
}

ApiError ErrorFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument: {
      Json fields = Json::Object();
      for (const auto& d : s.details()) AddField(&fields, d);
      return ApiError(422, s.CodeName(), s.message(), std::move(fields));
    }
    case Status::Code::kUnauthenticated:
      return ApiError(401, s.CodeName(), s.message());
    case Status::Code::kForbidden:
      return ApiError(403, s.CodeName(), s.message());
    case Status::Code::kNotFound:
      return ApiError(404, s.CodeName(), s.message());
    case Status::Code::kConflict:
      return ApiError(409, s.CodeName(), s.message());
    case Status::Code::kUnsupported:
      return ApiError(501, s.CodeName(), s.message());
    case Status::Code::kOk:
    case Status::Code::kCorruption:
    case Status::Code::kIOError:
      break;
  }
  // Database paths and internals stay in the server's log.
  LogServerMessage("internal error: " + s.ToString());
  return ApiError(500, "internal", "internal error; the server log has the details");
}

}  // namespace erflow::server
