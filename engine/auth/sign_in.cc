// Engine's sign-in, sessions and the actor-scoped reads (GetCaseAs, ListCasesAs).
#include "erflow/authority.h"
#include "erflow/credentials.h"
#include "erflow/engine.h"
#include "erflow/sha256.h"
#include "erflow/time_format.h"
#include "runtime/engine_impl.h"
#include "runtime/work_items.h"

namespace erflow {

Status Engine::SetPassword(const std::string& name, const std::string& password) {
  ERFLOW_RETURN_IF_ERROR(GetUser(name).status());
  ERFLOW_RETURN_IF_ERROR(CheckPasswordStrength(password));
  return impl_->store->PutCredential(Credential{name, HashPassword(password), 0, Instant{}});
}

Result<Session> Engine::SignIn(const std::string& name, const std::string& password,
                               int64_t ttl_seconds) {
  const Instant now = impl_->clock.Now();
  const Status refused = Status::Forbidden("wrong user name or password");
  auto user = impl_->store->GetUser(name);
  ERFLOW_RETURN_IF_ERROR(user.status());
  ERFLOW_ASSIGN_OR_RETURN(auto cred, impl_->store->GetCredential(name));
  if (!*user || !(*user)->active || !cred || cred->secret.empty()) return refused;
  if (cred->locked_until > now)
    return Status::Forbidden("too many failed sign-ins: try again after " +
                             FormatChineseDateTime(cred->locked_until) + " (" +
                             std::to_string(cred->locked_until.seconds - now.seconds) + " s)");
  if (!VerifyPassword(password, cred->secret)) {
    ++cred->failures;
    cred->locked_until = LockedUntil(cred->failures, now);
    ERFLOW_RETURN_IF_ERROR(impl_->store->PutCredential(*cred));
    return refused;
  }
  if (cred->failures) {
    cred->failures = 0;
    cred->locked_until = Instant{};
    ERFLOW_RETURN_IF_ERROR(impl_->store->PutCredential(*cred));
  }
  Session s{RandomHex(32), RandomHex(16), name, now.Plus(ttl_seconds)};
  ERFLOW_RETURN_IF_ERROR(impl_->store->PutSession(
      StoredSession{Sha256Hex(s.token), name, s.csrf, now, s.expires_at, false}));
  return s;
}

Result<std::pair<User, Session>> Engine::ResumeSession(const std::string& token) {
  const Status expired = Status::Unauthenticated("not signed in, or the session has expired");
  if (token.empty()) return expired;
  ERFLOW_ASSIGN_OR_RETURN(auto stored, impl_->store->GetSession(Sha256Hex(token)));
  if (!stored || stored->revoked || stored->expires_at <= impl_->clock.Now()) return expired;
  ERFLOW_ASSIGN_OR_RETURN(auto user, impl_->store->GetUser(stored->name));
  if (!user || !user->active) return expired;
  return std::make_pair(*user, Session{token, stored->csrf, stored->name, stored->expires_at});
}

Status Engine::SignOut(const std::string& token) {
  ERFLOW_ASSIGN_OR_RETURN(auto stored, impl_->store->GetSession(Sha256Hex(token)));
  if (!stored) return Status::Ok();
  stored->revoked = true;
  return impl_->store->PutSession(*stored);
}

Result<CaseView> Engine::GetCaseAs(const User& actor, int64_t id) {
  ERFLOW_ASSIGN_OR_RETURN(CaseView view, GetCase(id));
  ERFLOW_RETURN_IF_ERROR(AuthorizeCaseView(actor, id, DeriveCaseUnits(*view.definition, view.state)));
  return view;
}

Result<std::vector<CaseSummary>> Engine::ListCasesAs(const User& actor, CaseQuery query) {
  ERFLOW_RETURN_IF_ERROR(Authorize(actor, Permission::kViewCase));
  if (!Authorize(actor, Permission::kListAllCases).ok()) query.visible_to_unit = actor.unit;
  return ListCases(query);
}

}  // namespace erflow
