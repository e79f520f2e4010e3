#include "erflow/definition_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "definition/definition_parser.h"
#include "erflow/sha256.h"

namespace erflow {

std::vector<std::string> ListJsonFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

Result<DefinitionPtr> LoadDefinitionBundle(const Json& bundle, int64_t version) {
  std::string file = bundle.GetString("definitionFile", "(deployed definition)");
  const Json& doc = bundle["definition"];
  auto def = std::make_shared<Definition>();
  def->source_file = file;
  def->version = version;
  Problems problems(file);
  Problems form_problems;
  for (const auto& f : bundle["forms"].items()) {
    auto form = ParseFormSchema(f["schema"], f.GetString("file"));
    if (!form.ok()) {
      Problem p;
      p.message = form.status().message();
      form_problems.Add(p);
      continue;
    }
    def->forms.emplace(form->id, std::move(form).value());
  }
  ParseDefinitionDocument(doc, &problems, def.get());
  CheckDefinition(doc, *def, &problems);
  problems.Append(form_problems);
  if (!problems.empty()) return problems.ToStatus();
  def->bundle = bundle;
  std::string content = doc.Dump();
  for (const auto& f : bundle["forms"].items()) content += "\n" + f["schema"].Dump();
  def->content_hash = Sha256Hex(content);
  return DefinitionPtr(def);
}

Result<DefinitionPtr> LoadDefinitionFile(const std::string& path, const std::string& forms_dir) {
  ERFLOW_ASSIGN_OR_RETURN(Json doc, ParseJsonFile(path));
  // Collect the forms the definition names, wherever they appear.
  std::set<std::string> form_ids;
  for (const auto& stage : doc["stages"].items())
    for (const auto& task : stage["tasks"].items()) {
      if (task["form"].is_string()) form_ids.insert(task["form"].AsString());
      if (task["approval"]["form"].is_string())
        form_ids.insert(task["approval"]["form"].AsString());
    }
  Json bundle = Json::Object();
  bundle.Set("definitionFile", Json(path));
  bundle.Set("definition", doc);
  Json forms = Json::Array();
  std::string syntax_errors;
  for (const auto& id : form_ids) {
    std::string file = forms_dir + "/" + id + ".json";
    if (!std::filesystem::exists(file)) continue;  // reported as a missing form by the checker
    auto form_doc = ParseJsonFile(file);
    if (!form_doc.ok()) {
      syntax_errors += (syntax_errors.empty() ? "" : "\n") + form_doc.status().message();
      continue;
    }
    if ((*form_doc)["id"].AsString() != id) {
      syntax_errors += (syntax_errors.empty() ? "" : "\n") + file + ": id: expected \"" + id +
                       "\" (a form's id is its file name), found " + (*form_doc)["id"].Dump();
      continue;
    }
    Json entry = Json::Object();
    entry.Set("file", Json(file));
    entry.Set("schema", std::move(form_doc).value());
    forms.Push(std::move(entry));
  }
  bundle.Set("forms", std::move(forms));
  auto def = LoadDefinitionBundle(bundle, 0);
  if (!syntax_errors.empty()) {
    std::string msg = syntax_errors;
    if (!def.ok()) msg = def.status().message() + "\n" + msg;
    return Status::InvalidArgument(msg);
  }
  return def;
}

}  // namespace erflow
