#include "server/api_handler.h"

#include <openssl/crypto.h>

#include <istream>

#include "server/api_error.h"
#include "server/session_cache.h"

namespace erflow::server {
namespace {

bool ChangesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

}  // namespace

ApiReply ApiHandler::Respond(Poco::Net::HTTPServerRequest& request, std::string* user) {
  ApiCall call(ctx_, request, params_);
  const std::string token = call.SessionToken();
  if (!token.empty() || access() == Access::kSignedIn) {
    auto resumed = ctx_.sessions->Resume(token);
    if (resumed.ok()) {
      *user = resumed->first.name;
      call.SetSession(std::move(resumed->first), std::move(resumed->second));
    } else if (access() == Access::kSignedIn) {
      throw ErrorFor(resumed.status());
    }
  }
  if (ChangesState(request.getMethod()) && !csrf_exempt()) {
    const std::string sent = request.get("X-CSRF-Token", "");
    const std::string& expected = call.signed_in() ? call.session().csrf : "";
    // Constant-time: the comparison must not tell an attacker how much of a guess is right.
    if (expected.empty() || sent.size() != expected.size() ||
        CRYPTO_memcmp(sent.data(), expected.data(), sent.size()) != 0)
      throw ApiError(403, "csrf",
                     "missing or wrong X-CSRF-Token header (the csrf_token of the session)");
  }
  ReadBody(call);
  return Serve(call);
}

std::string ApiHandler::LimitName() const {
  return upload() ? " (server.max_upload_bytes)" : " (server.max_body_bytes)";
}

void ApiHandler::ReadBody(ApiCall& call) {
  Poco::Net::HTTPServerRequest& request = call.request;
  const int64_t limit = upload() ? ctx_.config->max_upload_bytes : ctx_.config->max_body_bytes;
  const int64_t declared = request.getContentLength64();
  const bool chunked = request.getChunkedTransferEncoding();
  if (declared <= 0 && !chunked) {
    body_read_ = true;
    return;
  }
  if (declared > limit)
    throw ApiError(413, "too_large",
                   "the body has " + std::to_string(declared) + " bytes; the limit is " +
                       std::to_string(limit) + LimitName());
  std::string body;
  body.resize(static_cast<size_t>(chunked ? limit + 1 : declared));
  std::istream& in = request.stream();
  in.read(&body[0], static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<size_t>(in.gcount()));
  if (chunked && static_cast<int64_t>(body.size()) > limit)
    throw ApiError(
        413, "too_large",
        "the chunked body exceeds the limit of " + std::to_string(limit) + " bytes" + LimitName());
  if (!chunked && static_cast<int64_t>(body.size()) < declared)
    throw ApiError::BadRequest("the body ended after " + std::to_string(body.size()) + " of " +
                               std::to_string(declared) + " bytes");
  body_read_ = true;
  call.SetBody(std::move(body));
}

}  // namespace erflow::server
