// The API's endpoints, one handler class per endpoint, each implemented in its own file
// (handlers/<name>.cc). app/server/API.md documents each one; router.cc maps paths here.
// Thread rules: one handler object per request, used by that request's thread only.
#pragma once

#include "server/api_handler.h"

namespace erflow::server {

// GET /api/v1/health
class HealthHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  Access access() const override { return Access::kPublic; }
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/session (sign in)
class SignInHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  Access access() const override { return Access::kPublic; }
  bool csrf_exempt() const override { return true; }
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/session (who am I)
class SessionShowHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// DELETE /api/v1/session (sign out)
class SignOutHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/queue
class QueueHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/cases
class CaseListHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/cases (open a case)
class CaseOpenHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/cases/{id}
class CaseDetailHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/cases/{id}/forms
class CaseFormsHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/cases/{id}/tasks/{task}/{action}
class CaseActionHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/definitions
class DefinitionListHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/definitions/{id}
class DefinitionShowHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/definitions (deploy)
class DefinitionDeployHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/users
class UserListHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/users/{name}
class UserShowHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/users
class UserCreateHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// PATCH /api/v1/users/{name}
class UserUpdateHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// PUT /api/v1/users/{name}/password
class UserPasswordHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/calendar/years
class CalendarYearsHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/calendar/years
class CalendarYearAddHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/audit/verify
class AuditVerifyHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/cases/{id}/records
class CaseRecordsHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/cases/{id}/records/{task}
class CaseRecordFileHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/cases/{id}/dossier
class CaseDossierHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/cases/{id}/record-preview
class RecordPreviewHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// GET /api/v1/register
class RegisterHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  ApiReply Serve(ApiCall& call) override;
};

// POST /api/v1/records/verify (the body is the PDF)
class RecordVerifyHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;

 private:
  bool upload() const override { return true; }
  ApiReply Serve(ApiCall& call) override;
};

}  // namespace erflow::server
