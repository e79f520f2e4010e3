// StaticFileHandler: serves the web UI's files from server.web_root at "/". Only regular
// files inside that folder are served: ".." and other tricks in the path are refused with
// 400, and a path that does not exist, is hidden (a segment starting with "."), is a
// folder without index.html, or resolves outside the folder through a symlink is 404 —
// never a directory listing.
// Thread rules: one handler object per request, used by that request's thread only.
#pragma once

#include "server/handler_base.h"

namespace erflow::server {

class StaticFileHandler final : public HandlerBase {
 public:
  explicit StaticFileHandler(const ServerContext& ctx) : HandlerBase(ctx) {}

  // The content type for a file name, by extension.
  static const char* ContentType(const std::string& path);

 private:
  ApiReply Respond(Poco::Net::HTTPServerRequest& request, std::string* user) override;
};

}  // namespace erflow::server
