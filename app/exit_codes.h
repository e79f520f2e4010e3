// Exit codes of the erflow CLI (documented in README.md). Scripts in the archive office
// branch on them, so they never change meaning.
#pragma once

#include "erflow/status.h"

namespace erflow::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,      // I/O failure, database error, bug
  kExitUsage = 2,         // unknown command or option, missing argument
  kExitInvalid = 3,       // invalid input: bad JSON, form data, definition
  kExitForbidden = 4,     // role, unit, four-eyes or case state forbids it
  kExitConflict = 5,      // stale version, already claimed, already done
  kExitNotFound = 6,      // no such case, task, user, definition, file
  kExitVerifyFailed = 7,  // audit chain or signature or hash does not verify
};

int ExitCodeFor(const Status& s);

}  // namespace erflow::cli
