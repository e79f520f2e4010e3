#include "engine_access.h"

#include <iostream>
#include <sstream>

namespace erflow::cli {

Result<std::unique_ptr<Engine>> OpenEngine(const CliContext& ctx) { return Engine::Open(ctx.db_path, *ctx.clock); }

Result<Json> ReadJsonArg(const std::string& spec) {
  if (spec == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ParseJson(ss.str(), "(stdin)");
  }
  return ParseJsonFile(spec);
}

void PrintJson(const CliContext& ctx, const Json& j) { *ctx.out << j.Pretty() << "\n"; }

Result<int64_t> ParseCount(const std::string& what, const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidArgument(what + " must be a positive whole number, got \"" + text + "\"");
  return static_cast<int64_t>(std::stoll(text));
}

}  // namespace erflow::cli
