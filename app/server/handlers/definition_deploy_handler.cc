// POST /api/v1/definitions: deploy a new version, from the server's data folder (as
// `erflow definitions deploy` does) or from an uploaded bundle. Every file is loaded and
// validated before anything is deployed, so a bad file deploys none.
#include <filesystem>

#include "erflow/authority.h"
#include "erflow/definition_loader.h"
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"

namespace erflow::server {
namespace {

bool PlainId(const std::string& id) {
  if (id.empty() || id.size() > 100) return false;
  for (unsigned char c : id)
    if (!std::isalnum(c) && c != '-' && c != '_') return false;
  return true;
}

std::vector<DefinitionPtr> FromDataFolder(const std::string& data_dir,
                                          const std::optional<std::vector<std::string>>& ids) {
  const std::string workflows = data_dir + "/workflows", forms = data_dir + "/forms";
  std::vector<std::string> files;
  if (!ids) files = ListJsonFiles(workflows);
  for (const auto& id : ids.value_or(std::vector<std::string>{})) {
    if (!PlainId(id))
      throw ApiError::InvalidField("ids", "\"" + id +
                                              "\" is not a definition id (letters, "
                                              "digits, - and _ only)");
    std::string file = workflows + "/" + id + ".json";
    if (!std::filesystem::is_regular_file(file))
      throw ApiError::NotFound("no workflows/" + id + ".json in the server's data folder");
    files.push_back(file);
  }
  if (files.empty()) throw ApiError::NotFound("no definitions in the server's data folder");
  std::vector<DefinitionPtr> defs;
  for (const auto& f : files) defs.push_back(Unwrap(LoadDefinitionFile(f, forms)));
  return defs;
}

}  // namespace

ApiReply DefinitionDeployHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kDeploy));
  const Json body = call.JsonBody();
  BodyReader r(body);
  const auto source = r.String("source", true);
  std::vector<DefinitionPtr> defs;
  if (source == "data") {
    const auto ids = r.Strings("ids", false);
    r.Finish();
    defs = FromDataFolder(call.ctx.data_dir, ids);
  } else if (source == "bundle") {
    const Json* bundle = r.Object("bundle", true);
    r.Finish();
    defs.push_back(Unwrap(LoadDefinitionBundle(*bundle, 0)));
  } else {
    r.Finish();
    throw ApiError::InvalidField("source", "expected \"data\" or \"bundle\"");
  }
  Json deployed = Json::Array();
  for (const auto& def : defs) {
    const DeployOutcome out = Unwrap(call.ctx.engine->Deploy(def, call.user().name));
    Json d = Json::Object();
    d.Set("id", Json(out.id));
    d.Set("version", Json(out.version));
    d.Set("created", Json(out.created));
    deployed.Push(std::move(d));
  }
  Json j = Json::Object();
  j.Set("deployed", std::move(deployed));
  return ApiReply::FromJson(201, j);
}

}  // namespace erflow::server
