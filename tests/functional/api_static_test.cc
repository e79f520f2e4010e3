// The web folder served at "/": content types, index files, no listings, conditional
// requests — and every way out of the folder refused: "..", its encodings, double
// encodings, backslashes, NUL, hidden files and symlinks that lead outside.
#include <Poco/Net/StreamSocket.h>

#include <filesystem>

#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

// The status code of a request sent byte for byte as written (no client normalisation).
int RawStatus(int port, const std::string& target) {
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  s.setReceiveTimeout(Poco::Timespan(10, 0));
  const std::string req = "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  s.sendBytes(req.data(), static_cast<int>(req.size()));
  std::string out;
  char buf[4096];
  for (int n; (n = s.receiveBytes(buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  REQUIRE(out.rfind("HTTP/1.1 ", 0) == 0);
  return std::stoi(out.substr(9, 3));
}

}  // namespace

TEST_CASE("api: static files with content types, index.html and no listings", "[api]") {
  ApiWorld world;
  namespace fs = std::filesystem;
  fs::create_directories(world.dir().File("web/js"));
  fs::create_directories(world.dir().File("web/empty"));
  WriteFile(world.dir().File("web/js/app.js"), "console.log('erflow')");
  ApiClient c = world.Anonymous();
  auto index = c.Get("/");
  CHECK(index.status == 200);
  CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(index.body == "<!doctype html><title>erflow</title>");
  CHECK(c.Get("/index.html").body == index.body);
  CHECK(c.Get("/css/app.css").header("Content-Type") == "text/css; charset=utf-8");
  CHECK(c.Get("/js/app.js").header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(c.Get("/js/app.js").header("X-Content-Type-Options") == "nosniff");
  CHECK(c.Get("/js/missing.js").status == 404);
  CHECK(c.Get("/empty/").status == 404);  // a folder without index.html: no listing
  CHECK(c.Get("/js").status == 404);
  CHECK(c.Request("POST", "/index.html", "{}").status == 405);
  auto head = c.Request("HEAD", "/");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  // Conditional GET.
  const std::string modified = index.header("Last-Modified");
  REQUIRE_FALSE(modified.empty());
  auto again = c.Request("GET", "/", "", {{"If-Modified-Since", modified}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
}

TEST_CASE("api: path traversal on static files is refused", "[api]") {
  ApiWorld world;
  namespace fs = std::filesystem;
  WriteFile(world.dir().File("secret.txt"), "not for the web");
  WriteFile(world.dir().File("web/.hidden"), "not for the web either");
  fs::create_symlink("/etc", world.dir().File("web/etc"));
  fs::create_symlink(world.dir().File("secret.txt"), world.dir().File("web/secret.txt"));
  fs::create_symlink(world.dir().File("web/css/app.css"), world.dir().File("web/alias.css"));
  const int port = world.port();
  for (const char* target :
       {"/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/css/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/css/..%2f..%2fsecret.txt",
        "/%252e%252e/secret.txt", "/..%5csecret.txt", "/css\\..\\..\\secret.txt",
        "/index.html%00.css", "/%"}) {
    INFO(target);
    CHECK(RawStatus(port, target) == 400);
  }
  for (const char* target : {"/etc/passwd", "/etc/", "/secret.txt", "/.hidden", "/css/.hidden"}) {
    INFO(target);
    CHECK(RawStatus(port, target) == 404);
  }
  // A symlink that stays inside the folder is followed.
  CHECK(RawStatus(port, "/alias.css") == 200);
  // The API is not reachable through traversal either.
  CHECK(RawStatus(port, "/css/../api/v1/health") == 400);
}
