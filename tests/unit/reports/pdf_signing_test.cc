// Signing keys, signatures and verification, checked with poppler's pdfsig (read its
// output: it exits 0 even for "Digest Mismatch.") and with VerifyPdf. The keys come from
// scripts/make-demo-ca, run once into a temporary folder.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "erflow/reports/pdf/digest.h"
#include "erflow/reports/pdf/renderer.h"
#include "erflow/reports/pdf/signer.h"
#include "erflow/reports/pdf/signing_key.h"
#include "erflow/reports/pdf/verifier.h"
#include "erflow/sha256.h"
#include "pdf_sample_records.h"
#include "pdf_test_env.h"

using namespace erflow;
using namespace erflow::pdf;
using testenv::CaFile;
using testenv::Count;
using testenv::Font;
using testenv::OnPdf;

namespace {

const Instant kNow = sample::kReportTime;

SigningKey Key(const std::string& name) {
  auto k = LoadSigningKeyFile(CaFile(name + ".p12"), "erflow-demo", kNow);
  if (!k.ok()) FAIL(k.status().ToString());
  return *k;
}

std::string Unsigned() {
  static const std::string pdf = [] {
    auto p = RenderRecordPdf(sample::TwoPageReport(), Font());
    if (!p.ok()) FAIL(p.status().ToString());
    return *p;
  }();
  return pdf;
}

std::string Sign(const std::string& pdf, const std::string& who, const std::string& reason,
                 Instant when = kNow) {
  SignatureRequest req;
  req.reason = reason;
  req.location = "某县信息网络中心";
  req.signing_time = when;
  auto s = SignPdf(pdf, Key(who), req);
  if (!s.ok()) FAIL(s.status().ToString());
  return *s;
}

VerificationReport Verify(const std::string& pdf, const std::string& ca = "ca.pem") {
  auto r = VerifyPdf(pdf, test::ReadFile(CaFile(ca)));
  if (!r.ok()) FAIL(r.status().ToString());
  return *r;
}

// Changes one character of the document information (inside every signed range).
std::string Tampered(std::string pdf) {
  const size_t at = pdf.find("erflow with PoDoFo");
  REQUIRE(at != std::string::npos);
  pdf[at] = 'E';
  return pdf;
}

}  // namespace

TEST_CASE("signing keys load from PKCS#12 and PEM with clear errors", "[pdf]") {
  const SigningKey reporter = Key("reporter");
  CHECK(reporter.subject_cn == "张伟");
  CHECK(reporter.subject_dn.find("CN=张伟") != std::string::npos);
  CHECK(reporter.certificate_pem.find("BEGIN CERTIFICATE") != std::string::npos);
  CHECK(reporter.private_key_pem.find("BEGIN PRIVATE KEY") != std::string::npos);
  REQUIRE(reporter.chain_pems.size() == 1);
  CHECK(reporter.chain_pems[0] == test::ReadFile(CaFile("ca.pem")));

  // Issued by the sub CA: the chain comes back issuer first.
  const SigningKey sup2 = Key("supervisor2");
  CHECK(sup2.subject_cn == "李强");
  REQUIRE(sup2.chain_pems.size() == 2);
  CHECK(sup2.chain_pems[0] == test::ReadFile(CaFile("sub-ca.pem")));
  CHECK(sup2.chain_pems[1] == test::ReadFile(CaFile("ca.pem")));

  auto wrong = LoadSigningKeyFile(CaFile("reporter.p12"), "guess", kNow);
  CHECK(wrong.status().code() == Status::Code::kInvalidArgument);
  CHECK_THAT(wrong.status().message(), Catch::Contains("wrong password"));

  auto expired = LoadSigningKeyFile(CaFile("expired.p12"), "erflow-demo", kNow);
  CHECK(expired.status().code() == Status::Code::kForbidden);
  CHECK_THAT(expired.status().message(), Catch::Contains("expired on 2021年01月01日"));
  // The same certificate was fine while it was valid.
  CHECK(LoadSigningKeyFile(CaFile("expired.p12"), "erflow-demo", Instant{1590969600}).ok());

  // PEM: certificate, key and chain in one text, in any order.
  const std::string bundle = test::ReadFile(CaFile("supervisor2.chain.pem")) +
                             test::ReadFile(CaFile("supervisor2.key.pem")) +
                             test::ReadFile(CaFile("supervisor2.cert.pem"));
  auto pem = LoadSigningKeyFromPem(bundle, "", kNow);
  REQUIRE(pem.ok());
  CHECK(pem->subject_cn == "李强");
  CHECK(pem->chain_pems.size() == 1);

  auto mismatch = LoadSigningKeyFromPem(
      test::ReadFile(CaFile("reporter.cert.pem")) + test::ReadFile(CaFile("supervisor.key.pem")),
      "", kNow);
  CHECK_THAT(mismatch.status().message(), Catch::Contains("does not match"));
  CHECK_THAT(LoadSigningKeyFromPem(test::ReadFile(CaFile("reporter.cert.pem")), "", kNow)
                 .status()
                 .message(),
             Catch::Contains("no private key"));
  // An encrypted private key opens with its password only.
  test::TempDir dir;
  const auto enc = test::RunShell("openssl pkcs8 -topk8 -v2 aes-256-cbc -passout pass:geheim -in " +
                                  test::ShellQuote(CaFile("supervisor.key.pem")) + " -out " +
                                  test::ShellQuote(dir.File("enc.pem")));
  REQUIRE(enc.exit_code == 0);
  const std::string enc_bundle =
      test::ReadFile(CaFile("supervisor.cert.pem")) + test::ReadFile(dir.File("enc.pem"));
  CHECK(LoadSigningKeyFromPem(enc_bundle, "geheim", kNow).ok());
  CHECK_THAT(LoadSigningKeyFromPem(enc_bundle, "wrong", kNow).status().message(),
             Catch::Contains("wrong password for the encrypted private key"));
  CHECK_THAT(LoadSigningKeyFromPem(test::ReadFile(CaFile("expired.cert.pem")) +
                                       test::ReadFile(CaFile("expired.key.pem")),
                                   "", kNow)
                 .status()
                 .message(),
             Catch::Contains("expired"));
  CHECK_THAT(LoadSigningKeyFromPkcs12("junk", "", kNow).status().message(),
             Catch::Contains("not a PKCS#12"));
  CHECK(LoadSigningKeyFile("/nonexistent.p12", "", kNow).status().code() ==
        Status::Code::kNotFound);
}

TEST_CASE("one signature: pdfsig and VerifyPdf say valid", "[pdf]") {
  const std::string original = Unsigned();
  const std::string pdf = Sign(original, "reporter", "报告属实");
  // An incremental update: the unsigned file is kept byte for byte.
  CHECK(pdf.compare(0, original.size(), original) == 0);

  auto sig = OnPdf(pdf, "pdfsig");
  INFO(sig.out << sig.err);
  CHECK(Count(sig.out, "Signature is Valid.") == 1);
  CHECK(sig.out.find("Signer Certificate Common Name: 张伟") != std::string::npos);
  CHECK(sig.out.find("SHA-256") != std::string::npos);
  CHECK(sig.out.find("adbe.pkcs7.detached") != std::string::npos);
  CHECK(sig.out.find("Total document signed") != std::string::npos);

  const VerificationReport report = Verify(pdf);
  INFO(report.Describe());
  CHECK(report.ok());
  REQUIRE(report.signatures.size() == 1);
  const SignatureVerification& v = report.signatures[0];
  CHECK(v.field_name == "Signature1");
  CHECK(v.signer_cn == "张伟");
  CHECK(v.name == "张伟");
  CHECK(v.reason == "报告属实");
  CHECK(v.location == "某县信息网络中心");
  CHECK(v.sub_filter == "adbe.pkcs7.detached");
  REQUIRE(v.signing_time.has_value());
  CHECK(*v.signing_time == kNow);
  CHECK(v.covers_whole_file);

  CHECK(OnPdf(pdf, "qpdf --check").exit_code == 0);
  CHECK(OnPdf(pdf, "pdffonts").out.find("yes yes yes") != std::string::npos);
}

TEST_CASE("a second signature is an incremental update and both verify", "[pdf]") {
  const std::string first = Sign(Unsigned(), "reporter", "报告属实");
  const std::string both = Sign(first, "supervisor2", "审核同意", kNow.Plus(1800));
  CHECK(both.compare(0, first.size(), first) == 0);

  auto sig = OnPdf(both, "pdfsig");
  INFO(sig.out << sig.err);
  CHECK(Count(sig.out, "Signature is Valid.") == 2);
  CHECK(sig.out.find("Digest Mismatch") == std::string::npos);
  CHECK(sig.out.find("Common Name: 张伟") < sig.out.find("Common Name: 李强"));

  const VerificationReport report = Verify(both);
  INFO(report.Describe());
  CHECK(report.ok());
  REQUIRE(report.signatures.size() == 2);
  CHECK(report.signatures[0].signer_cn == "张伟");
  CHECK_FALSE(report.signatures[0].covers_whole_file);  // it signed the first revision
  CHECK(report.signatures[0].byte_range[2] + report.signatures[0].byte_range[3] ==
        static_cast<int64_t>(first.size()));
  CHECK(report.signatures[1].signer_cn == "李强");  // chained through the sub CA
  CHECK(report.signatures[1].field_name == "Signature2");
  CHECK(report.signatures[1].covers_whole_file);
  CHECK(OnPdf(both, "qpdf --check").exit_code == 0);

  SignatureRequest again;
  again.field_name = "Signature1";
  again.signing_time = kNow;
  CHECK(SignPdf(both, Key("supervisor"), again).status().code() == Status::Code::kConflict);
}

TEST_CASE("a one-byte change is reported by pdfsig and by VerifyPdf", "[pdf]") {
  const std::string both = Sign(Sign(Unsigned(), "reporter", "报告属实"), "supervisor", "同意");
  const std::string bad = Tampered(both);
  REQUIRE(bad.size() == both.size());

  auto sig = OnPdf(bad, "pdfsig");
  INFO(sig.out << sig.err);
  CHECK(sig.exit_code == 0);  // pdfsig exits 0 either way: its output is what counts
  CHECK(Count(sig.out, "Signature is Valid.") == 0);
  CHECK(Count(sig.out, "Digest Mismatch.") == 2);

  const VerificationReport report = Verify(bad);
  INFO(report.Describe());
  CHECK_FALSE(report.ok());
  REQUIRE(report.signatures.size() == 2);
  for (const auto& v : report.signatures) {
    CHECK_FALSE(v.digest_ok);
    CHECK(v.signature_ok);  // the signed attributes are intact; the document is not
    CHECK(v.chain_ok);
    CHECK_THAT(v.problems.at(0), Catch::Contains("digest mismatch"));
  }
  CHECK(report.Describe().find("INVALID") != std::string::npos);

  // A changed byte inside the signature itself breaks the signature value instead.
  std::string hole = both;
  const size_t contents = hole.rfind("/Contents<") + 10 + 700;
  hole[contents] = hole[contents] == 'A' ? 'B' : 'A';
  const VerificationReport r2 = Verify(hole);
  CHECK_FALSE(r2.ok());
  CHECK_FALSE(r2.signatures.back().ok());

  // So does writing into the zero padding that follows the signature in the hole.
  std::string pad = both;
  const size_t end = pad.find('>', pad.rfind("/Contents<"));
  REQUIRE(pad[end - 1] == '0');
  pad[end - 1] = '1';
  const VerificationReport r3 = Verify(pad);
  CHECK_FALSE(r3.ok());
  CHECK_THAT(r3.Describe(), Catch::Contains("padding"));
}

TEST_CASE("a certificate from another CA fails the chain check", "[pdf]") {
  const std::string pdf = Sign(Unsigned(), "outsider", "代签");
  const VerificationReport report = Verify(pdf);
  INFO(report.Describe());
  CHECK_FALSE(report.ok());
  REQUIRE(report.signatures.size() == 1);
  const SignatureVerification& v = report.signatures[0];
  CHECK(v.digest_ok);
  CHECK(v.signature_ok);
  CHECK_FALSE(v.chain_ok);
  CHECK_THAT(v.problems.at(0), Catch::Contains("not issued by the given CA"));
  CHECK_THAT(v.problems.at(0), Catch::Contains("外单位"));

  // And the reporter's signature fails against the unrelated CA, passes against its own.
  const std::string ours = Sign(Unsigned(), "reporter", "报告属实");
  CHECK_FALSE(Verify(ours, "other-ca.pem").signatures.at(0).chain_ok);
  CHECK(Verify(ours, "ca.pem").ok());
  // Trusting only the sub CA (no root) is enough for what it issued.
  CHECK(Verify(Sign(Unsigned(), "supervisor2", "同意"), "sub-ca.pem").ok());
  CHECK(VerifyPdf(ours, "no certificate here").status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("unsigned files and bytes added after signing are reported", "[pdf]") {
  const VerificationReport none = Verify(Unsigned());
  CHECK_FALSE(none.ok());
  CHECK(none.signatures.empty());
  CHECK_THAT(none.problems.at(0), Catch::Contains("not signed"));

  const std::string signed_pdf = Sign(Unsigned(), "reporter", "报告属实");
  const VerificationReport appended = Verify(signed_pdf + "% appended later\n");
  INFO(appended.Describe());
  CHECK_FALSE(appended.ok());
  CHECK(appended.signatures.at(0).digest_ok);
  CHECK_THAT(appended.problems.at(0), Catch::Contains("ByteRange does not cover the file"));

  CHECK_THAT(Verify("hello").problems.at(0), Catch::Contains("not a PDF"));
  CHECK(SignPdf("hello", Key("reporter"), {}).status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("SHA-256 of records for the case history", "[pdf]") {
  const std::string pdf = Sign(Unsigned(), "reporter", "报告属实");
  test::TempDir dir;
  test::WriteFile(dir.File("r.pdf"), pdf);
  auto file = Sha256HexOfFile(dir.File("r.pdf"));
  REQUIRE(file.ok());
  CHECK(*file == erflow::Sha256Hex(pdf));
  CHECK(*file == test::RunShell("sha256sum " + dir.File("r.pdf")).out.substr(0, 64));
  CHECK(Sha256HexOfFile(dir.File("missing.pdf")).status().code() == Status::Code::kNotFound);
}

TEST_CASE("records render, sign and verify on several threads at once", "[pdf]") {
  const SigningKey key = Key("supervisor");
  const std::string ca = test::ReadFile(CaFile("ca.pem"));
  constexpr int kThreads = 4, kEach = 3;
  std::vector<std::string> errors(kThreads);  // Catch2 assertions stay on this thread
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach && errors[t].empty(); ++i) {
        RecordDocument r = sample::TwoPageReport();
        r.document_number = "ER-T" + std::to_string(t) + "-" + std::to_string(i);
        auto pdf = RenderRecordPdf(r, Font());
        if (!pdf.ok()) {
          errors[t] = pdf.status().ToString();
          break;
        }
        SignatureRequest req;
        req.reason = "并发";
        req.signing_time = kNow;
        auto signed_pdf = SignPdf(*pdf, key, req);
        if (!signed_pdf.ok()) {
          errors[t] = signed_pdf.status().ToString();
          break;
        }
        auto report = VerifyPdf(*signed_pdf, ca);
        if (!report.ok() || !report->ok()) errors[t] = "does not verify";
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& e : errors) CHECK(e.empty());
}

TEST_CASE("damaged signed files are reported, never crash the verifier", "[pdf]") {
  const std::string pdf = Sign(Sign(Unsigned(), "reporter", "报告属实"), "supervisor", "同意");
  const std::string ca = test::ReadFile(CaFile("ca.pem"));
  for (size_t k = 1; k <= 40; ++k) {
    const size_t at = pdf.size() * k / 41;
    std::string cut = pdf.substr(0, at);
    auto r = VerifyPdf(cut, ca);
    REQUIRE(r.ok());
    CHECK_FALSE(r->ok());
    std::string flipped = pdf;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
    r = VerifyPdf(flipped, ca);
    REQUIRE(r.ok());
    CHECK_FALSE(r->ok());
  }
}
