#include "erflow/status.h"

namespace erflow {

const char* Status::CodeName() const {
  switch (code_) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidArgument:
      return "invalid_argument";
    case Code::kNotFound:
      return "not_found";
    case Code::kForbidden:
      return "forbidden";
    case Code::kConflict:
      return "conflict";
    case Code::kCorruption:
      return "corruption";
    case Code::kIOError:
      return "io_error";
    case Code::kUnsupported:
      return "unsupported";
    case Code::kUnauthenticated:
      return "unauthenticated";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName()) + ": " + message_;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  Status s(code_, context + ": " + message_);
  s.details_ = details_;
  return s;
}

Status Status::WithDetails(std::vector<Detail> details) const {
  Status s = *this;
  s.details_ = std::move(details);
  return s;
}

}  // namespace erflow
