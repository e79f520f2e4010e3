#include "exit_codes.h"

namespace erflow::cli {

int ExitCodeFor(const Status& s) {
  using C = Status::Code;
  switch (s.code()) {
    case C::kOk:
      return kExitOk;
    case C::kInvalidArgument:
      return kExitInvalid;
    case C::kNotFound:
      return kExitNotFound;
    case C::kForbidden:
      return kExitForbidden;
    case C::kConflict:
      return kExitConflict;
    case C::kCorruption:
      return kExitVerifyFailed;
    case C::kUnsupported:
      return kExitUsage;
    case C::kUnauthenticated:
      return kExitForbidden;
    case C::kIOError:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace erflow::cli
