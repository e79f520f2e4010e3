#include "store_backends.h"

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "store/postgres/pg_connection.h"
#include "test_support.h"

namespace erflow::test {

std::vector<Backend> StoreBackends() {
  std::vector<Backend> out;
  // Temporary folders live as long as the test process; a store test opens a few.
  static std::vector<std::unique_ptr<TempDir>> dirs;
  out.push_back(Backend{"sqlite", [] {
                          dirs.push_back(std::make_unique<TempDir>());
                          return dirs.back()->File("erflow.db");
                        }});
  const char* pg = std::getenv("ERFLOW_TEST_PG_URL");
  // scripts/test starts a cluster and requires it: the suite must not quietly skip a backend.
  if ((!pg || !*pg) && std::getenv("ERFLOW_REQUIRE_PG"))
    throw std::runtime_error("ERFLOW_REQUIRE_PG is set but ERFLOW_TEST_PG_URL is not");
  if (pg && *pg) {
    std::string base = pg;
    out.push_back(Backend{"postgresql", [base] {
                            static std::atomic<int> n{0};
                            std::string name =
                                "erflow_t" + std::to_string(getpid()) + "_" + std::to_string(n++);
                            auto info = PostgresConninfo(base);
                            if (!info.ok()) throw std::runtime_error(info.status().ToString());
                            auto conn = PgConnection::Open(*info);
                            if (!conn.ok()) throw std::runtime_error(conn.status().ToString());
                            Status s = (*conn)->ExecScript("CREATE DATABASE " + name);
                            if (!s.ok()) throw std::runtime_error(s.ToString());
                            return base.substr(0, base.rfind('/') + 1) + name;
                          }});
  }
  return out;
}

}  // namespace erflow::test
