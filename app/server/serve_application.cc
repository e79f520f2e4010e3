#include "server/serve_application.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>
#include <signal.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>

#include "erflow/reports/records/pdf_record_issuer.h"
#include "exit_codes.h"
#include "server/access_log.h"
#include "server/calendar_folder.h"
#include "server/router.h"
#include "server/server_config.h"
#include "server/server_context.h"
#include "server/session_cache.h"
#include "server/timer_sweeper.h"

namespace erflow::server {
namespace {

const char kUsage[] =
    "usage: erflow [--db PATH] [--now TIME] [--data DIR] serve [--port N] [--bind ADDR]\n"
    "                                                        [--config FILE]\n"
    "\n"
    "Serves the JSON API under /api/v1 (app/server/API.md) and the web UI from DATA/web,\n"
    "and fires due timers (deadlines, escalations) while it runs. Stops on SIGINT or SIGTERM\n"
    "after finishing the requests in flight.\n"
    "\n"
    "  --port N       TCP port (default 8080; 0 picks a free one, printed at start-up)\n"
    "  --bind ADDR    address to listen on (default 127.0.0.1)\n"
    "  --config FILE  properties file; every key and its default is explained in\n"
    "                 app/server/erflow-server.properties\n"
    "\n"
    "Prints \"listening on http://ADDR:PORT\" on standard output once it accepts requests;\n"
    "the access log and server messages go to standard error.\n";

int Fail(const Status& s) {
  std::cerr << "erflow: " << s.ToString() << "\n";
  return cli::ExitCodeFor(s);
}

}  // namespace

const char* ServeApplication::Usage() {
  return kUsage;
}

int ServeApplication::Run(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"erflow-serve"};
  argv.insert(argv.end(), args.begin(), args.end());
  try {
    init(argv);
  } catch (const Poco::Exception& e) {
    std::cerr << "erflow: serve: " << e.displayText() << "\n" << kUsage;
    return cli::kExitUsage;
  }
  return ServerApplication::run();
}

void ServeApplication::defineOptions(Poco::Util::OptionSet& options) {
  // Not ServerApplication's: --daemon and --pidfile belong to an init system, not here.
  Application::defineOptions(options);
  using Poco::Util::Option;
  options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
  options.addOption(
      Option("port", "p", "TCP port").required(false).repeatable(false).argument("N"));
  options.addOption(Option("bind", "b", "address to listen on")
                        .required(false)
                        .repeatable(false)
                        .argument("ADDR"));
  options.addOption(
      Option("config", "c", "properties file").required(false).repeatable(false).argument("FILE"));
}

void ServeApplication::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  if (name == "help") {
    help_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    // Lower precedence than --port/--bind, which write to the application layer.
    loadConfiguration(value);
  } else if (name == "port") {
    config().setString("server.port", value);
  } else if (name == "bind") {
    config().setString("server.bind", value);
  }
}

int ServeApplication::main(const std::vector<std::string>& args) {
  if (help_) {
    std::cout << kUsage;
    return cli::kExitOk;
  }
  if (!args.empty()) {
    std::cerr << "erflow: serve: unexpected argument '" << args[0] << "'\n" << kUsage;
    return cli::kExitUsage;
  }
  auto loaded = ServerConfig::From(config(), cli_.data_dir);
  if (!loaded.ok()) {
    std::cerr << "erflow: serve: " << loaded.status().message() << "\n";
    return cli::kExitUsage;
  }
  const ServerConfig cfg = *loaded;

  // Before any thread exists, so every thread inherits the mask and only the wait below
  // receives these signals. A client hanging up mid-answer must not kill the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGQUIT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto calendar = Calendar::LoadDir(cfg.calendar_folder);
  if (!calendar.ok()) return Fail(calendar.status());
  if (!cfg.records_ca_file.empty()) {
    std::ifstream ca(cfg.records_ca_file);
    if (!ca) return Fail(Status::NotFound("records.ca_file: cannot read " + cfg.records_ca_file));
  }
  // Commands through the API issue a task's signed record, as the CLI's do.
  auto issuer = records::PdfRecordIssuer::Create(cli_.data_dir + "/reports/templates");
  if (!issuer.ok()) return Fail(issuer.status());
  auto engine =
      Engine::Open(cli_.db_path, *cli_.clock,
                   std::make_shared<const Calendar>(std::move(calendar).value()), *issuer);
  if (!engine.ok()) return Fail(engine.status());
  auto access_log = AccessLog::Open(cfg.access_log);
  if (!access_log.ok()) return Fail(access_log.status());

  CalendarFolder calendars(engine->get(), cfg.calendar_folder);
  SessionCache sessions(engine->get(), std::chrono::milliseconds(cfg.session_cache_ms));
  std::unique_ptr<TimerSweeper> sweeper;
  if (cfg.sweeper_enabled)
    sweeper = std::make_unique<TimerSweeper>(
        engine->get(), std::chrono::milliseconds(cfg.sweeper_interval_ms), cfg.sweeper_batch,
        std::chrono::seconds(cfg.sweeper_anchor_interval_s));
  ServerContext ctx;
  ctx.engine = engine->get();
  ctx.config = &cfg;
  ctx.data_dir = cli_.data_dir;
  ctx.access_log = access_log->get();
  ctx.sweeper = sweeper.get();
  ctx.calendars = &calendars;
  ctx.sessions = &sessions;
  ctx.records = issuer->get();

  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(cfg.threads);
  params->setMaxQueued(cfg.queue);
  params->setThreadIdleTime(Poco::Timespan(60, 0));
  params->setKeepAlive(cfg.keep_alive);
  params->setKeepAliveTimeout(Poco::Timespan(int64_t{cfg.keep_alive_timeout_ms} * 1000));
  params->setMaxKeepAliveRequests(cfg.max_keep_alive_requests);
  params->setTimeout(Poco::Timespan(int64_t{cfg.request_timeout_ms} * 1000));
  params->setServerName("erflow");

  std::unique_ptr<Poco::Net::HTTPServer> http;
  Poco::ThreadPool pool("erflow-http", 2, cfg.threads, 60);
  try {
    Poco::Net::ServerSocket socket(
        Poco::Net::SocketAddress(cfg.bind, static_cast<Poco::UInt16>(cfg.port)),
        std::max(64, cfg.queue));
    http = std::make_unique<Poco::Net::HTTPServer>(new Router(ctx), pool, socket, params);
  } catch (const Poco::Exception& e) {
    return Fail(Status::IOError("cannot listen on " + cfg.bind + ":" + std::to_string(cfg.port) +
                                ": " + e.displayText()));
  }
  Poco::Net::HTTPServer* server = http.get();
  ctx.queued_connections = [server] { return server->queuedConnections(); };

  if (sweeper) sweeper->Start();
  http->start();
  const std::string address = http->socket().address().toString();
  std::cout << "erflow serve: listening on http://" << address << std::endl;
  LogServerMessage("listening on http://" + address + " (" + std::to_string(cfg.threads) +
                   " threads, keep-alive " + std::to_string(cfg.keep_alive_timeout_ms) +
                   " ms, database " + cli_.db_path + ")");

  waitForTerminationRequest();

  LogServerMessage("stopping: no new connections; finishing requests in flight");
  http->stopAll(false);
  pool.joinAll();
  http.reset();  // before the pool it was given goes out of scope
  if (sweeper) sweeper->Stop();
  LogServerMessage("stopped" +
                   (sweeper ? ", " + std::to_string(sweeper->fired()) + " timer(s) fired, " +
                                  std::to_string(sweeper->anchors()) + " anchor(s) written"
                            : ""));
  return cli::kExitOk;
}

}  // namespace erflow::server
