// The storage backends the store suite runs against: SQLite always, PostgreSQL when the
// test script started a throwaway cluster (ERFLOW_TEST_PG_URL). Each call to fresh_url()
// gives a new, empty database.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace erflow::test {

struct Backend {
  std::string name;
  std::function<std::string()> fresh_url;
};

std::vector<Backend> StoreBackends();

}  // namespace erflow::test
