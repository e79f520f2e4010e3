#include "erflow/credentials.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <vector>

namespace erflow {
namespace {

std::string Hex(const unsigned char* data, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kHex[data[i] >> 4]);
    out.push_back(kHex[data[i] & 15]);
  }
  return out;
}

std::string Derive(const std::string& password, const std::string& salt_hex, int iterations) {
  unsigned char out[32];
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                    reinterpret_cast<const unsigned char*>(salt_hex.data()),
                    static_cast<int>(salt_hex.size()), iterations, EVP_sha256(), sizeof out, out);
  return Hex(out, sizeof out);
}

}  // namespace

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  RAND_bytes(buf.data(), static_cast<int>(bytes));
  return Hex(buf.data(), bytes);
}

std::string HashPassword(const std::string& password, int iterations) {
  std::string salt = RandomHex(16);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + salt + "$" +
         Derive(password, salt, iterations);
}

bool VerifyPassword(const std::string& password, const std::string& stored) {
  // pbkdf2-sha256$iterations$salt$hash
  size_t a = stored.find('$'), b = stored.find('$', a + 1), c = stored.find('$', b + 1);
  if (a == std::string::npos || b == std::string::npos || c == std::string::npos) return false;
  if (stored.substr(0, a) != "pbkdf2-sha256") return false;
  int iterations = std::atoi(stored.substr(a + 1, b - a - 1).c_str());
  if (iterations < 1000) return false;
  std::string expected = stored.substr(c + 1);
  std::string actual = Derive(password, stored.substr(b + 1, c - b - 1), iterations);
  return actual.size() == expected.size() &&
         CRYPTO_memcmp(actual.data(), expected.data(), actual.size()) == 0;
}

Status CheckPasswordStrength(const std::string& password) {
  size_t chars = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++chars;
  if (chars < 10) return Status::InvalidArgument("a password needs at least 10 characters");
  return Status::Ok();
}

Instant LockedUntil(int64_t failures, Instant now) {
  if (failures >= 10) return now.Plus(15 * 60);
  if (failures >= 3) return now.Plus(int64_t{1} << (failures - 3));  // 1, 2, 4 … 64 s
  return now;
}

}  // namespace erflow
