// ServerContext: what every request handler of `erflow serve` may use — the engine, the
// configuration, the access log, the timer sweeper, the calendar folder, the records
// issuer — owned by the ServeApplication and handed to the router, which hands it to each
// handler it makes.
// Thread rules: the pointers are set before the server starts and never change; each
// pointee is thread-safe itself.
#pragma once

#include <functional>
#include <string>

#include "erflow/engine.h"
#include "server/server_config.h"

namespace erflow::records {
class PdfRecordIssuer;
}

namespace erflow::server {

class AccessLog;
class TimerSweeper;
class CalendarFolder;
class SessionCache;

struct ServerContext {
  Engine* engine = nullptr;
  const ServerConfig* config = nullptr;
  std::string data_dir;  // --data: workflows/ and forms/ for deploying from the data folder
  AccessLog* access_log = nullptr;
  TimerSweeper* sweeper = nullptr;  // null when sweeper.enabled is false
  CalendarFolder* calendars = nullptr;
  SessionCache* sessions = nullptr;  // resumes sessions (through the engine)
  // Issues records inside commands (the engine has it too), renders previews and dossiers.
  const records::PdfRecordIssuer* records = nullptr;
  // How many accepted connections wait for a thread right now (0 before start-up).
  std::function<int()> queued_connections;
};

}  // namespace erflow::server
