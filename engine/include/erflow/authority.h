// Authority outside a case's tasks: who may see a case, export records, verify, manage
// users, definitions, keys and the calendar. Together with CommandPlanner (which decides
// who may act on a task) this is the whole of erflow's authority; the HTTP API asks the
// engine and never decides on its own.
// Thread rules: pure functions.
#pragma once

#include <string>
#include <vector>

#include "erflow/status.h"
#include "erflow/user.h"

namespace erflow {

enum class Permission {
  kViewCase,        // (with the case's units) read a case, its history, its records
  kListAllCases,    // see every case, not only those one's unit takes part in
  kExportRecords,   // registers and dossiers
  kVerify,          // audit verification, PDF verification
  kManageUsers,     // users, roles, units, passwords
  kDeploy,          // deploy definitions
  kManageKeys,      // import signing certificates
  kManageCalendar,  // add calendar years
  kAuditStore,      // verify every case's history at once (sees all, so not for every user)
};

const char* PermissionName(Permission p);

// Whether `actor` holds `p` at all (for kViewCase: whether they may see some cases).
Status Authorize(const User& actor, Permission p);

// Whether `actor` may see a case in which `case_units` take part.
Status AuthorizeCaseView(const User& actor, int64_t case_id,
                         const std::vector<std::string>& case_units);

}  // namespace erflow
