// Result<T>: either a value or a non-ok Status. The engine's return type for operations
// that produce something. Thread rules: a plain value type.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "erflow/status.h"

namespace erflow {

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace erflow

#define ERFLOW_CONCAT_INNER(a, b) a##b
#define ERFLOW_CONCAT(a, b) ERFLOW_CONCAT_INNER(a, b)
// ERFLOW_ASSIGN_OR_RETURN(auto x, Foo()); declares x from a Result or returns its Status.
#define ERFLOW_ASSIGN_OR_RETURN(decl, expr)                \
  auto ERFLOW_CONCAT(_erflow_res_, __LINE__) = (expr);     \
  if (!ERFLOW_CONCAT(_erflow_res_, __LINE__).ok())         \
    return ERFLOW_CONCAT(_erflow_res_, __LINE__).status(); \
  decl = std::move(ERFLOW_CONCAT(_erflow_res_, __LINE__)).value()
