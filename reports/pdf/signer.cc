// SignPdf; see erflow/reports/pdf/signer.h. The PoDoFo steps follow Debian's podofosign
// (libpodofo-utils): an AcroForm with SigFlags 3, an invisible widget, a signature field,
// PdfSignOutputDevice reserving the /Contents hole, WriteUpdate (an incremental update),
// AdjustByteRange, then the CMS signature over the ByteRange written into the hole.
#include "erflow/reports/pdf/signer.h"

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <podofo/podofo.h>

#include <set>

#include "pdf/document_writer.h"
#include "pdf/openssl_util.h"
#include "pdf/podofo_error.h"

namespace erflow::pdf {
namespace {

using namespace PoDoFo;

struct ParsedKey {
  ossl::Cert cert;
  ossl::Pkey key;
  ossl::CertStack chain{sk_X509_new_null()};
  size_t cert_bytes = 0;  // DER size of certificate and chain, to size the hole
};

Result<ParsedKey> Parse(const SigningKey& k) {
  ParsedKey p;
  {
    ossl::Bio in = ossl::MemoryBio(k.certificate_pem);
    p.cert.reset(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
  }
  {
    ossl::Bio in = ossl::MemoryBio(k.private_key_pem);
    p.key.reset(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
  }
  if (!p.cert || !p.key) {
    return Status::InvalidArgument("signing key: unreadable certificate or private key PEM: " +
                                   ossl::ErrorText());
  }
  if (X509_check_private_key(p.cert.get(), p.key.get()) != 1) {
    ossl::ClearErrors();
    return Status::InvalidArgument("signing key: the private key does not match the certificate");
  }
  p.cert_bytes = static_cast<size_t>(i2d_X509(p.cert.get(), nullptr));
  for (const std::string& pem : k.chain_pems) {
    ossl::Bio in = ossl::MemoryBio(pem);
    ossl::Cert c(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
    if (!c) return Status::InvalidArgument("signing key: unreadable chain certificate");
    // A root is the verifier's trust anchor, which it has already: leave it out and
    // save ~2 KB of hex per signature.
    if ((X509_get_extension_flags(c.get()) & EXFLAG_SS) != 0) continue;
    p.cert_bytes += static_cast<size_t>(i2d_X509(c.get(), nullptr));
    sk_X509_push(p.chain.get(), c.release());
  }
  return p;
}

// A detached CMS SignedData (SHA-256) over `data`, with a signingTime attribute of `t`.
Result<std::string> CmsSign(const std::string& data, const ParsedKey& k, Instant t) {
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP;
  ossl::Cms cms(CMS_sign(nullptr, nullptr, k.chain.get(), nullptr, flags | CMS_PARTIAL));
  if (!cms) return Status::InvalidArgument("CMS_sign: " + ossl::ErrorText());
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), k.cert.get(), k.key.get(), EVP_sha256(), flags);
  if (si == nullptr) return Status::InvalidArgument("CMS_add1_signer: " + ossl::ErrorText());
  // Our time, not the machine's: the caller's Clock decides when a record was signed.
  std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> when(
      ASN1_TIME_set(nullptr, static_cast<time_t>(t.seconds)), &ASN1_TIME_free);
  if (!when ||
      CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when.get(), -1) != 1) {
    return Status::InvalidArgument("adding signingTime: " + ossl::ErrorText());
  }
  ossl::Bio in = ossl::MemoryBio(data);
  if (CMS_final(cms.get(), in.get(), nullptr, flags) != 1) {
    return Status::InvalidArgument("CMS_final: " + ossl::ErrorText());
  }
  ossl::Bio out(BIO_new(BIO_s_mem()));
  if (i2d_CMS_bio(out.get(), cms.get()) != 1) {
    return Status::InvalidArgument("encoding the CMS signature: " + ossl::ErrorText());
  }
  return ossl::BioContents(out.get());
}

PdfString Utf8(const std::string& s) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

// Names of the fields already in the form, to pick a free "Signature<n>".
std::set<std::string> FieldNames(PdfMemDocument* doc, PdfAcroForm* form) {
  std::set<std::string> names;
  PdfObject* fields = form->GetObject()->GetIndirectKey("Fields");
  if (fields == nullptr || !fields->IsArray()) return names;
  for (const PdfObject& item : fields->GetArray()) {
    const PdfObject* field =
        item.IsReference() ? doc->GetObjects().GetObject(item.GetReference()) : &item;
    if (field == nullptr || !field->IsDictionary()) continue;
    const PdfObject* t = field->GetDictionary().GetKey("T");
    if (t != nullptr && t->IsString()) names.insert(t->GetString().GetStringUtf8());
  }
  return names;
}

}  // namespace

Result<std::string> SignPdf(const std::string& pdf, const SigningKey& key,
                            const SignatureRequest& req) {
  ossl::ClearErrors();
  ERFLOW_ASSIGN_OR_RETURN(ParsedKey k, Parse(key));
  if (pdf.compare(0, 5, "%PDF-") != 0) return Status::InvalidArgument("not a PDF file");
  std::string out;
  Status st = CatchPodofo("signing PDF", Status::Code::kInvalidArgument, [&]() -> Status {
    PdfMemDocument doc;
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), /*bForUpdate=*/true);
    if (doc.GetPageCount() == 0) return Status::InvalidArgument("the PDF has no page to sign");
    // PoDoFo stamps the machine's time as /ModDate of a loaded document; the signing time
    // is the one the caller's Clock gave.
    doc.GetInfo()->GetObject()->GetDictionary().AddKey("ModDate",
                                                       PdfString(PdfDateString(req.signing_time)));
    // No default appearance: it would add an unembedded Helvetica to the form.
    PdfAcroForm* form = doc.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
    form->GetObject()->GetDictionary().AddKey("SigFlags", PdfObject(static_cast<pdf_int64>(3)));

    const std::set<std::string> taken = FieldNames(&doc, form);
    std::string name = req.field_name;
    if (name.empty()) {
      for (size_t n = taken.size() + 1; name.empty() || taken.count(name); ++n) {
        name = "Signature" + std::to_string(n);
      }
    } else if (taken.count(name)) {
      return Status::Conflict("the PDF already has a field named \"" + name + "\"");
    }

    PdfAnnotation* widget = doc.GetPage(0)->CreateAnnotation(ePdfAnnotation_Widget, PdfRect());
    widget->SetFlags(static_cast<EPdfAnnotationFlags>(ePdfAnnotationFlags_Invisible |
                                                      ePdfAnnotationFlags_Hidden));
    PdfSignatureField field(widget, form, &doc);
    field.SetFieldName(Utf8(name));
    field.EnsureSignatureObject();
    PdfDictionary& sig = field.GetSignatureObject()->GetDictionary();
    sig.AddKey("Name", Utf8(req.signer_name.empty() ? key.subject_cn : req.signer_name));
    if (!req.reason.empty()) sig.AddKey("Reason", Utf8(req.reason));
    if (!req.location.empty()) sig.AddKey("Location", Utf8(req.location));
    if (!req.contact_info.empty()) sig.AddKey("ContactInfo", Utf8(req.contact_info));
    sig.AddKey("M", PdfString(PdfDateString(req.signing_time)));

    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    PdfSignOutputDevice signer(&device);
    // The hole holds the CMS DER: the certificates, one signature value and ~300 bytes
    // of structure (signed attributes, the issuer's name); it is written in hex, so every
    // spare byte reserved here costs two in the file.
    signer.SetSignatureSize(k.cert_bytes + EVP_PKEY_get_size(k.key.get()) + 768);
    field.SetSignature(*signer.GetSignatureBeacon());
    doc.WriteUpdate(&signer, /*bTruncate=*/true);
    if (!signer.HasSignaturePosition()) {
      return Status::InvalidArgument("PoDoFo did not write the signature placeholder");
    }
    signer.AdjustByteRange();
    signer.Seek(0);
    std::string signed_bytes;
    signed_bytes.reserve(device.GetLength());
    char chunk[65536];
    for (size_t n; (n = signer.ReadForSignature(chunk, sizeof chunk)) > 0;) {
      signed_bytes.append(chunk, n);
    }
    Result<std::string> der = CmsSign(signed_bytes, k, req.signing_time);
    if (!der.ok()) return der.status();
    if (der->size() > signer.GetSignatureSize()) {
      return Status::InvalidArgument("the signature (" + std::to_string(der->size()) +
                                     " bytes) does not fit the reserved space");
    }
    signer.SetSignature(PdfData(der->data(), der->size()));
    signer.Flush();
    out.assign(buffer.GetBuffer(), device.GetLength());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace erflow::pdf
