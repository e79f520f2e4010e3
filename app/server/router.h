// Router: the server's request-handler factory. It only routes: from the method and the
// path it picks the handler for one endpoint (handlers/handlers.h) and passes it the path
// parameters; a path outside /api/ goes to the static files. It decides nothing else —
// sessions, CSRF and bodies are ApiHandler's, authority is the engine's.
// Thread rules: the route table is built in the constructor and only read afterwards;
// createRequestHandler runs on many connection threads at once.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <string>
#include <vector>

#include "server/api_call.h"
#include "server/server_context.h"

namespace erflow::server {

class Router final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(const ServerContext& ctx);

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

  using Maker = Poco::Net::HTTPRequestHandler* (*)(const ServerContext&, PathParams);
  struct Route {
    std::string method;
    std::string pattern;  // "/api/v1/cases/{id}"
    Maker make;
  };
  // The whole API, for the documentation check in the tests.
  static const std::vector<Route>& Routes();

 private:
  const ServerContext& ctx_;
  std::vector<std::vector<std::string>> patterns_;  // Routes()[i].pattern split at "/"
};

}  // namespace erflow::server
