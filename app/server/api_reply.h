// ApiReply: one answer of the server — status, content type, body, extra headers — built
// by a handler and written, logged and measured by HandlerBase.
// Thread rules: a plain value.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "erflow/json.h"

namespace erflow::server {

inline constexpr char kJsonType[] = "application/json; charset=utf-8";

struct ApiReply {
  int status = 200;
  std::string content_type = kJsonType;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Close the connection after this answer.
  bool close = false;

  static ApiReply FromJson(int status, const Json& j) {
    ApiReply r;
    r.status = status;
    r.body = j.Dump();
    return r;
  }
  static ApiReply Ok(const Json& j) { return FromJson(200, j); }
};

}  // namespace erflow::server
