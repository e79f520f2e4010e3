// HandlerBase: what every request handler of the server shares — turning an ApiError into
// its JSON body, the keep-alive policy under load, writing the answer, and the access-log
// line. Subclasses produce the answer (ApiHandler for /api/v1, StaticFileHandler for web/).
//
// Keep-alive under load: Poco gives each connection a thread until the connection ends, so
// when accepted connections are queueing for a thread, this handler closes its connection
// after the answer; the freed thread takes the next queued connection at once instead of
// idling until the keep-alive timeout.
// Thread rules: one handler object per request, used by that request's thread only.
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <string>

#include "server/api_reply.h"
#include "server/server_context.h"

namespace erflow::server {

class HandlerBase : public Poco::Net::HTTPRequestHandler {
 public:
  explicit HandlerBase(const ServerContext& ctx) : ctx_(ctx) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) final;

 protected:
  // The answer; throws ApiError for an error answer. Sets *user to the signed-in user's
  // name, if any, for the access log.
  virtual ApiReply Respond(Poco::Net::HTTPServerRequest& request, std::string* user) = 0;

  const ServerContext& ctx_;
  // Set by a subclass that has read the request body to its end.
  bool body_read_ = false;
};

// An answer that is only an error (unknown API path, wrong method).
class ErrorHandler final : public HandlerBase {
 public:
  ErrorHandler(const ServerContext& ctx, int status, std::string code, std::string message,
               std::string allow = "")
      : HandlerBase(ctx),
        status_(status),
        code_(std::move(code)),
        message_(std::move(message)),
        allow_(std::move(allow)) {}

 private:
  ApiReply Respond(Poco::Net::HTTPServerRequest& request, std::string* user) override;
  int status_;
  std::string code_, message_, allow_;
};

}  // namespace erflow::server
