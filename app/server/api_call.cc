#include "server/api_call.h"

#include <Poco/Net/NameValueCollection.h>

#include "server/api_error.h"

namespace erflow::server {

std::string ApiCall::SessionToken() const {
  Poco::Net::NameValueCollection cookies;
  request.getCookies(cookies);
  auto it = cookies.find(kSessionCookie);
  return it == cookies.end() ? "" : it->second;
}

const std::string& ApiCall::Param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = params_.find(name);
  return it == params_.end() ? kEmpty : it->second;
}

int64_t ApiCall::PathId(const std::string& name) const {
  const std::string& s = Param(name);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != s.npos ||
      std::stoll(s) == 0)
    throw ApiError::BadRequest(name + " must be a positive whole number, got \"" + s + "\"");
  return std::stoll(s);
}

const QueryParams& ApiCall::query() {
  if (!query_) query_ = std::make_unique<QueryParams>(request.getURI());
  return *query_;
}

Json ApiCall::JsonBody() const {
  if (body_.empty()) throw ApiError::BadJson("a JSON object body is required");
  auto j = ParseJson(body_, "request body");
  if (!j.ok()) throw ApiError::BadJson(j.status().message());
  if (!j->is_object())
    throw ApiError::BadJson(std::string("the body must be a JSON object, found ") + j->type_name());
  return std::move(j).value();
}

std::string ApiCall::IdempotencyKey() const {
  if (!request.has("Idempotency-Key")) return "";
  const std::string& key = request.get("Idempotency-Key");
  bool printable = !key.empty() && key.size() <= 128;
  for (unsigned char c : key) printable = printable && c > 0x20 && c < 0x7f;
  if (!printable)
    throw ApiError::BadRequest(
        "Idempotency-Key must be 1 to 128 printable ASCII characters without spaces");
  // Scoped per user, so one user's key can never match (and block) another user's.
  return "api:" + user().name + ":" + key;
}

}  // namespace erflow::server
