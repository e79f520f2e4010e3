// ConnectionPool: hands out database connections, one thread per connection at a time,
// opening new ones on demand up to a limit. SQLite in WAL mode lets readers on other
// connections proceed while one writer commits.
// Thread rules: all methods are thread-safe; `mu_` guards `idle_` and `open_`.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql_connection.h"

namespace erflow {

class ConnectionPool {
 public:
  using Factory = std::function<Result<std::unique_ptr<SqlConnection>>()>;

  ConnectionPool(Factory factory, size_t max_open)
      : factory_(std::move(factory)), max_open_(max_open) {}

  // A borrowed connection; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<SqlConnection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    SqlConnection* operator->() const { return conn_.get(); }
    SqlConnection* get() const { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> conn_;
  };

  Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<SqlConnection> conn);

  Factory factory_;
  size_t max_open_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;  // guarded by mu_
  size_t open_ = 0;                                   // guarded by mu_
};

}  // namespace erflow
