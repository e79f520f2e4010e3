// Records through the HTTP API: commands issue signed records as the CLI's do; the list,
// the PDF byte for byte, the preview a supervisor sees before signing (changes nothing),
// dossiers and registers for those allowed to export, and verification of an uploaded
// PDF with each check's verdict (a tampered copy fails both).
#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

// The network-security report (001 附件二) with every required field.
Json Report() {
  auto j = ParseJson(R"({"title": "政务平台遭勒索病毒", "reported_at": "2025-09-30T08:55:00+08:00",
    "unit_name": "县数据局", "reporter": "张伟", "phone": "0355-1", "info_source": "monitoring",
    "system_name": "政务服务平台", "system_purpose": "网上受理", "responsible_department": "信息科",
    "responsible_person": "王芳", "discovered_at": "2025-09-30T08:40:00+08:00", "place": "机房",
    "category": "harmful_program", "description": "服务器被加密", "measures_taken": "断网隔离",
    "scope": "全县", "duty_phone": "0355-2"})",
                     "report");
  REQUIRE(j.ok());
  return *j;
}

std::string Tampered(std::string pdf) {
  const auto at = pdf.find("/CreationDate(D:");
  REQUIRE(at != std::string::npos);
  char& digit = pdf[at + 16 + 7];
  digit = digit == '1' ? '2' : '1';
  return pdf;
}

}  // namespace

TEST_CASE("api: records issued, listed, previewed, exported and verified", "[api][records]") {
  ApiWorld world;
  // The command office and the command of the network-security plan, and signing keys
  // from the demo CA for everyone whose act issues or exports a record.
  for (auto [name, role, unit] : std::vector<std::tuple<const char*, const char*, const char*>>{
           {"nsclerk", "clerk", "city-command-office"}, {"nsboss", "supervisor", "city-command"}}) {
    REQUIRE(world.Cli({"users", "add", name, "--role", role, "--unit", unit}).exit_code == 0);
    REQUIRE(world.Cli({"users", "password", name}, ApiWorld::Password(name)).exit_code == 0);
  }
  REQUIRE_FALSE(DemoCaDir().empty());
  for (auto [user, p12] :
       std::vector<std::pair<const char*, const char*>>{{"clerk1", "reporter.p12"},
                                                        {"nsboss", "supervisor.p12"},
                                                        {"archivist1", "supervisor2.p12"}})
    REQUIRE(world
                .Cli({"keys", "import", user, DemoCaDir() + "/" + p12, "--password-stdin"},
                     std::string(kDemoKeyPassword) + "\n")
                .exit_code == 0);
  ApiClient clerk = world.As("clerk1"), office = world.As("nsclerk"), boss = world.As("nsboss"),
            archivist = world.As("archivist1"), other = world.As("otherclerk");

  // The report issues its record, signed by the reporter, through the API.
  auto opened =
      clerk.Post("/api/v1/cases", Obj({{"plan", Json("network-security")}, {"form", Report()}}));
  INFO(opened.body);
  REQUIRE(opened.status == 201);
  const int64_t id = opened.json().GetInt("case");
  const std::string path = "/api/v1/cases/" + std::to_string(id);
  auto list = clerk.Get(path + "/records");
  REQUIRE(list.status == 200);
  REQUIRE(list.json()["records"].size() == 1);
  const Json rec = list.json()["records"].items()[0];
  CHECK(rec.GetString("kind") == "incident-report");
  auto file = clerk.Get(path + "/records/report");
  REQUIRE(file.status == 200);
  CHECK(file.header("Content-Type") == "application/pdf");
  CHECK(file.body.compare(0, 5, "%PDF-") == 0);
  CHECK(file.header("X-Erflow-Sha256") == rec.GetString("sha256"));
  CHECK(other.Get(path + "/records").status == 403);
  CHECK(other.Get(path + "/records/report").status == 403);
  CHECK(clerk.Get(path + "/records/assess").status == 404);

  // The assessment awaits the command's confirmation: the preview shows what it signs.
  auto submitted = world.Act(office, id, "assess", "submit",
                             Obj({{"form", Obj({{"nature", Json("genuine")},
                                                {"details", Json("d")},
                                                {"category", Json("harmful_program")},
                                                {"outage_minutes", Json(10)},
                                                {"people_affected", Json(10)},
                                                {"loss_wan", Json(1)},
                                                {"threat", Json("threat")}})}}));
  INFO(submitted.body);
  REQUIRE(submitted.status == 200);
  const int64_t version = world.Case(boss, id).GetInt("version");
  auto preview = boss.Post(path + "/record-preview",
                           Obj({{"task", Json("assess")}, {"form", Obj({{"level", Json("IV")}})}}));
  INFO(preview.body.substr(0, 300));
  REQUIRE(preview.status == 200);
  CHECK(preview.header("Content-Type") == "application/pdf");
  CHECK(preview.body.compare(0, 5, "%PDF-") == 0);
  CHECK(preview.body.find("/ByteRange") == std::string::npos);  // not signed
  CHECK(world.Case(boss, id).GetInt("version") == version);     // nothing changed
  auto bad = boss.Post(path + "/record-preview",
                       Obj({{"task", Json("assess")}, {"form", Obj({{"level", Json(4)}})}}));
  CHECK(bad.status == 422);
  CHECK(bad.json()["fields"].Has("level"));
  CHECK(boss.Post(path + "/record-preview", Obj({{"task", Json("report")}})).status == 409);
  CHECK(other.Post(path + "/record-preview", Obj({{"task", Json("assess")}})).status == 403);
  auto approved =
      world.Act(boss, id, "assess", "approve", Obj({{"form", Obj({{"level", Json("IV")}})}}));
  INFO(approved.body);
  REQUIRE(approved.status == 200);
  CHECK(clerk.Get(path + "/records").json()["records"].size() == 2);

  // Dossier and register for those who may export; each goes into the export log.
  CHECK(clerk.Get(path + "/dossier").status == 403);
  auto dossier = archivist.Get(path + "/dossier");
  REQUIRE(dossier.status == 200);
  CHECK(dossier.body.compare(0, 5, "%PDF-") == 0);
  CHECK(dossier.header("X-Erflow-Signed") == "true");
  CHECK(dossier.header("Content-Disposition").find("dossier-case-") != std::string::npos);
  auto reg = archivist.Get("/api/v1/register?from=2025-09-01&to=2025-09-30&lang=en");
  REQUIRE(reg.status == 200);
  CHECK(reg.body.compare(0, 2, "PK") == 0);
  CHECK(reg.header("X-Erflow-Cases") == "1");
  CHECK(archivist.Get("/api/v1/register?from=2025-9-1&to=2025-09-30").status == 422);
  CHECK(archivist.Get("/api/v1/register?from=2025-09-30&to=2025-09-01").status == 422);
  CHECK(clerk.Get("/api/v1/register?from=2025-09-01&to=2025-09-30").status == 403);

  // Verification: the record and the dossier pass; a tampered dossier fails both checks.
  auto verify = [&](const std::string& pdf) {
    auto r =
        clerk.Request("POST", "/api/v1/records/verify", pdf, {{"Content-Type", "application/pdf"}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json();
  };
  Json v = verify(file.body);
  CHECK(v.GetBool("ok"));
  CHECK(v["history"]["held_by"].size() == 1);
  CHECK(verify(dossier.body).GetBool("ok"));
  v = verify(Tampered(dossier.body));
  CHECK_FALSE(v.GetBool("ok"));
  CHECK_FALSE(v["signatures"].GetBool("ok"));
  CHECK_FALSE(v["history"].GetBool("ok"));
  CHECK(v["failed"].size() == 2);
  CHECK(clerk
            .Request("POST", "/api/v1/records/verify", "not a pdf",
                     {{"Content-Type", "application/pdf"}})
            .status == 422);
}

TEST_CASE("api: a PDF above max_body_bytes is still taken for verification", "[api][records]") {
  ApiWorld world("server.max_body_bytes = 1024\n");
  ApiClient clerk = world.As("clerk1");
  const std::string pdf = "%PDF-1.7\n" + std::string(4096, 'x');
  auto r =
      clerk.Request("POST", "/api/v1/records/verify", pdf, {{"Content-Type", "application/pdf"}});
  INFO(r.body);
  CHECK(r.status != 413);
  // JSON endpoints keep the small limit.
  CHECK(clerk.Request("POST", "/api/v1/cases", "{\"plan\": \"" + std::string(2048, 'x') + "\"}")
            .status == 413);
}
