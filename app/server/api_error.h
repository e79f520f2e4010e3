// ApiError: an error answer of the HTTP API — status code, stable machine code, human
// message and per-field problems — and the one mapping from engine Status codes to it.
// Within a request an error ends the request: helpers throw ApiError and the handler base
// turns it into the JSON error body in one place (app/server/API.md, "Errors"). Engine
// calls return values; Unwrap() is where those become ApiErrors.
// Thread rules: plain values and pure functions.
#pragma once

#include <stdexcept>
#include <string>

#include "erflow/json.h"
#include "erflow/result.h"

namespace erflow::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int http_status, std::string code, const std::string& message,
           Json fields = Json::Object())
      : std::runtime_error(message),
        http_status_(http_status),
        code_(std::move(code)),
        fields_(std::move(fields)) {}

  int http_status() const { return http_status_; }
  const std::string& code() const { return code_; }
  const Json& fields() const { return fields_; }
  // {"error": code, "message": …, "fields": {…}}
  Json Body() const;

  static ApiError BadJson(const std::string& message) { return ApiError(400, "bad_json", message); }
  static ApiError BadRequest(const std::string& message) {
    return ApiError(400, "bad_request", message);
  }
  static ApiError Invalid(const std::string& message, Json fields) {
    return ApiError(422, "invalid_argument", message, std::move(fields));
  }
  // A 422 about one member or field.
  static ApiError InvalidField(const std::string& field, const std::string& problem) {
    Json fields = Json::Object();
    fields.Set(field, Json(problem));
    return ApiError(422, "invalid_argument", field + ": " + problem, std::move(fields));
  }
  static ApiError NotFound(const std::string& message) {
    return ApiError(404, "not_found", message);
  }

 private:
  int http_status_;
  std::string code_;
  Json fields_;
};

// The API error for an engine Status (REQUIRES: !s.ok()):
//   invalid_argument → 422 (fields from the status's per-item details), unauthenticated →
//   401, forbidden → 403, not_found → 404, conflict → 409, unsupported → 501,
//   io_error/corruption → 500 "internal" (the detail is logged, not sent).
ApiError ErrorFor(const Status& s);

inline void ThrowIfError(const Status& s) {
  if (!s.ok()) throw ErrorFor(s);
}
template <typename T>
T Unwrap(Result<T> r) {
  if (!r.ok()) throw ErrorFor(r.status());
  return std::move(r).value();
}

}  // namespace erflow::server
