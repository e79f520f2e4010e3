// erflow keys import USER FILE [--password-stdin] [--as ADMIN] | keys list
// Signing certificates for records: an administrator imports a user's PKCS#12 or PEM
// file; it is checked (password, key matches certificate, valid now, allowed to sign) by
// the reports library's loaders and stored as that user's current key.
#include <iostream>
#include <ostream>

#include "engine_access.h"
#include "erflow/reports/pdf/signing_key.h"
#include "erflow/reports/records/key_material.h"
#include "erflow/time_format.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow keys import USER FILE [--password-stdin] [--as ADMIN] [--json]\n"
    "       erflow keys list [--json]\n"
    "\n"
    "import: FILE is a PKCS#12 (.p12/.pfx) or PEM file (certificate, private key and CA\n"
    "certificates, concatenated); --password-stdin reads its password from the first line\n"
    "of stdin. The key becomes USER's current signing key; earlier imports are kept.\n"
    "--as names the administrator (must hold the admin role); without it the command line\n"
    "acts as the local operator. Private keys are stored unencrypted in the database file:\n"
    "protect that file (see README, \"Signing keys\").\n";

void PrintKey(std::ostream& os, const SigningKeyInfo& k) {
  os << k.user << "  #" << k.id << (k.current ? "  current" : "  (replaced)")
     << "  CN=" << k.subject_cn << "  valid " << FormatChineseDate(k.not_before) << "–"
     << FormatChineseDate(k.not_after) << "  imported " << FormatChineseDateTime(k.imported_at)
     << " by " << k.imported_by << "  sha256:" << k.fingerprint.substr(0, 16) << "\n";
}

int Import(CliContext& ctx, const Args& args) {
  if (args.positionals().size() != 2) return ctx.UsageError("import needs USER FILE", kUsage);
  const std::string user = args.positionals()[0], file = args.positionals()[1];
  std::string password;
  if (args.Flag("password-stdin")) std::getline(std::cin, password);
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto loaded = pdf::LoadSigningKeyFile(file, password, ctx.clock->Now());
  if (!loaded.ok()) return ctx.Fail(loaded.status().WithContext(file));
  SigningKeyInfo info = records::KeyInfoOf(*loaded);
  auto stored = (*engine)->ImportSigningKey(args.GetOr("as", ""), user, info);
  if (!stored.ok()) return ctx.Fail(stored.status());
  if (ctx.json)
    PrintJson(ctx, views::SigningKeyJson(*stored));
  else
    PrintKey(*ctx.out, *stored);
  return kExitOk;
}

int List(CliContext& ctx) {
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto keys = (*engine)->ListSigningKeys();
  if (!keys.ok()) return ctx.Fail(keys.status());
  Json out = Json::Array();
  for (const auto& k : *keys) {
    out.Push(views::SigningKeyJson(k));
    if (!ctx.json) PrintKey(*ctx.out, k);
  }
  if (ctx.json) PrintJson(ctx, out);
  return kExitOk;
}

}  // namespace

int RunKeysCommand(CliContext& ctx, const Args& in) {
  if (in.Head().empty() || in.WantsHelp()) {
    *(in.WantsHelp() ? ctx.out : ctx.err) << kUsage;
    return in.WantsHelp() ? kExitOk : kExitUsage;
  }
  Args args = in.Tail();
  std::string err = args.Parse({"as"}, {"json", "password-stdin"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  if (in.Head() == "import") return Import(ctx, args);
  if (in.Head() == "list") return List(ctx);
  return ctx.UsageError("unknown subcommand 'keys " + in.Head() + "'", kUsage);
}

}  // namespace erflow::cli
