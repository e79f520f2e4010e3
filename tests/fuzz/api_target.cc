// Fuzz target "api": an HTTP request to `erflow serve` as a signed-in client sends it,
// through the server's own code without a socket — Router → ApiHandler (session cookie,
// CSRF header, body limits, JSON body) → the endpoint's handler (BodyReader, the Command
// or change it builds) → the engine → the JSON answer; paths outside /api/ go to the
// static-file handler. Whatever the request, the answer has a status below 500 (a 500
// means an exception escaped a handler), an /api/ answer is JSON, and no answer carries
// a file from outside the web folder.
//
// Input: line 1 "METHOD PATH", PATH relative to /api/v1/ (or taken as it is when it
// starts with "/": the static files), where "{case}" stands for a fresh incident-basic
// case (opened with its report for this input) and "{assessed}" for one whose assessment
// awaits approval; line 2 the user the request is signed in as (clerk1, clerk2, boss1,
// admin1, archivist1; anything else: no session); the rest is the body. The records
// endpoints (PDF issuing, dossiers, registers) are left out: they need the signing setup,
// and their own tests cover them.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "erflow/definition_loader.h"
#include "erflow/engine.h"
#include "erflow/time_format.h"
#include "fuzz/fuzz_targets.h"
#include "server/calendar_folder.h"
#include "server/router.h"
#include "server/server_config.h"
#include "server/session_cache.h"

namespace erflow::fuzz {
namespace {

constexpr char kCanary[] = "erflow-fuzz-canary-outside-web-root";
constexpr int kMaxCases = 3000;  // then the world starts over on a fresh database

class FakeResponse final : public Poco::Net::HTTPServerResponse {
 public:
  void sendContinue() override {}
  std::ostream& send() override {
    sent_ = true;
    return body_;
  }
  void sendFile(const std::string&, const std::string&) override { sent_ = true; }
  void sendBuffer(const void* p, std::size_t n) override {
    sent_ = true;
    body_.write(static_cast<const char*>(p), static_cast<std::streamsize>(n));
  }
  void redirect(const std::string&, HTTPStatus status) override { setStatus(status); }
  void requireAuthentication(const std::string&) override {}
  bool sent() const override { return sent_; }
  std::string body() const { return body_.str(); }

 private:
  std::ostringstream body_;
  bool sent_ = false;
};

class FakeRequest final : public Poco::Net::HTTPServerRequest {
 public:
  FakeRequest(const std::string& body, FakeResponse* response)
      : body_(body),
        response_(response),
        params_(new Poco::Net::HTTPServerParams),
        client_("127.0.0.1", 40000),
        server_("127.0.0.1", 8080) {}
  std::istream& stream() override { return body_; }
  const Poco::Net::SocketAddress& clientAddress() const override { return client_; }
  const Poco::Net::SocketAddress& serverAddress() const override { return server_; }
  const Poco::Net::HTTPServerParams& serverParams() const override { return *params_; }
  Poco::Net::HTTPServerResponse& response() const override { return *response_; }
  bool secure() const override { return false; }

 private:
  std::istringstream body_;
  FakeResponse* response_;
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::SocketAddress client_, server_;
};

struct ApiWorld {
  std::string dir;
  int generation = 0;
  int cases = 0;
  ManualClock clock{Instant{}};
  std::unique_ptr<Engine> engine;
  server::ServerConfig config;
  std::unique_ptr<server::CalendarFolder> calendars;
  std::unique_ptr<server::SessionCache> sessions;
  server::ServerContext ctx;
  std::unique_ptr<server::Router> router;
  std::map<std::string, Session> signed_in;  // user → session
};

Json Parse(const char* text) {
  return *ParseJson(text, "fuzz");
}

void Renew(ApiWorld* w) {
  w->router.reset();
  w->sessions.reset();
  w->calendars.reset();
  w->engine.reset();
  const std::string gen = w->dir + "/" + std::to_string(w->generation);
  if (w->generation > 0) std::filesystem::remove_all(gen);
  ++w->generation;
  w->cases = 0;
  const std::string root = w->dir + "/" + std::to_string(w->generation);
  const std::string src = FuzzSourceDir();
  std::filesystem::create_directories(root + "/web");
  std::ofstream(root + "/web/index.html") << "<!doctype html><title>erflow</title>";
  std::ofstream(root + "/secret.txt") << kCanary;
  std::filesystem::copy(src + "/calendars", root + "/calendars");
  w->clock.Set(*ParseTimestamp("2025-09-30T09:00:00+08:00"));
  auto calendar = Calendar::LoadDir(root + "/calendars");
  FuzzCheck(calendar.ok(), "calendars");
  auto engine = Engine::Open(root + "/erflow.db?synchronous=OFF", w->clock,
                             std::make_shared<const Calendar>(std::move(calendar).value()));
  FuzzCheck(engine.ok(), "open");
  w->engine = std::move(engine).value();
  for (const auto& wf : ListJsonFiles(src + "/workflows")) {
    auto def = LoadDefinitionFile(wf, src + "/forms");
    FuzzCheck(def.ok() && w->engine->Deploy(*def, "fuzz").ok(), "deploy " + wf);
  }
  w->signed_in.clear();
  for (auto [name, role, unit, scope] : {std::tuple{"clerk1", "clerk", "county", "unit"},
                                         {"clerk2", "clerk", "county", "unit"},
                                         {"boss1", "supervisor", "county", "unit"},
                                         {"admin1", "admin", "it-office", "unit"},
                                         {"archivist1", "archivist", "archive", "all"}}) {
    User u;
    u.name = name;
    u.roles = {role};
    u.unit = unit;
    u.scope = scope;
    FuzzCheck(w->engine->PutUser(u).ok(), "user");
    const std::string password = std::string("pw-") + name + "-0000";
    FuzzCheck(w->engine->SetPassword(name, password).ok(), "password");
    auto session = w->engine->SignIn(name, password, 365 * 86400);
    FuzzCheck(session.ok(), "sign in");
    w->signed_in[name] = *session;
  }
  w->config = server::ServerConfig();
  w->config.web_root = root + "/web";
  w->config.calendar_folder = root + "/calendars";
  w->calendars = std::make_unique<server::CalendarFolder>(w->engine.get(), root + "/calendars");
  w->sessions =
      std::make_unique<server::SessionCache>(w->engine.get(), std::chrono::milliseconds(0));
  w->ctx = server::ServerContext();
  w->ctx.engine = w->engine.get();
  w->ctx.config = &w->config;
  w->ctx.data_dir = src;
  w->ctx.calendars = w->calendars.get();
  w->ctx.sessions = w->sessions.get();
  w->router = std::make_unique<server::Router>(w->ctx);
}

ApiWorld& World() {
  static ApiWorld* world = [] {
    auto* w = new ApiWorld();
    char shm[] = "/dev/shm/erflow-fuzz-api-XXXXXX", tmp[] = "/tmp/erflow-fuzz-api-XXXXXX";
    char* dir = mkdtemp(shm) ? shm : mkdtemp(tmp);
    FuzzCheck(dir != nullptr, "mkdtemp");
    w->dir = dir;
    static std::string remove = dir;
    std::atexit([] { std::filesystem::remove_all(remove); });
    Renew(w);
    return w;
  }();
  return *world;
}

// A fresh incident-basic case; with `assessed`, its assessment submitted and awaiting
// approval. 0 when the engine refused (a definition deployed by an earlier input).
int64_t FreshCase(ApiWorld* w, bool assessed) {
  Command open;
  open.action = Action::kOpen;
  open.actor = "clerk1";
  open.plan = "incident-basic";
  open.form = Parse(R"({"title": "断网", "discovered_at": "2025-09-30T08:40:00+08:00",
                        "description": "政务外网中断"})");
  auto opened = w->engine->Execute(open);
  if (!opened.ok()) return 0;
  ++w->cases;
  if (assessed) {
    Command assess;
    assess.action = Action::kSubmit;
    assess.actor = "clerk2";
    assess.case_id = opened->case_id;
    assess.task = "assess";
    assess.form = Parse(R"({"nature": "genuine", "level": "III"})");
    if (!w->engine->Execute(assess).ok()) return 0;
  }
  return opened->case_id;
}

bool Replace(std::string* path, const std::string& token, ApiWorld* w, bool assessed) {
  const auto at = path->find(token);
  if (at == std::string::npos) return true;
  const int64_t id = FreshCase(w, assessed);
  if (id == 0) return false;
  path->replace(at, token.size(), std::to_string(id));
  return true;
}

}  // namespace

int FuzzApi(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto l1 = input.find('\n');
  if (l1 == std::string::npos) return 0;
  const auto l2 = input.find('\n', l1 + 1);
  if (l2 == std::string::npos) return 0;
  const std::string first = input.substr(0, l1), user = input.substr(l1 + 1, l2 - l1 - 1);
  const std::string body = input.substr(l2 + 1);
  const auto space = first.find(' ');
  if (space == std::string::npos) return 0;
  const std::string method = first.substr(0, space);
  std::string path = first.substr(space + 1);
  if (method.empty() || method.find_first_of(" \r\t") != std::string::npos) return 0;
  if (path.find_first_of(" \r\t") != std::string::npos) return 0;
  if (path.find("record") != std::string::npos || path.find("dossier") != std::string::npos ||
      path.find("register") != std::string::npos)
    return 0;  // the records endpoints: see above

  ApiWorld& w = World();
  if (w.cases >= kMaxCases) Renew(&w);
  if (!Replace(&path, "{case}", &w, false) || !Replace(&path, "{assessed}", &w, true)) return 0;

  FakeResponse response;
  FakeRequest request(body, &response);
  request.setMethod(method);
  try {
    request.setURI(path.rfind('/', 0) == 0 ? path : "/api/v1/" + path);
  } catch (const Poco::Exception&) {
    return 0;  // Poco's parser refused the request line: it never reaches a handler
  }
  request.setContentType("application/json");
  request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  if (auto it = w.signed_in.find(user); it != w.signed_in.end()) {
    request.set("Cookie", "erflow_session=" + it->second.token);
    request.set("X-CSRF-Token", it->second.csrf);
  }
  std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(w.router->createRequestHandler(request));
  FuzzCheck(handler != nullptr, "no handler for " + method + " " + path);
  handler->handleRequest(request, response);

  const int status = response.getStatus();
  const std::string answer = response.body();
  FuzzCheck(status < 500, std::to_string(status) + " for " + method + " /api/v1/" + path + " as " +
                              user + " with " + body + ": " + answer);
  // A served file is the only answer that is not JSON. (The fuzzer learns the canary from
  // this very check and puts it in requests, which JSON error messages then echo.)
  const bool json_answer = response.getContentType().find("json") != std::string::npos;
  FuzzCheck(json_answer || answer.find(kCanary) == std::string::npos,
            "a file outside the web folder was served for " + path);
  if (json_answer && !answer.empty())
    FuzzCheck(ParseJson(answer, "answer").ok(), "the answer is not JSON: " + answer);
  // An input that signed its user out, disabled them or changed their password leaves the
  // next inputs without that session: sign in again, or start the world over.
  if (auto it = w.signed_in.find(user); it != w.signed_in.end()) {
    if (!w.engine->ResumeSession(it->second.token).ok()) {
      auto again = w.engine->SignIn(user, "pw-" + user + "-0000", 365 * 86400);
      if (again.ok())
        it->second = *again;
      else
        Renew(&w);
    }
  }
  return 0;
}

}  // namespace erflow::fuzz
