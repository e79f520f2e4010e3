// AccessLog: one line per request — when, who from, which user, what, the status, bytes
// sent and how long it took — to standard error, a file, or nowhere.
// Thread rules: thread-safe; `mu_` serialises writes so lines never interleave.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "erflow/result.h"

namespace erflow::server {

struct AccessRecord {
  std::string remote;  // client address:port
  std::string user;    // signed-in user, empty when none
  std::string method;
  std::string target;  // path and query as sent
  int status = 0;
  int64_t bytes = 0;  // body bytes sent
  double millis = 0;  // from the request line read to the answer sent
};

class AccessLog {
 public:
  // `where`: "-" for stderr, "off" for nothing, else a file path opened for appending.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& where);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // 2025-09-30T09:00:00.123+08:00 127.0.0.1:51234 clerk1 "GET /api/v1/queue" 200 1234 0.8ms
  // (real wall-clock time, not the engine's clock: the log is about the server.)
  void Write(const AccessRecord& r);

 private:
  AccessLog(std::FILE* f, bool owned) : file_(f), owned_(owned) {}
  std::mutex mu_;
  std::FILE* file_;  // guarded by mu_; null: logging off
  bool owned_;
};

// A server message (start-up, shutdown, sweeper trouble) on standard error with the wall
// time, whatever the access log's destination. One fwrite per line: stdio's own lock keeps
// concurrent lines whole.
void LogServerMessage(const std::string& message);

}  // namespace erflow::server
