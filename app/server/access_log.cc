#include "server/access_log.h"

#include <sys/time.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>

namespace erflow::server {
namespace {

// Local wall-clock time in China (UTC+8, no daylight saving) with milliseconds.
std::string WallTime() {
  timeval tv;
  gettimeofday(&tv, nullptr);
  time_t t = tv.tv_sec + 8 * 3600;
  tm parts;
  gmtime_r(&t, &parts);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                static_cast<int>(tv.tv_usec / 1000));
  return buf;
}

// Keeps a log line one line: control characters and quotes in a request target are
// escaped, so a crafted URL cannot forge log entries.
std::string Clean(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\x%02x", c);
      out += esc;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& where) {
  if (where == "off") return std::unique_ptr<AccessLog>(new AccessLog(nullptr, false));
  if (where == "-") return std::unique_ptr<AccessLog>(new AccessLog(stderr, false));
  std::FILE* f = std::fopen(where.c_str(), "a");
  if (!f) return Status::IOError("access log " + where + ": " + std::strerror(errno));
  return std::unique_ptr<AccessLog>(new AccessLog(f, true));
}

AccessLog::~AccessLog() {
  if (owned_ && file_) std::fclose(file_);
}

void AccessLog::Write(const AccessRecord& r) {
  if (!file_) return;
  char tail[96];
  std::snprintf(tail, sizeof tail, " %d %lld %.1fms\n", r.status, static_cast<long long>(r.bytes),
                r.millis);
  std::string line = WallTime() + " " + r.remote + " " + (r.user.empty() ? "-" : Clean(r.user)) +
                     " \"" + Clean(r.method) + " " + Clean(r.target) + "\"" + tail;
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), file_);
  std::fflush(file_);
}

void LogServerMessage(const std::string& message) {
  std::string line = WallTime() + " erflow serve: " + message + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace erflow::server
