// UTF-8 decoding and encoding; see utf8.h.
#include "pdf/utf8.h"

#include <cstdio>

namespace erflow::pdf {
namespace {

// Decodes one code point starting at text[*i]; advances *i. Returns false if malformed.
bool DecodeOne(const std::string& text, size_t* i, char32_t* out) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const unsigned char b0 = s[*i];
  if (b0 < 0x80) {
    *out = b0;
    *i += 1;
    return true;
  }
  int len;
  char32_t cp;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return false;
  }
  if (*i + len > n) return false;
  for (int k = 1; k < len; ++k) {
    const unsigned char b = s[*i + k];
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  *out = cp;
  *i += len;
  return true;
}

}  // namespace

std::optional<std::u32string> DecodeUtf8(const std::string& text, size_t* bad_offset) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t c;
    const size_t at = i;
    if (!DecodeOne(text, &i, &c)) {
      if (bad_offset) *bad_offset = at;
      return std::nullopt;
    }
    out.push_back(c);
  }
  return out;
}

std::u32string DecodeUtf8Lossy(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t c;
    if (!DecodeOne(text, &i, &c)) {
      c = 0xFFFD;
      ++i;
    }
    out.push_back(c);
  }
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string EncodeUtf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

std::string DescribeCodePoint(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  std::string out = buf;
  // Control characters would garble the message; show only the code for them.
  if (c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)) {
    out += " '";
    AppendUtf8(c, &out);
    out += "'";
  }
  return out;
}

}  // namespace erflow::pdf
