// Test support for the HTTP API: the real `build/erflow serve` started as a child process
// on a free loopback port against a temporary SQLite file (with the clock frozen by
// --now), and a small HTTP client (Poco HTTPClientSession) that keeps the session cookie
// and CSRF token like a browser page would. ApiWorld adds the users of every role, the
// deployed plans, a web folder and a calendar folder of its own.
// Header-only so that the test target needs no new source list.
// Thread rules: an ApiClient per thread; ApiServer from the test's thread.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "erflow/json.h"
#include "test_support.h"

namespace erflow::test {

struct HttpResult {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;

  Json json() const {
    auto j = ParseJson(body, "response");
    INFO(body);
    REQUIRE(j.ok());
    return *j;
  }
  std::string error() const { return json().GetString("error"); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// The server as a child process. Start-up waits (polling, with a deadline) for its
// "listening on" line, which names the port it picked.
class ApiServer {
 public:
  // `global`: options before "serve" (--db, --now, --data); `serve`: options after it.
  ApiServer(const std::string& dir, const std::vector<std::string>& global,
            const std::vector<std::string>& serve) {
    static int n = 0;
    out_ = dir + "/serve-" + std::to_string(++n) + ".out";
    err_ = dir + "/serve-" + std::to_string(n) + ".err";
    std::vector<std::string> args{ErflowBinary()};
    args.insert(args.end(), global.begin(), global.end());
    args.push_back("serve");
    args.insert(args.end(), serve.begin(), serve.end());
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      int o = open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int e = open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(o, 1);
      dup2(e, 2);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string out = ReadFile(out_);
      const auto at = out.find("listening on http://");
      if (at != std::string::npos && out.find('\n', at) != std::string::npos) {
        const auto colon = out.rfind(':', out.find('\n', at));
        port_ = std::stoi(out.substr(colon + 1));
        return;
      }
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL("erflow serve exited at start-up: " << ReadFile(err_));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("erflow serve did not start within 20 s: " << ReadFile(err_));
  }
  ~ApiServer() {
    if (pid_ > 0) Stop();
  }
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string log() const { return ReadFile(err_); }

  // Sends `sig` and waits (with a deadline) for the exit; returns the exit code, or -1
  // when the server had to be killed.
  int Stop(int sig = SIGTERM) {
    if (pid_ <= 0) return -1;
    kill(pid_, sig);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) != pid_) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string out_, err_;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// An HTTP client that behaves like the web page: it keeps the session cookie it was given
// and sends the CSRF token on changes.
class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}

  // Sends one request on a fresh connection. `body` is sent as JSON when not empty.
  HttpResult Request(const std::string& method, const std::string& path,
                     const std::string& body = "", const Headers& extra = {}) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token_.empty()) req.set("Cookie", "erflow_session=" + token_);
    if (!csrf_.empty() && method != "GET" && method != "HEAD") req.set("X-CSRF-Token", csrf_);
    if (!body.empty()) {
      req.setContentType("application/json");
      req.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    for (const auto& [k, v] : extra) req.set(k, v);
    std::ostream& os = session.sendRequest(req);
    os << body;
    Poco::Net::HTTPResponse resp;
    std::istream& is = session.receiveResponse(resp);
    HttpResult r;
    r.status = resp.getStatus();
    Poco::StreamCopier::copyToString(is, r.body);
    for (const auto& [k, v] : resp) r.headers.emplace(k, v);
    return r;
  }
  HttpResult Get(const std::string& path) const { return Request("GET", path); }
  HttpResult Post(const std::string& path, const Json& body, const Headers& extra = {}) const {
    return Request("POST", path, body.Dump(), extra);
  }
  HttpResult Patch(const std::string& path, const Json& body) const {
    return Request("PATCH", path, body.Dump());
  }
  HttpResult Put(const std::string& path, const Json& body) const {
    return Request("PUT", path, body.Dump());
  }
  HttpResult Delete(const std::string& path) const { return Request("DELETE", path); }

  // Signs in; on success keeps the cookie's token and the CSRF token.
  HttpResult SignIn(const std::string& user, const std::string& password) {
    Json body = Json::Object();
    body.Set("user", Json(user));
    body.Set("password", Json(password));
    HttpResult r = Request("POST", "/api/v1/session", body.Dump());
    if (r.status == 200) {
      const std::string cookie = r.header("Set-Cookie");
      const auto eq = cookie.find('='), semi = cookie.find(';');
      token_ = cookie.substr(eq + 1, semi - eq - 1);
      csrf_ = r.json().GetString("csrf_token");
    }
    return r;
  }

  const std::string& token() const { return token_; }
  const std::string& csrf() const { return csrf_; }
  void set_token(std::string t) { token_ = std::move(t); }
  void set_csrf(std::string c) { csrf_ = std::move(c); }

 private:
  int port_;
  std::string token_, csrf_;
};

// A database with the plans deployed and a user of every role (password "pw-<name>-0000"),
// a web folder, a calendar folder, and a server on it.
class ApiWorld {
 public:
  static constexpr const char* kNow = "2025-09-30T09:00:00+08:00";

  struct Person {
    const char* name;
    const char* role;
    const char* unit;
    const char* scope;
  };
  static const std::vector<Person>& People() {
    static const std::vector<Person> people = {
        {"clerk1", "clerk", "county", "unit"},
        {"clerk2", "clerk", "county", "unit"},
        {"boss1", "supervisor", "county", "unit"},
        {"boss2", "supervisor", "county", "unit"},
        {"otherclerk", "clerk", "township", "unit"},
        {"inspector1", "inspector", "county", "unit"},
        {"archivist1", "archivist", "archive", "all"},
        {"admin1", "admin", "it-office", "unit"},
        {"cityclerk", "clerk", "city-command", "unit"},
    };
    return people;
  }
  static std::string Password(const std::string& name) { return "pw-" + name + "-0000"; }

  // `config`: extra properties lines for the server.
  explicit ApiWorld(const std::string& config = "", bool start = true)
      : db_(dir_.File("erflow.db")) {
    REQUIRE(Cli({"definitions", "deploy"}).exit_code == 0);
    for (const auto& p : People()) {
      REQUIRE(Cli({"users", "add", p.name, "--role", p.role, "--unit", p.unit, "--scope", p.scope})
                  .exit_code == 0);
      REQUIRE(Cli({"users", "password", p.name}, Password(p.name)).exit_code == 0);
    }
    std::filesystem::create_directories(dir_.File("web/css"));
    WriteFile(dir_.File("web/index.html"), "<!doctype html><title>erflow</title>");
    WriteFile(dir_.File("web/css/app.css"), "body{}");
    std::filesystem::copy(SourceDir() + "/calendars", dir_.File("calendars"));
    config_ = dir_.File("server.properties");
    WriteFile(config_, "server.web_root = " + dir_.File("web") + "\n" +
                           "calendar.folder = " + dir_.File("calendars") + "\n" +
                           "server.access_log = " + dir_.File("access.log") + "\n" + config);
    if (start) Start();
  }

  RunResult Cli(std::vector<std::string> args, const std::string& stdin_text = "",
                const std::string& now = kNow) const {
    args.insert(args.begin(), {"--db", db_, "--now", now});
    return RunErflow(args, stdin_text);
  }

  // (Re)starts the server with the clock at `now`.
  void Start(const std::string& now = kNow, std::vector<std::string> serve_args = {}) {
    server_.reset();
    serve_args.insert(serve_args.begin(), {"--port", "0", "--config", config_});
    server_ = std::make_unique<ApiServer>(
        dir_.path(), std::vector<std::string>{"--db", db_, "--now", now}, serve_args);
  }
  ApiServer& server() { return *server_; }
  int port() const { return server_->port(); }

  ApiClient Anonymous() const { return ApiClient(port()); }
  ApiClient As(const std::string& name) const {
    ApiClient c(port());
    auto r = c.SignIn(name, Password(name));
    INFO(r.body);
    REQUIRE(r.status == 200);
    return c;
  }

  // clerk1 opens an incident-basic case; returns its id.
  int64_t OpenBasicCase(const ApiClient& clerk, const std::string& title = "断网") const {
    Json form = Json::Object();
    form.Set("title", Json(title));
    form.Set("discovered_at", Json("2025-09-30T08:40:00+08:00"));
    form.Set("description", Json("政务外网中断"));
    Json body = Json::Object();
    body.Set("plan", Json("incident-basic"));
    body.Set("form", form);
    auto r = clerk.Post("/api/v1/cases", body);
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.json().GetInt("case");
  }
  // The case as `who` sees it.
  Json Case(const ApiClient& who, int64_t id) const {
    auto r = who.Get("/api/v1/cases/" + std::to_string(id));
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json();
  }
  // POST /api/v1/cases/{id}/tasks/{task}/{action} at the case's current version (read as
  // `reader`, by default the actor) with `extra` body members.
  HttpResult Act(const ApiClient& who, int64_t id, const std::string& task,
                 const std::string& action, Json extra = Json::Object(),
                 const ApiClient* reader = nullptr) const {
    const ApiClient& r = reader ? *reader : who;
    auto c = r.Get("/api/v1/cases/" + std::to_string(id));
    REQUIRE(c.status == 200);
    extra.Set("version", Json(c.json().GetInt("version")));
    return who.Post("/api/v1/cases/" + std::to_string(id) + "/tasks/" + task + "/" + action, extra);
  }

  const TempDir& dir() const { return dir_; }
  const std::string& db() const { return db_; }
  std::string config_file() const { return config_; }

 private:
  TempDir dir_;
  std::string db_;
  std::string config_;
  std::unique_ptr<ApiServer> server_;
};

// {"k": v, …} from pairs, for request bodies.
inline Json Obj(std::initializer_list<std::pair<const char*, Json>> members) {
  Json j = Json::Object();
  for (const auto& [k, v] : members) j.Set(k, v);
  return j;
}

// [v, …] for request bodies.
inline Json Arr(std::initializer_list<Json> items) {
  Json j = Json::Array();
  for (const auto& v : items) j.Push(v);
  return j;
}

}  // namespace erflow::test
