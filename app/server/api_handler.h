// ApiHandler: the base of every /api/v1 endpoint. Before the endpoint runs it resumes the
// session from the cookie (401 without one, for endpoints that need it), checks the CSRF
// token on every state-changing method (403), and reads the body within
// server.max_body_bytes (413, decided from Content-Length before reading). Endpoints
// implement Serve() and never decide authority themselves: they ask the engine.
// Thread rules: one handler object per request, used by that request's thread only.
#pragma once

#include "server/api_call.h"
#include "server/handler_base.h"

namespace erflow::server {

enum class Access {
  kPublic,    // no session needed (health, sign-in)
  kSignedIn,  // 401 without a live session
};

class ApiHandler : public HandlerBase {
 public:
  ApiHandler(const ServerContext& ctx, PathParams params)
      : HandlerBase(ctx), params_(std::move(params)) {}

 protected:
  virtual Access access() const { return Access::kSignedIn; }
  // Sign-in is the one state-changing request without a CSRF token: there is no session
  // yet to hold one.
  virtual bool csrf_exempt() const { return false; }
  // An upload endpoint reads bodies up to server.max_upload_bytes instead of
  // server.max_body_bytes.
  virtual bool upload() const { return false; }
  virtual ApiReply Serve(ApiCall& call) = 0;

 private:
  ApiReply Respond(Poco::Net::HTTPServerRequest& request, std::string* user) final;
  void ReadBody(ApiCall& call);
  std::string LimitName() const;

  PathParams params_;
};

}  // namespace erflow::server
