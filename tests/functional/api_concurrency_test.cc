// Threads and connections: Poco serves each connection on one thread for as long as it is
// open, so idle keep-alive connections could starve everyone else. With four server
// threads held by four idle keep-alive connections, sixteen more clients must all be
// answered (the short keep-alive timeout frees the threads; queued connections make the
// server close connections after each answer). And shutdown: SIGTERM or SIGINT lets a
// request in flight finish, and idle connections do not hold the server up.
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <future>

#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

using Clock = std::chrono::steady_clock;

Poco::Net::StreamSocket Connect(int port) {
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  s.setReceiveTimeout(Poco::Timespan(30, 0));
  return s;
}

void Send(Poco::Net::StreamSocket& s, const std::string& bytes) {
  s.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
}

// Reads one answer with a Content-Length body; returns its status line and body.
std::string ReadAnswer(Poco::Net::StreamSocket& s) {
  std::string in;
  char buf[4096];
  while (true) {
    const auto end = in.find("\r\n\r\n");
    if (end != std::string::npos) {
      const auto cl = in.find("Content-Length: ");
      const size_t length = cl < end ? std::stoul(in.substr(cl + 16)) : 0;
      if (in.size() >= end + 4 + length)
        return in.substr(0, in.find("\r\n")) + " " + in.substr(end + 4);
    }
    int n = s.receiveBytes(buf, sizeof buf);
    if (n <= 0) return in.empty() ? "(closed)" : in;
    in.append(buf, static_cast<size_t>(n));
  }
}

const char kHealth[] = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n";

}  // namespace

TEST_CASE("api: more concurrent clients than server threads are all answered", "[api]") {
  ApiWorld world("server.threads = 4\nserver.queue = 64\nserver.keep_alive_timeout_ms = 2000\n");
  // Four keep-alive connections, each served once and then left idle: every server
  // thread now waits on one of them.
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 4; ++i) {
    idle.push_back(Connect(world.port()));
    Send(idle.back(), kHealth);
    CHECK_THAT(ReadAnswer(idle.back()), Catch::StartsWith("HTTP/1.1 200"));
  }
  // Sixteen more clients, at once, each making three requests on one connection.
  const auto start = Clock::now();
  std::vector<std::future<int>> clients;
  for (int i = 0; i < 16; ++i)
    clients.push_back(std::async(std::launch::async, [&world] {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(world.port()));
      session.setTimeout(Poco::Timespan(30, 0));
      int ok = 0;
      for (int k = 0; k < 3; ++k) {
        Poco::Net::HTTPRequest req("GET", "/api/v1/health", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(req);
        Poco::Net::HTTPResponse resp;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(resp), body);
        ok += resp.getStatus() == 200 && body.find("\"ok\":true") != std::string::npos;
      }
      return ok;
    }));
  int answered = 0;
  for (auto& c : clients) answered += c.get();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  CHECK(answered == 16 * 3);
  // Bounded by the keep-alive timeout (2 s), not by how long the idle clients stay.
  CHECK(seconds < 10);
  // The idle connections were closed by the server meanwhile, not kept forever.
  for (auto& s : idle) CHECK(ReadAnswer(s) == "(closed)");
}

TEST_CASE("api: SIGTERM finishes the request in flight, then the server exits 0", "[api]") {
  ApiWorld world;
  // A connection the server is already serving (one answer read)…
  Poco::Net::StreamSocket s = Connect(world.port());
  Send(s, kHealth);
  REQUIRE_THAT(ReadAnswer(s), Catch::StartsWith("HTTP/1.1 200"));
  // …sends half of its next request, then the server is told to stop.
  Send(s, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");
  // An idle keep-alive connection must not hold the shutdown up.
  Poco::Net::StreamSocket idle = Connect(world.port());
  Send(idle, kHealth);
  REQUIRE_THAT(ReadAnswer(idle), Catch::StartsWith("HTTP/1.1 200"));
  const pid_t pid = world.server().pid();
  REQUIRE(kill(pid, SIGTERM) == 0);
  // The rest of the request arrives after the signal, and is still answered.
  Send(s, "Connection: close\r\n\r\n");
  CHECK_THAT(ReadAnswer(s), Catch::StartsWith("HTTP/1.1 200") && Catch::Contains("\"ok\":true"));
  CHECK(world.server().Stop(0) == 0);  // signal 0: only wait for the exit
  const std::string log = world.server().log();
  CHECK_THAT(log, Catch::Contains("stopping: no new connections; finishing requests in flight"));
  CHECK_THAT(log, Catch::Contains("stopped"));
}

TEST_CASE("api: SIGINT stops the server cleanly too", "[api]") {
  ApiWorld world;
  CHECK(world.Anonymous().Get("/api/v1/health").status == 200);
  CHECK(world.server().Stop(SIGINT) == 0);
}
