#include "server/file_reply.h"

#include <stdlib.h>

#include <filesystem>

#include "server/api_error.h"

namespace erflow::server {

ApiReply FileReply(const std::string& content_type, std::string bytes, const std::string& file_name,
                   bool inline_view) {
  ApiReply r;
  r.content_type = content_type;
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", std::string(inline_view ? "inline" : "attachment") +
                                                    "; filename=\"" + file_name + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

ScratchDir::ScratchDir() {
  std::error_code ec;
  std::string pattern = (std::filesystem::temp_directory_path(ec) / "erflow-serve-XXXXXX").string();
  if (ec || !mkdtemp(pattern.data()))
    throw ApiError(500, "internal", "cannot make a scratch folder for the export");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace erflow::server
