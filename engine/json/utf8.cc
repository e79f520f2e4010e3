#include "json/utf8.h"

#include <cstdint>

namespace erflow {

size_t Utf8SequenceAt(const std::string& s, size_t pos, Utf8Error* error) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  size_t len;
  uint32_t cp;
  if (c < 0x80) {
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    *error = Utf8Error::kBadByte;
    return 0;
  }
  if (pos + len > s.size()) {
    *error = Utf8Error::kTruncated;
    return 0;
  }
  for (size_t i = 1; i < len; ++i) {
    const unsigned char cc = static_cast<unsigned char>(s[pos + i]);
    if ((cc & 0xC0) != 0x80) {
      *error = Utf8Error::kBadSequence;
      return 0;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *error = Utf8Error::kBadSequence;
    return 0;
  }
  return len;
}

const char* Utf8ErrorText(Utf8Error error) {
  switch (error) {
    case Utf8Error::kBadByte:
      return "invalid UTF-8 byte in string";
    case Utf8Error::kTruncated:
      return "truncated UTF-8 sequence in string";
    case Utf8Error::kBadSequence:
    case Utf8Error::kNone:
      break;
  }
  return "invalid UTF-8 sequence in string";
}

}  // namespace erflow
