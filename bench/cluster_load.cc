// Load for the several-nodes benchmark: T client threads spread over the given `erflow
// serve` ports, each driving incident-basic cases through the HTTP API (open with the
// report, submit the assessment, approve it, submit both handling branches: 5 commands a
// case) for D seconds. Prints commands/s and the error count.
//
// usage: cluster_load SECONDS THREADS PORT [PORT…]
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "erflow/json.h"

using namespace erflow;

namespace {

struct Session {
  std::string token, csrf;
};

struct Reply {
  int status = 0;
  std::string body;
  std::string cookie;
};

Reply Send(Poco::Net::HTTPClientSession& s, const std::string& method, const std::string& path, const std::string& body,
           const Session* who) {
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  req.setKeepAlive(true);
  if (who) {
    req.set("Cookie", "erflow_session=" + who->token);
    req.set("X-CSRF-Token", who->csrf);
  }
  req.setContentType("application/json");
  req.setContentLength(static_cast<std::streamsize>(body.size()));
  s.sendRequest(req) << body;
  Poco::Net::HTTPResponse resp;
  std::istream& is = s.receiveResponse(resp);
  Reply r;
  r.status = resp.getStatus();
  Poco::StreamCopier::copyToString(is, r.body);
  if (resp.has("Set-Cookie")) r.cookie = resp.get("Set-Cookie");
  return r;
}

Session SignIn(int port, const std::string& user) {
  Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
  Reply r = Send(s, "POST", "/api/v1/session", R"({"user": ")" + user + R"(", "password": "pw-)" + user + R"(-0000"})",
                 nullptr);
  if (r.status != 200) {
    std::fprintf(stderr, "sign-in of %s failed: %d %s\n", user.c_str(), r.status, r.body.c_str());
    std::exit(1);
  }
  auto eq = r.cookie.find('='), semi = r.cookie.find(';');
  return Session{r.cookie.substr(eq + 1, semi - eq - 1), ParseJson(r.body, "s")->GetString("csrf_token")};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: cluster_load SECONDS THREADS PORT [PORT...]\n");
    return 2;
  }
  const int seconds = std::atoi(argv[1]), threads = std::atoi(argv[2]);
  std::vector<int> ports;
  for (int i = 3; i < argc; ++i) ports.push_back(std::atoi(argv[i]));
  // Sessions live in the database: one sign-in works on every node.
  const Session clerk = SignIn(ports[0], "clerk1"), boss = SignIn(ports[0], "boss1");
  std::atomic<int64_t> commands{0}, errors{0};
  std::atomic<bool> stop{false};
  const std::string report =
      R"({"plan": "incident-basic", "form": {"title": "压测", "discovered_at": "2025-09-29T08:50:00+08:00",
          "description": "负载测试用的事件报告，内容与真实报告长度相近。", "people_affected": 100}})";
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(ports[t % ports.size()]));
      s.setKeepAlive(true);
      while (!stop) {
        try {
          Reply opened = Send(s, "POST", "/api/v1/cases", report, &clerk);
          if (opened.status != 201) {
            ++errors;
            continue;
          }
          ++commands;
          const std::string base = "/api/v1/cases/" + std::to_string(ParseJson(opened.body, "o")->GetInt("case"));
          struct Step {
            const char* path;
            const char* form;
            const Session* who;
          };
          const Step steps[] = {{"/tasks/assess/submit", R"({"nature": "genuine", "level": "IV"})", &clerk},
                                {"/tasks/assess/approve", nullptr, &boss},
                                {"/tasks/contain/submit", R"({"measures": "隔离"})", &clerk},
                                {"/tasks/recover/submit", R"({"measures": "恢复"})", &clerk}};
          int64_t version = 1;
          for (const auto& step : steps) {
            std::string body = R"({"version": )" + std::to_string(version) +
                               (step.form ? std::string(R"(, "form": )") + step.form : std::string()) + "}";
            Reply r = Send(s, "POST", base + step.path, body, step.who);
            if (r.status != 200) {
              ++errors;
              break;
            }
            version = ParseJson(r.body, "o")->GetInt("version");
            ++commands;
          }
        } catch (const Poco::Exception&) {
          ++errors;
          s.reset();
        }
      }
    });
  auto t0 = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop = true;
  for (auto& th : pool) th.join();
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%.0f commands/s (%lld commands, %lld errors, %d threads, %zu node(s))\n", commands / elapsed,
              static_cast<long long>(commands.load()), static_cast<long long>(errors.load()), threads, ports.size());
  return 0;
}
