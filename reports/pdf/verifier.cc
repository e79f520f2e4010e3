// VerifyPdf; see erflow/reports/pdf/verifier.h.
#include "erflow/reports/pdf/verifier.h"

#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>

#include "erflow/time_format.h"
#include "pdf/openssl_util.h"
#include "pdf/signature_scanner.h"

namespace erflow::pdf {
namespace {

// "D:20251014170000+08'00'" -> Instant (only the complete form PDF writers use).
std::optional<Instant> ParsePdfDate(const std::string& d) {
  if (d.size() < 16 || d.compare(0, 2, "D:") != 0) return std::nullopt;
  std::string iso = d.substr(2, 4) + "-" + d.substr(6, 2) + "-" + d.substr(8, 2) + "T" +
                    d.substr(10, 2) + ":" + d.substr(12, 2) + ":" + d.substr(14, 2);
  const std::string zone = d.substr(16);
  if (zone.empty() || zone[0] == 'Z') {
    iso += "Z";
  } else if (zone.size() >= 3) {
    iso += zone.substr(0, 3) + ":" + (zone.size() >= 6 ? zone.substr(4, 2) : "00");
  }
  auto t = ParseTimestamp(iso);
  if (!t.ok()) return std::nullopt;
  return *t;
}

std::optional<Instant> CmsSigningTime(CMS_SignerInfo* si) {
  const int at = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (at < 0) return std::nullopt;
  ASN1_TYPE* v = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, at), 0);
  if (v == nullptr || (v->type != V_ASN1_UTCTIME && v->type != V_ASN1_GENERALIZEDTIME)) {
    return std::nullopt;
  }
  return ossl::ToInstant(reinterpret_cast<const ASN1_TIME*>(v->value.asn1_string));
}

struct Span {
  size_t begin, end;
};

// Checks 1 (ByteRange). Returns the signed spans if they lie inside the file.
bool CheckByteRange(const RawSignature& raw, const std::string& pdf, SignatureVerification* v,
                    Span spans[2]) {
  const auto& br = raw.byte_range;
  const auto size = static_cast<int64_t>(pdf.size());
  if (!raw.byte_range_ok || br[0] != 0 || br[1] <= 0 || br[2] <= br[1] || br[3] < 0 ||
      br[2] + br[3] > size) {
    v->problems.push_back("ByteRange is malformed or points outside the file (" +
                          std::to_string(size) + " bytes)");
    return false;
  }
  spans[0] = {0, static_cast<size_t>(br[1])};
  spans[1] = {static_cast<size_t>(br[2]), static_cast<size_t>(br[2] + br[3])};
  bool ok = true;
  if (raw.contents_begin != spans[0].end || raw.contents_end != spans[1].begin) {
    v->problems.push_back("ByteRange hole [" + std::to_string(br[1]) + ", " +
                          std::to_string(br[2]) +
                          ") is not exactly the signature's /Contents: bytes outside the "
                          "signature are left unsigned");
    ok = false;
  }
  v->covers_whole_file = spans[1].end == pdf.size();
  if (!v->covers_whole_file && !EndsRevision(pdf, spans[1].end)) {
    v->problems.push_back("ByteRange ends at byte " + std::to_string(spans[1].end) +
                          ", which is neither the end of the file nor the end of a revision");
    ok = false;
  }
  v->byte_range_ok = ok;
  return true;
}

// Checks 2-4 on the CMS signature over `data`.
void CheckCms(const RawSignature& raw, const std::string& data, X509_STORE* store,
              SignatureVerification* v) {
  ossl::ClearErrors();
  const auto* p = reinterpret_cast<const unsigned char*>(raw.contents.data());
  ossl::Cms cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(raw.contents.size())));
  if (!cms || CMS_get0_SignerInfos(cms.get()) == nullptr ||
      sk_CMS_SignerInfo_num(CMS_get0_SignerInfos(cms.get())) < 1) {
    v->problems.push_back("/Contents is not a CMS (PKCS#7) signature");
    ossl::ClearErrors();
    return;
  }
  // The hole is not signed: after the signature it must hold nothing but zero padding,
  // or someone has written into it.
  const size_t used =
      static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(raw.contents.data()));
  if (raw.contents.find_first_not_of('\0', used) != std::string::npos) {
    v->byte_range_ok = false;
    v->problems.push_back("the unsigned padding after the signature in /Contents was changed");
  }
  CMS_set1_signers_certs(cms.get(), nullptr, 0);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  X509* signer = nullptr;
  X509_ALGOR* digest_alg = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, &signer, &digest_alg, nullptr);
  if (signer == nullptr) {
    v->problems.push_back("the signature does not carry the signer's certificate");
    return;
  }
  v->signer_cn = ossl::CommonName(signer);
  v->signer_dn = ossl::SubjectDn(signer);
  if (auto t = CmsSigningTime(si)) v->signing_time = t;

  if (CMS_signed_get_attr_count(si) > 0) {
    // Digest and signature checked apart, to tell "the file changed" from "forged".
    const ASN1_OBJECT* alg = nullptr;
    X509_ALGOR_get0(&alg, nullptr, nullptr, digest_alg);
    const EVP_MD* md = EVP_get_digestbyobj(alg);
    auto* expected = static_cast<ASN1_OCTET_STRING*>(CMS_signed_get0_data_by_OBJ(
        si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
    unsigned char got[EVP_MAX_MD_SIZE];
    unsigned got_len = 0;
    if (md == nullptr || expected == nullptr) {
      v->problems.push_back("the signature names no usable digest");
    } else if (EVP_Digest(data.data(), data.size(), got, &got_len, md, nullptr) == 1 &&
               static_cast<int>(got_len) == ASN1_STRING_length(expected) &&
               std::memcmp(got, ASN1_STRING_get0_data(expected), got_len) == 0) {
      v->digest_ok = true;
    } else {
      v->problems.push_back(std::string("digest mismatch: the signed bytes were changed after "
                                        "signing (") +
                            EVP_MD_get0_name(md) + ")");
    }
    v->signature_ok = CMS_SignerInfo_verify(si) == 1;
    if (!v->signature_ok) {
      v->problems.push_back("the signature value does not verify with the signer's key: " +
                            ossl::ErrorText());
    }
  } else {
    ossl::Bio in = ossl::MemoryBio(data);
    const bool ok = CMS_verify(cms.get(), nullptr, nullptr, in.get(), nullptr,
                               CMS_BINARY | CMS_DETACHED | CMS_NO_SIGNER_CERT_VERIFY) == 1;
    v->digest_ok = v->signature_ok = ok;
    if (!ok) v->problems.push_back("the signature does not verify: " + ossl::ErrorText());
  }

  ossl::StoreCtx ctx(X509_STORE_CTX_new());
  ossl::CertStack untrusted(CMS_get1_certs(cms.get()));
  X509_STORE_CTX_init(ctx.get(), store, signer, untrusted.get());
  if (v->signing_time) X509_STORE_CTX_set_time(ctx.get(), 0, v->signing_time->seconds);
  v->chain_ok = X509_verify_cert(ctx.get()) == 1;
  if (!v->chain_ok) {
    const int err = X509_STORE_CTX_get_error(ctx.get());
    ossl::Bio bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), X509_get_issuer_name(signer), 0,
                       XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    const std::string issuer = ossl::BioContents(bio.get());
    const bool foreign = err == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN ||
                         err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
                         err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
                         err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT;
    v->problems.push_back(
        std::string("bad certificate chain: ") +
        (foreign ? "the signer's certificate is not issued by the given CA"
                 : X509_verify_cert_error_string(err)) +
        " (signer \"" + v->signer_dn + "\", issued by \"" + issuer +
        "\"; checked at the signing time; OpenSSL: " + X509_verify_cert_error_string(err) + ")");
  }
  ossl::ClearErrors();
}

}  // namespace

bool VerificationReport::ok() const {
  if (!problems.empty() || signatures.empty()) return false;
  for (const auto& s : signatures) {
    if (!s.ok()) return false;
  }
  return true;
}

std::string VerificationReport::Describe() const {
  std::string out;
  for (size_t i = 0; i < signatures.size(); ++i) {
    const SignatureVerification& s = signatures[i];
    out += "signature " + std::to_string(i + 1);
    if (!s.field_name.empty()) out += " (" + s.field_name + ")";
    out += s.ok() ? ": valid" : ": INVALID";
    out += " — signer " + (s.signer_cn.empty() ? std::string("unknown") : s.signer_cn);
    if (s.signing_time) out += ", signed " + FormatChineseDateTime(*s.signing_time);
    if (!s.reason.empty()) out += ", reason: " + s.reason;
    out += s.covers_whole_file
               ? "; covers the whole file"
               : "; covers bytes 0–" + std::to_string(s.byte_range[2] + s.byte_range[3]) +
                     " (an earlier revision)";
    out += "\n";
    for (const auto& p : s.problems) out += "  - " + p + "\n";
  }
  for (const auto& p : problems) out += "file: " + p + "\n";
  return out;
}

Result<VerificationReport> VerifyPdf(const std::string& pdf, const std::string& ca_pem) {
  ossl::ClearErrors();
  ossl::Store store(X509_STORE_new());
  int anchors = 0;
  {
    ossl::Bio in = ossl::MemoryBio(ca_pem);
    while (X509* c = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
      X509_STORE_add_cert(store.get(), c);
      X509_free(c);
      ++anchors;
    }
    ossl::ClearErrors();
  }
  if (anchors == 0) return Status::InvalidArgument("no CA certificate found in the CA PEM");
  // Every certificate given is a trust anchor, also an intermediate without its root.
  X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);

  VerificationReport report;
  report.file_size = pdf.size();
  if (pdf.compare(0, 5, "%PDF-") != 0) {
    report.problems.push_back("not a PDF file");
    return report;
  }
  std::vector<RawSignature> raws = ScanSignatures(pdf);
  std::stable_sort(raws.begin(), raws.end(), [](const RawSignature& a, const RawSignature& b) {
    return a.byte_range[2] + a.byte_range[3] < b.byte_range[2] + b.byte_range[3];
  });
  size_t covered = 0;
  for (const RawSignature& raw : raws) {
    SignatureVerification v;
    v.field_name = raw.field_name;
    v.name = raw.name;
    v.reason = raw.reason;
    v.location = raw.location;
    v.sub_filter = raw.sub_filter;
    v.byte_range = raw.byte_range;
    v.signing_time = ParsePdfDate(raw.m);
    Span spans[2];
    if (CheckByteRange(raw, pdf, &v, spans)) {
      covered = std::max(covered, spans[1].end);
      std::string data;
      data.reserve(spans[0].end + spans[1].end - spans[1].begin);
      data.append(pdf, spans[0].begin, spans[0].end - spans[0].begin);
      data.append(pdf, spans[1].begin, spans[1].end - spans[1].begin);
      CheckCms(raw, data, store.get(), &v);
    }
    report.signatures.push_back(std::move(v));
  }
  if (raws.empty()) {
    report.problems.push_back("not signed: the file holds no signature");
  } else if (covered < pdf.size()) {
    report.problems.push_back("ByteRange does not cover the file: bytes " +
                              std::to_string(covered) + "–" + std::to_string(pdf.size()) +
                              " were added after the last signature");
  }
  return report;
}

}  // namespace erflow::pdf
