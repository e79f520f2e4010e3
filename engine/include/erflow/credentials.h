// Passwords and sessions. Passwords are stored salted and slow-hashed (PBKDF2-HMAC-SHA256,
// OpenSSL); sessions are random tokens of which only a hash is stored; repeated failures
// slow sign-in down and then lock the account for a while.
// Thread rules: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/instant.h"
#include "erflow/result.h"

namespace erflow {

// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX"
std::string HashPassword(const std::string& password, int iterations = 120000);
bool VerifyPassword(const std::string& password, const std::string& stored);
// At least 10 characters; says what is missing.
Status CheckPasswordStrength(const std::string& password);

// Random bytes as lowercase hex (tokens, salts, CSRF secrets).
std::string RandomHex(size_t bytes);

// After `failures` consecutive failures ending at `now`: until when sign-in is refused.
// 3–4 failures: a short pause that doubles; from 10: locked for 15 minutes.
Instant LockedUntil(int64_t failures, Instant now);

struct Session {
  std::string token;  // given to the client once; only its hash is stored
  std::string csrf;   // echoed by the client in X-CSRF-Token on every state-changing request
  std::string user;
  Instant expires_at;
};

}  // namespace erflow
