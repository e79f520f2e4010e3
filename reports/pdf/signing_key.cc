// SigningKey loaders; see erflow/reports/pdf/signing_key.h.
#include "erflow/reports/pdf/signing_key.h"

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509v3.h>

#include <fstream>
#include <sstream>

#include "erflow/time_format.h"
#include "pdf/openssl_util.h"

namespace erflow::pdf {
namespace {

int PasswordCallback(char* buf, int size, int /*rwflag*/, void* userdata) {
  const auto* pw = static_cast<const std::string*>(userdata);
  if (pw == nullptr || static_cast<int>(pw->size()) > size) return -1;
  pw->copy(buf, pw->size());
  return static_cast<int>(pw->size());
}

// The checks every loader ends with, and the conversion to PEM.
Result<SigningKey> Finish(X509* cert, EVP_PKEY* key, STACK_OF(X509) * chain, Instant now) {
  const std::string who = "certificate \"" + ossl::SubjectDn(cert) + "\"";
  if (X509_check_private_key(cert, key) != 1) {
    ossl::ClearErrors();
    return Status::InvalidArgument("the private key does not match the " + who);
  }
  SigningKey out;
  out.subject_cn = ossl::CommonName(cert);
  out.subject_dn = ossl::SubjectDn(cert);
  auto nb = ossl::ToInstant(X509_get0_notBefore(cert));
  auto na = ossl::ToInstant(X509_get0_notAfter(cert));
  if (!nb || !na) return Status::InvalidArgument(who + " has unreadable validity dates");
  out.not_before = *nb;
  out.not_after = *na;
  if (now > *na) {
    return Status::Forbidden(who + " expired on " + FormatChineseDateTime(*na) +
                             "; import a current certificate");
  }
  if (now < *nb) {
    return Status::Forbidden(who + " is not valid until " + FormatChineseDateTime(*nb));
  }
  // Without a keyUsage extension any use is allowed; with one, it must permit signing.
  if ((X509_get_extension_flags(cert) & EXFLAG_KUSAGE) != 0 &&
      (X509_get_key_usage(cert) & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0) {
    return Status::Forbidden(who + " is not allowed to sign (keyUsage lacks digitalSignature)");
  }
  out.certificate_pem = ossl::CertToPem(cert);
  ossl::Bio bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return Status::InvalidArgument("cannot export the private key: " + ossl::ErrorText());
  }
  out.private_key_pem = ossl::BioContents(bio.get());
  // Issuer first: follow the chain up from the signer, then whatever is left over.
  std::vector<X509*> rest;
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain); ++i) {
    rest.push_back(sk_X509_value(chain, i));
  }
  X509* child = cert;
  for (bool found = true; found && !rest.empty();) {
    found = false;
    for (size_t i = 0; i < rest.size(); ++i) {
      if (X509_check_issued(rest[i], child) == X509_V_OK) {
        out.chain_pems.push_back(ossl::CertToPem(rest[i]));
        child = rest[i];
        rest.erase(rest.begin() + static_cast<long>(i));
        found = true;
        break;
      }
    }
  }
  for (X509* c : rest) out.chain_pems.push_back(ossl::CertToPem(c));
  return out;
}

}  // namespace

Result<SigningKey> LoadSigningKeyFromPkcs12(const std::string& p12_bytes,
                                            const std::string& password, Instant now) {
  ossl::ClearErrors();
  ossl::Bio in = ossl::MemoryBio(p12_bytes);
  std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(d2i_PKCS12_bio(in.get(), nullptr),
                                                      &PKCS12_free);
  if (!p12) {
    ossl::ClearErrors();
    return Status::InvalidArgument("not a PKCS#12 file (neither PEM nor .p12/.pfx)");
  }
  if (PKCS12_mac_present(p12.get()) &&
      PKCS12_verify_mac(p12.get(), password.c_str(), static_cast<int>(password.size())) != 1) {
    ossl::ClearErrors();
    return Status::InvalidArgument("wrong password for the PKCS#12 file");
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &ca) != 1) {
    return Status::InvalidArgument(
        "cannot read the PKCS#12 file (an old export may use RC2/3DES, which OpenSSL 3 "
        "refuses: re-export it with AES): " +
        ossl::ErrorText());
  }
  ossl::Pkey key_owner(key);
  ossl::Cert cert_owner(cert);
  ossl::CertStack ca_owner(ca);
  if (!key) return Status::InvalidArgument("the PKCS#12 file holds no private key");
  if (!cert) return Status::InvalidArgument("the PKCS#12 file holds no certificate");
  return Finish(cert, key, ca, now);
}

Result<SigningKey> LoadSigningKeyFromPem(const std::string& pem, const std::string& password,
                                         Instant now) {
  ossl::ClearErrors();
  ossl::CertStack certs(sk_X509_new_null());
  {
    ossl::Bio in = ossl::MemoryBio(pem);
    while (X509* c = PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr)) {
      sk_X509_push(certs.get(), c);
    }
    ossl::ClearErrors();  // the loop ends with a harmless "no start line"
  }
  ossl::Bio in = ossl::MemoryBio(pem);
  std::string pw = password;
  ossl::Pkey key(PEM_read_bio_PrivateKey(in.get(), nullptr, &PasswordCallback, &pw));
  if (!key) {
    const std::string err = ossl::ErrorText();
    if (pem.find("ENCRYPTED") != std::string::npos) {
      return Status::InvalidArgument("wrong password for the encrypted private key");
    }
    return Status::InvalidArgument("no private key found in the PEM text" +
                                   (err.empty() ? "" : " (" + err + ")"));
  }
  if (sk_X509_num(certs.get()) == 0) {
    return Status::InvalidArgument("no certificate found in the PEM text");
  }
  int signer = -1;
  for (int i = 0; i < sk_X509_num(certs.get()); ++i) {
    if (X509_check_private_key(sk_X509_value(certs.get(), i), key.get()) == 1) {
      signer = i;
      break;
    }
  }
  ossl::ClearErrors();
  // None matches: report against the first certificate (the usual "cert + key" layout).
  ossl::Cert cert(sk_X509_delete(certs.get(), signer < 0 ? 0 : signer));
  return Finish(cert.get(), key.get(), certs.get(), now);
}

Result<SigningKey> LoadSigningKeyFile(const std::string& path, const std::string& password,
                                      Instant now) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::NotFound("key file " + path + " cannot be opened");
  std::ostringstream buf;
  buf << f.rdbuf();
  const std::string bytes = buf.str();
  Result<SigningKey> key = bytes.find("-----BEGIN") != std::string::npos
                               ? LoadSigningKeyFromPem(bytes, password, now)
                               : LoadSigningKeyFromPkcs12(bytes, password, now);
  if (!key.ok()) return key.status().WithContext(path);
  return key;
}

}  // namespace erflow::pdf
