#include "server/static_file_handler.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>
#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "server/api_error.h"

namespace erflow::server {
namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::char_traits<char>::length(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// realpath(3), or "" when the path does not exist.
std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

// The request path, decoded once and checked: 400 for anything that tries to climb out of
// the folder or hides an encoding inside an encoding.
std::string CheckedPath(const std::string& uri) {
  std::string raw = uri.substr(0, uri.find_first_of("?#"));
  if (raw.empty() || raw[0] != '/') throw ApiError::BadRequest("the path must start with /");
  std::string path;
  try {
    Poco::URI::decode(raw, path);
  } catch (const Poco::Exception&) {
    throw ApiError::BadRequest("malformed percent-encoding in the path");
  }
  if (path.find("..") != path.npos || path.find('\\') != path.npos ||
      path.find('\0') != path.npos || path.find('%') != path.npos)
    throw ApiError::BadRequest("the path may not contain \"..\", \"\\\", NUL or \"%25\"");
  if (path.find("/.") != path.npos) throw ApiError::NotFound("no such file");  // hidden files
  return path;
}

}  // namespace

const char* StaticFileHandler::ContentType(const std::string& path) {
  struct Type {
    const char* ext;
    const char* type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
  };
  for (const auto& t : kTypes)
    if (EndsWith(path, t.ext)) return t.type;
  return "application/octet-stream";
}

ApiReply StaticFileHandler::Respond(Poco::Net::HTTPServerRequest& request, std::string*) {
  const std::string path = CheckedPath(request.getURI());
  const std::string root = RealPath(ctx_.config->web_root);
  if (root.empty()) throw ApiError::NotFound("no web folder");
  std::string file = root + path;
  struct stat st;
  if (::stat(file.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    file += (file.back() == '/' ? "" : "/") + std::string("index.html");
  // Symlinks are followed only as far as they stay inside the web folder.
  const std::string real = RealPath(file);
  if (real.empty() || real.compare(0, root.size() + 1, root + "/") != 0 ||
      ::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    throw ApiError::NotFound("no such file: " + path);

  ApiReply reply;
  const Poco::Timestamp modified = Poco::Timestamp::fromEpochTime(st.st_mtime);
  reply.headers.emplace_back("Last-Modified", Poco::DateTimeFormatter::format(
                                                  modified, Poco::DateTimeFormat::HTTP_FORMAT));
  reply.headers.emplace_back("Cache-Control", "no-cache");
  if (request.has("If-Modified-Since")) {
    Poco::DateTime since;
    int tz;
    if (Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT,
                                       request.get("If-Modified-Since"), since, tz) &&
        since.timestamp().epochTime() >= st.st_mtime) {
      reply.status = 304;
      return reply;
    }
  }
  std::ifstream in(real, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in && !in.eof()) throw ApiError::NotFound("cannot read " + path);
  reply.body = content.str();
  reply.content_type = ContentType(real);
  return reply;
}

}  // namespace erflow::server
