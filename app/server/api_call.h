// ApiCall: one API request as a handler sees it — the server context, the signed-in user
// and session (when there is one), path parameters from the router, the query, the body —
// with the checks every endpoint needs written once: path ids, JSON bodies, the
// idempotency key.
// Thread rules: one request's thread.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "erflow/credentials.h"
#include "erflow/json.h"
#include "erflow/user.h"
#include "server/query_params.h"
#include "server/server_context.h"

namespace erflow::server {

using PathParams = std::map<std::string, std::string>;

inline constexpr char kSessionCookie[] = "erflow_session";

class ApiCall {
 public:
  ApiCall(const ServerContext& ctx, Poco::Net::HTTPServerRequest& request, const PathParams& params)
      : ctx(ctx), request(request), params_(params) {}

  const ServerContext& ctx;
  Poco::Net::HTTPServerRequest& request;

  bool signed_in() const { return user_.has_value(); }
  // REQUIRES: signed_in().
  const User& user() const { return *user_; }
  const Session& session() const { return *session_; }
  void SetSession(User user, Session session) {
    user_ = std::move(user);
    session_ = std::move(session);
  }
  // The session cookie's token, empty when none was sent.
  std::string SessionToken() const;

  // A path parameter as the router decoded it.
  const std::string& Param(const std::string& name) const;
  // A path parameter that must be a positive whole number (400 otherwise).
  int64_t PathId(const std::string& name) const;

  const QueryParams& query();

  void SetBody(std::string body) { body_ = std::move(body); }
  const std::string& body() const { return body_; }
  // The body as a JSON object: 400 bad_json when it is not JSON or not an object.
  Json JsonBody() const;

  // The Idempotency-Key header scoped to the signed-in user ("api:<user>:<key>"), or ""
  // when none was sent. 400 for a malformed key.
  std::string IdempotencyKey() const;

 private:
  const PathParams& params_;
  std::optional<User> user_;
  std::optional<Session> session_;
  std::unique_ptr<QueryParams> query_;
  std::string body_;
};

}  // namespace erflow::server
