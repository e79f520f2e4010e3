#include "erflow/authority.h"

#include <algorithm>

namespace erflow {

const char* PermissionName(Permission p) {
  switch (p) {
    case Permission::kViewCase:
      return "view cases";
    case Permission::kListAllCases:
      return "see every case";
    case Permission::kExportRecords:
      return "export records";
    case Permission::kVerify:
      return "verify records";
    case Permission::kManageUsers:
      return "manage users";
    case Permission::kDeploy:
      return "deploy definitions";
    case Permission::kManageKeys:
      return "manage signing keys";
    case Permission::kManageCalendar:
      return "manage the calendar";
    case Permission::kAuditStore:
      return "verify the whole audit trail";
  }
  return "?";
}

Status Authorize(const User& actor, Permission p) {
  if (!actor.active) return Status::Forbidden("user " + actor.name + " is disabled");
  bool ok = false;
  switch (p) {
    case Permission::kViewCase:
    case Permission::kVerify:
      ok = !actor.roles.empty();
      break;
    case Permission::kListAllCases:
      ok = actor.scope == "all";
      break;
    case Permission::kExportRecords:
      ok = actor.HasRole("archivist") || actor.HasRole("supervisor") || actor.HasRole("admin");
      break;
    case Permission::kManageUsers:
    case Permission::kDeploy:
    case Permission::kManageKeys:
    case Permission::kManageCalendar:
      ok = actor.HasRole("admin");
      break;
    case Permission::kAuditStore:
      // Its report names problems in every case, so it is for those who keep the system
      // and the archive, not for a unit's clerk.
      ok = actor.HasRole("admin") || actor.HasRole("archivist");
      break;
  }
  if (ok) return Status::Ok();
  return Status::Forbidden(actor.name + " may not " + PermissionName(p));
}

Status AuthorizeCaseView(const User& actor, int64_t case_id,
                         const std::vector<std::string>& case_units) {
  ERFLOW_RETURN_IF_ERROR(Authorize(actor, Permission::kViewCase));
  if (actor.scope == "all") return Status::Ok();
  if (std::find(case_units.begin(), case_units.end(), actor.unit) != case_units.end())
    return Status::Ok();
  return Status::Forbidden("case " + std::to_string(case_id) + " is not one that unit " +
                           actor.unit + " takes part in");
}

}  // namespace erflow
