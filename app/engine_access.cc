#include "engine_access.h"

#include <iostream>
#include <sstream>

namespace erflow::cli {

Result<std::shared_ptr<const Calendar>> LoadCalendar(const CliContext& ctx) {
  ERFLOW_ASSIGN_OR_RETURN(Calendar calendar, Calendar::LoadDir(ctx.CalendarsDir()));
  return std::shared_ptr<const Calendar>(std::make_shared<Calendar>(std::move(calendar)));
}

Result<std::shared_ptr<records::PdfRecordIssuer>> LoadRecordIssuer(const CliContext& ctx) {
  return records::PdfRecordIssuer::Create(ctx.data_dir + "/reports/templates");
}

Result<std::unique_ptr<Engine>> OpenEngine(const CliContext& ctx) {
  ERFLOW_ASSIGN_OR_RETURN(auto calendar, LoadCalendar(ctx));
  ERFLOW_ASSIGN_OR_RETURN(auto issuer, LoadRecordIssuer(ctx));
  return Engine::Open(ctx.db_path, *ctx.clock, calendar, issuer);
}

Result<Json> ReadJsonArg(const std::string& spec) {
  if (spec == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ParseJson(ss.str(), "(stdin)");
  }
  return ParseJsonFile(spec);
}

void PrintJson(const CliContext& ctx, const Json& j) {
  *ctx.out << j.Pretty() << "\n";
}

Result<int64_t> CountOption(const Args& args, const std::string& name, int64_t def) {
  auto v = args.Get(name);
  return v ? ParseCount("--" + name, *v) : Result<int64_t>(def);
}

Status ReadFormOption(const Args& args, Json* form) {
  auto spec = args.Get("form");
  if (!spec) return Status::Ok();
  ERFLOW_ASSIGN_OR_RETURN(*form, ReadJsonArg(*spec));
  return Status::Ok();
}

Result<int64_t> ParseCount(const std::string& what, const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidArgument(what + " must be a positive whole number, got \"" + text + "\"");
  return static_cast<int64_t>(std::stoll(text));
}

}  // namespace erflow::cli
