#include "server/router.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include "server/handlers/handlers.h"
#include "server/static_file_handler.h"

namespace erflow::server {
namespace {

template <class H>
Poco::Net::HTTPRequestHandler* Make(const ServerContext& ctx, PathParams params) {
  return new H(ctx, std::move(params));
}

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == path.npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Whether `segments` (decoded) match `pattern`; fills the {name} parameters.
bool Match(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
           PathParams* params) {
  if (pattern.size() != segments.size()) return false;
  PathParams found;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segments[i].empty()) return false;
      found[p.substr(1, p.size() - 2)] = segments[i];
    } else if (p != segments[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}

}  // namespace

const std::vector<Router::Route>& Router::Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/v1/health", &Make<HealthHandler>},
      {"POST", "/api/v1/session", &Make<SignInHandler>},
      {"GET", "/api/v1/session", &Make<SessionShowHandler>},
      {"DELETE", "/api/v1/session", &Make<SignOutHandler>},
      {"GET", "/api/v1/queue", &Make<QueueHandler>},
      {"GET", "/api/v1/cases", &Make<CaseListHandler>},
      {"POST", "/api/v1/cases", &Make<CaseOpenHandler>},
      {"GET", "/api/v1/cases/{id}", &Make<CaseDetailHandler>},
      {"GET", "/api/v1/cases/{id}/forms", &Make<CaseFormsHandler>},
      {"POST", "/api/v1/cases/{id}/tasks/{task}/{action}", &Make<CaseActionHandler>},
      {"GET", "/api/v1/definitions", &Make<DefinitionListHandler>},
      {"POST", "/api/v1/definitions", &Make<DefinitionDeployHandler>},
      {"GET", "/api/v1/definitions/{id}", &Make<DefinitionShowHandler>},
      {"GET", "/api/v1/users", &Make<UserListHandler>},
      {"POST", "/api/v1/users", &Make<UserCreateHandler>},
      {"GET", "/api/v1/users/{name}", &Make<UserShowHandler>},
      {"PATCH", "/api/v1/users/{name}", &Make<UserUpdateHandler>},
      {"PUT", "/api/v1/users/{name}/password", &Make<UserPasswordHandler>},
      {"GET", "/api/v1/calendar/years", &Make<CalendarYearsHandler>},
      {"POST", "/api/v1/calendar/years", &Make<CalendarYearAddHandler>},
      {"GET", "/api/v1/audit/verify", &Make<AuditVerifyHandler>},
      {"GET", "/api/v1/cases/{id}/records", &Make<CaseRecordsHandler>},
      {"GET", "/api/v1/cases/{id}/records/{task}", &Make<CaseRecordFileHandler>},
      {"GET", "/api/v1/cases/{id}/dossier", &Make<CaseDossierHandler>},
      {"POST", "/api/v1/cases/{id}/record-preview", &Make<RecordPreviewHandler>},
      {"GET", "/api/v1/register", &Make<RegisterHandler>},
      {"POST", "/api/v1/records/verify", &Make<RecordVerifyHandler>},
  };
  return kRoutes;
}

Router::Router(const ServerContext& ctx) : ctx_(ctx) {
  for (const auto& route : Routes()) patterns_.push_back(Split(route.pattern));
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  const std::string& uri = request.getURI();
  const std::string raw = uri.substr(0, uri.find_first_of("?#"));
  const std::string method = request.getMethod() == "HEAD" ? "GET" : request.getMethod();
  if (raw != "/api" && raw.rfind("/api/", 0) != 0) {
    if (method == "GET") return new StaticFileHandler(ctx_);
    return new ErrorHandler(ctx_, 405, "method_not_allowed", "static files are read-only",
                            "GET, HEAD");
  }
  std::vector<std::string> segments = Split(raw);
  for (auto& s : segments) {
    std::string decoded;
    try {
      Poco::URI::decode(s, decoded);
    } catch (const Poco::Exception&) {
      return new ErrorHandler(ctx_, 400, "bad_request", "malformed percent-encoding in the path");
    }
    s = std::move(decoded);
  }
  std::string allowed;
  for (size_t i = 0; i < Routes().size(); ++i) {
    const Route& route = Routes()[i];
    PathParams params;
    if (!Match(patterns_[i], segments, &params)) continue;
    if (route.method == method) return route.make(ctx_, std::move(params));
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (!allowed.empty())
    return new ErrorHandler(ctx_, 405, "method_not_allowed",
                            request.getMethod() + " is not allowed here; use " + allowed, allowed);
  return new ErrorHandler(ctx_, 404, "not_found", "no API endpoint " + raw);
}

}  // namespace erflow::server
