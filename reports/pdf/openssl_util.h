// Small helpers around OpenSSL 3 for the signing code: owning pointers, error text, and
// conversions of certificate names and times.
// Thread rules: pure functions; OpenSSL 3 is thread-safe for these calls. The error
// queue is per thread, so ErrorText() reads only what the calling thread caused.
#pragma once

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <string>

#include "erflow/instant.h"

namespace erflow::pdf::ossl {

struct BioFree {
  void operator()(BIO* p) const { BIO_free_all(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509StackFree {
  void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
struct CmsFree {
  void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
};
struct StoreFree {
  void operator()(X509_STORE* p) const { X509_STORE_free(p); }
};
struct StoreCtxFree {
  void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
};
using Bio = std::unique_ptr<BIO, BioFree>;
using Cert = std::unique_ptr<X509, X509Free>;
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using CertStack = std::unique_ptr<STACK_OF(X509), X509StackFree>;
using Cms = std::unique_ptr<CMS_ContentInfo, CmsFree>;
using Store = std::unique_ptr<X509_STORE, StoreFree>;
using StoreCtx = std::unique_ptr<X509_STORE_CTX, StoreCtxFree>;

// A read-only memory BIO over `data` (which must outlive it).
Bio MemoryBio(const std::string& data);
std::string BioContents(BIO* bio);

// Drains this thread's OpenSSL error queue into one line ("" if empty).
std::string ErrorText();
void ClearErrors();

// The certificate's subject common name (UTF-8), "" if none.
std::string CommonName(X509* cert);
// The subject as an RFC 2253 string with UTF-8 kept readable ("CN=王芳,O=…,C=CN").
std::string SubjectDn(X509* cert);
std::optional<Instant> ToInstant(const ASN1_TIME* t);

std::string CertToPem(X509* cert);

}  // namespace erflow::pdf::ossl
