// GET /api/v1/register?from=DATE&to=DATE[&lang=en]: the Excel register (台账, 时限, 奖惩,
// charts) of the cases opened from DATE 00:00 to DATE 24:00, China time, as `erflow
// register --as USER` writes it: streamed to a scratch file (flat memory), logged in the
// export log, then sent. Needs the export permission; a user whose scope is their unit
// gets their unit's cases only.
#include "erflow/authority.h"
#include "file_io.h"
#include "record_exports.h"
#include "server/api_error.h"
#include "server/file_reply.h"
#include "server/handlers/handlers.h"

namespace erflow::server {
namespace {

// A required day parameter, YYYY-MM-DD.
std::string Day(const QueryParams& q, const std::string& name) {
  auto v = q.Get(name);
  if (!v) throw ApiError::InvalidField(name, "required: a day, YYYY-MM-DD");
  if (v->size() != 10 || (*v)[4] != '-' || (*v)[7] != '-')
    throw ApiError::InvalidField(name, "expected a day YYYY-MM-DD, got \"" + *v + "\"");
  return *v;
}

}  // namespace

ApiReply RegisterHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kExportRecords));
  const QueryParams& q = call.query();
  q.OnlyKnown({"from", "to", "lang"});
  const std::string from = Day(q, "from"), to = Day(q, "to");
  const std::string lang = q.Get("lang").value_or("zh");
  if (lang != "zh" && lang != "en") throw ApiError::InvalidField("lang", "zh or en");
  records::RegisterExportOptions o;
  o.from = *q.Time("from", false);
  o.to = *q.Time("to", true);
  if (o.to < o.from) throw ApiError::InvalidField("to", "is before from");
  o.language = lang == "en" ? reports::Language::kEnglish : reports::Language::kChinese;
  o.as_of = call.ctx.engine->clock().Now();
  if (!Authorize(call.user(), Permission::kListAllCases).ok()) o.visible_to_unit = call.user().unit;
  const std::string name = "register-" + from + "-" + to + ".xlsx";
  ScratchDir scratch;
  o.path = scratch.File(name);
  const auto done =
      Unwrap(cli::ExportRegisterFile(*call.ctx.engine, o, call.user().name, from + ".." + to));
  ApiReply reply = FileReply(kXlsxType, Unwrap(cli::ReadWholeFile(o.path)), name);
  reply.headers.emplace_back("X-Erflow-Sha256", done.entry.sha256);
  reply.headers.emplace_back("X-Erflow-Cases", std::to_string(done.counts.cases));
  return reply;
}

}  // namespace erflow::server
