// Status: the outcome of an engine operation, carried as a value across the engine
// boundary (no exceptions leave the engine). A status names what went wrong and where;
// the CLI and the HTTP API map its code to an exit code / HTTP status.
// Thread rules: a Status is an immutable value; safe to copy between threads.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace erflow {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad input: malformed JSON, wrong type, unknown field, bad form data
    kNotFound,         // case, task, user, definition, file does not exist
    kForbidden,        // role, unit, four-eyes or state forbids the actor
    kConflict,         // stale version, already claimed, duplicate
    kCorruption,       // audit chain broken, hash mismatch, signature invalid
    kIOError,          // file system or database failure
    kUnsupported,      // a request the engine does not know how to serve
    kUnauthenticated,  // no valid session or credentials
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Forbidden(std::string msg) { return Status(Code::kForbidden, std::move(msg)); }
  static Status Conflict(std::string msg) { return Status(Code::kConflict, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Unauthenticated(std::string msg) {
    return Status(Code::kUnauthenticated, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // A stable, machine-readable name for the code ("invalid_argument", "conflict"...),
  // used in CLI --json output and API error bodies.
  const char* CodeName() const;
  // "conflict: case 12 is at version 4, command expected 3"
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(const std::string& context) const;

  // One part of the input an InvalidArgument is about — a form field, a place in a
  // definition or calendar file — so a caller (the HTTP API) can show each problem next to
  // its field instead of parsing the message. The message stays the complete text.
  struct Detail {
    std::string path;     // e.g. "form.title", "stages[2].tasks[0].role"
    std::string message;  // what is wrong there, without source or path
  };
  const std::vector<Detail>& details() const { return details_; }
  // Returns a copy carrying `details` (Problems::ToStatus attaches one per problem).
  Status WithDetails(std::vector<Detail> details) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
  std::vector<Detail> details_;
};

}  // namespace erflow

// Propagates a non-ok Status from the current function.
#define ERFLOW_RETURN_IF_ERROR(expr)         \
  do {                                       \
    ::erflow::Status _erflow_st = (expr);    \
    if (!_erflow_st.ok()) return _erflow_st; \
  } while (0)
