// One UTF-8 sequence checked: shared by the JSON reader (which refuses invalid text) and
// the writer (which never emits it, whatever bytes a string holds).
#pragma once

#include <cstddef>
#include <string>

namespace erflow {

enum class Utf8Error { kNone, kBadByte, kTruncated, kBadSequence };

// The length (1–4) of the well-formed UTF-8 sequence starting at s[pos], or 0 with
// `*error` saying why it is not one (overlong forms, surrogates and code points past
// U+10FFFF are not well-formed).
// REQUIRES: pos < s.size().
size_t Utf8SequenceAt(const std::string& s, size_t pos, Utf8Error* error);

// What the reader says of `error` ("invalid UTF-8 byte in string", …).
const char* Utf8ErrorText(Utf8Error error);

}  // namespace erflow
