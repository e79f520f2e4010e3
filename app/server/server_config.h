// ServerConfig: every setting of `erflow serve`, each with its default beside it. Values
// come from, in rising precedence: these defaults, the --config properties file, the
// command-line options (--port, --bind). app/server/erflow-server.properties lists every
// key with its default and why it is what it is.
// Thread rules: a plain value; built once before the server starts, then read-only.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/result.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace erflow::server {

struct ServerConfig {
  // server.port: TCP port; 0 picks a free one (printed at start-up).
  int port = 8080;
  // server.bind: address to listen on. Loopback by default: exposing the office's case
  // data to a network is a decision to take explicitly.
  std::string bind = "127.0.0.1";
  // server.threads: connections served at once. Poco serves one connection per thread
  // and an idle keep-alive connection keeps its thread, so this bounds concurrent clients
  // served without queueing. Cheap: threads mostly wait on sockets and SQLite.
  int threads = 64;
  // server.queue: accepted connections waiting for a thread; beyond this a new
  // connection is closed at once.
  int queue = 256;
  // server.keep_alive: reuse connections between requests.
  bool keep_alive = true;
  // server.keep_alive_timeout_ms: how long an idle connection may hold its thread
  // waiting for the next request. Short, so idle browsers do not starve other clients;
  // and when connections are queueing, a connection is closed after its current answer.
  int keep_alive_timeout_ms = 2000;
  // server.max_keep_alive_requests: requests on one connection before it is closed.
  int max_keep_alive_requests = 1000;
  // server.request_timeout_ms: a client that stalls while sending a request or reading
  // an answer for this long is dropped (slow clients must not hold threads forever).
  int request_timeout_ms = 10000;
  // server.max_body_bytes: largest request body; larger is 413, decided from
  // Content-Length before reading.
  int64_t max_body_bytes = 1 << 20;
  // server.max_upload_bytes: largest body of an upload (a PDF sent for verification).
  int64_t max_upload_bytes = int64_t{32} << 20;
  // server.web_root: folder of static files served at / (default DATA/web).
  std::string web_root;
  // server.access_log: "-" for stderr, "off" for none, else a file appended to.
  std::string access_log = "-";

  // session.ttl_seconds: lifetime of a signed-in session (a working day by default).
  int64_t session_ttl_seconds = 8 * 3600;
  // session.cookie_secure: add "Secure" to the cookie; set true behind HTTPS.
  bool cookie_secure = false;
  // session.cache_ms: how long the server keeps the engine's answer for a session token
  // (0: ask the engine every request). Expiry is checked on every request regardless;
  // sign-outs and user changes through this server apply at once, those made elsewhere
  // (the CLI, another server) within this time.
  int session_cache_ms = 1000;

  // sweeper.enabled: fire due timers (deadlines, reminders, escalations) in the server.
  bool sweeper_enabled = true;
  // sweeper.interval_ms: the longest the sweeper sleeps. It also wakes at the next
  // timer's due time and after every command, so this only bounds how late it notices
  // timers written by another process (a CLI, another server).
  int sweeper_interval_ms = 30000;
  // sweeper.batch: timers fired per sweep before looking again.
  int sweeper_batch = 1000;
  // sweeper.anchor_interval_s: seconds between audit anchors written by the sweeper over
  // every case changed since the last (0: none; then run `erflow audit anchor` yourself).
  int sweeper_anchor_interval_s = 3600;

  // calendar.folder: the working-day calendar's year files (default DATA/calendars);
  // years added through the API are written here.
  std::string calendar_folder;

  // records.ca_file: PEM file of the CA certificate(s) the signatures of a PDF sent for
  // verification must chain to. Empty (the default): the root-most certificate in the
  // chain of every signing key imported into the database (`erflow keys import`).
  std::string records_ca_file;

  // Reads every key above from `config` (absent keys keep their defaults; folders
  // default under `data_dir`). InvalidArgument naming the key for a bad value or for an
  // unknown key under server., session., sweeper., calendar. or records. (a typo would
  // otherwise be silently ignored).
  static Result<ServerConfig> From(const Poco::Util::AbstractConfiguration& config,
                                   const std::string& data_dir);
};

}  // namespace erflow::server
