// erflow verify FILE.pdf --ca CA.pem: two independent checks, each reported on its own —
// the signatures (every one valid: byte range, digest, signature value, chain to the CA)
// and the history (the file's SHA-256 is what a record's issuing event, in an intact
// hash chain, or an export-log entry holds). A PDF altered and re-signed with a valid
// key passes the first and fails the second. Exit 0 when both pass, 7 otherwise.
#include <ostream>

#include "engine_access.h"
#include "erflow/authority.h"
#include "erflow/time_format.h"
#include "exit_codes.h"
#include "file_io.h"
#include "record_exports.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow verify FILE.pdf --ca CA.pem [--as USER] [--json]\n"
    "Checks (1) signatures: every digital signature of the file is valid and chains to the\n"
    "CA certificate(s) in CA.pem; (2) history: the file's SHA-256 is held by the issuing\n"
    "event of a record in its case's intact hash chain (and not withdrawn), or by an entry\n"
    "of the export log (dossiers, registers). Says which check failed; exit 0 when both\n"
    "pass, 7 otherwise.\n";

}  // namespace

int RunVerifyCommand(CliContext& ctx, const Args& in) {
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"ca", "as"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  if (args.positionals().size() != 1 || !args.Get("ca"))
    return ctx.UsageError("verify needs FILE.pdf --ca CA.pem", kUsage);
  const std::string file = args.positionals()[0];
  auto pdf_bytes = ReadWholeFile(file);
  if (!pdf_bytes.ok()) return ctx.Fail(pdf_bytes.status());
  auto ca = ReadWholeFile(*args.Get("ca"));
  if (!ca.ok()) return ctx.Fail(ca.status());
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  if (auto as = args.Get("as")) {
    auto u = (*engine)->GetUser(*as);
    Status allowed = u.ok() ? Authorize(*u, Permission::kVerify) : u.status();
    if (!allowed.ok()) return ctx.Fail(allowed);
  }

  auto check = CheckPdf(**engine, *pdf_bytes, *ca);
  if (!check.ok()) return ctx.Fail(check.status());
  const pdf::VerificationReport* report = &check->signatures;
  const HashTrace* trace = &check->history;
  const std::string& sha = check->sha256;
  const bool signatures_ok = check->signatures_ok();
  const bool history_ok = check->history_ok();

  if (ctx.json) {
    Json j = Json::Object();
    j.Set("file", Json(file));
    const Json result = PdfCheckJson(*check);
    for (const auto& [k, v] : result.members()) j.Set(k, v);
    PrintJson(ctx, j);
  } else {
    std::ostream& os = *ctx.out;
    os << file << "  sha256:" << sha << "\n";
    os << "signatures: " << (signatures_ok ? "ok" : "FAILED") << " — " << report->signatures.size()
       << " signature(s), checked against " << *args.Get("ca") << "\n";
    std::string described = report->Describe();
    for (size_t p = 0, q; p < described.size(); p = q + 1) {
      q = described.find('\n', p);
      if (q == std::string::npos) q = described.size();
      os << "  " << described.substr(p, q - p) << "\n";
    }
    os << "history: " << (history_ok ? "ok" : "FAILED") << " — ";
    if (history_ok) {
      os << "the file's SHA-256 is held by:\n";
      for (const auto& r : trace->records) os << "  " << HeldBy(r) << "\n";
      for (const auto& e : trace->exports) os << "  " << HeldBy(e) << "\n";
    } else {
      os << "no intact case history or export-log entry holds the file's SHA-256 (the file was "
            "altered, or this archive did not issue it)\n";
    }
    for (const auto& p : trace->problems) os << "  - " << p << "\n";
    if (signatures_ok && history_ok)
      os << "verified\n";
    else
      os << "verification FAILED: " << check->Failed() << "\n";
  }
  return signatures_ok && history_ok ? kExitOk : kExitVerifyFailed;
}

}  // namespace erflow::cli
