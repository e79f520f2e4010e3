// ScanSignatures; see signature_scanner.h. A tiny reader for the few PDF value kinds a
// signature dictionary holds: integers, names, literal and hex strings, arrays of them.
#include "pdf/signature_scanner.h"

#include <cctype>
#include <cstdlib>

#include "pdf/utf8.h"

namespace erflow::pdf {
namespace {

bool IsWhite(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool IsDelim(char c) {
  return IsWhite(c) || c == '/' || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' ||
         c == ']';
}

size_t SkipWhite(const std::string& s, size_t i, size_t end) {
  while (i < end && IsWhite(s[i])) ++i;
  return i;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads a string value at s[i] ('(' or '<'); returns its bytes and sets *next past it.
bool ReadString(const std::string& s, size_t i, size_t end, std::string* out, size_t* next) {
  out->clear();
  if (i >= end) return false;
  if (s[i] == '<') {
    int hi = -1;
    for (++i; i < end && s[i] != '>'; ++i) {
      const int v = HexValue(s[i]);
      if (v < 0) {
        if (IsWhite(s[i])) continue;
        return false;
      }
      if (hi < 0) {
        hi = v;
      } else {
        out->push_back(static_cast<char>(hi * 16 + v));
        hi = -1;
      }
    }
    if (i >= end) return false;
    if (hi >= 0) out->push_back(static_cast<char>(hi * 16));
    *next = i + 1;
    return true;
  }
  if (s[i] != '(') return false;
  int depth = 1;
  for (++i; i < end; ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < end) {
      c = s[++i];
      switch (c) {
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case '\r':
          if (i + 1 < end && s[i + 1] == '\n') ++i;
          break;
        case '\n':
          break;
        default:
          if (c >= '0' && c <= '7') {
            int v = c - '0';
            for (int k = 0; k < 2 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k) {
              v = v * 8 + (s[++i] - '0');
            }
            out->push_back(static_cast<char>(v));
          } else {
            out->push_back(c);
          }
      }
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) {
      *next = i + 1;
      return true;
    }
    out->push_back(c);
  }
  return false;
}

// PDF text string bytes -> UTF-8: UTF-16BE with a byte-order mark, else PDFDocEncoding
// (treated as Latin-1, which agrees with it for everything a signer's name needs).
std::string TextToUtf8(const std::string& b) {
  std::string out;
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE &&
      static_cast<unsigned char>(b[1]) == 0xFF) {
    for (size_t i = 2; i + 1 < b.size(); i += 2) {
      char32_t u = (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
      if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
        const char32_t lo =
            (static_cast<unsigned char>(b[i + 2]) << 8) | static_cast<unsigned char>(b[i + 3]);
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
      AppendUtf8(u, &out);
    }
    return out;
  }
  for (unsigned char c : b) AppendUtf8(c, &out);
  return out;
}

// Position of the value of key `/key` within [begin, end), or npos.
size_t FindKey(const std::string& s, size_t begin, size_t end, const std::string& key) {
  const std::string pat = "/" + key;
  for (size_t p = s.find(pat, begin); p != std::string::npos && p < end; p = s.find(pat, p + 1)) {
    const size_t after = p + pat.size();
    if (after < end && IsDelim(s[after])) return SkipWhite(s, after, end);
  }
  return std::string::npos;
}

std::string TextKey(const std::string& s, size_t begin, size_t end, const std::string& key) {
  const size_t at = FindKey(s, begin, end, key);
  std::string raw;
  size_t next;
  if (at == std::string::npos || !ReadString(s, at, end, &raw, &next)) return "";
  return TextToUtf8(raw);
}

std::string NameKey(const std::string& s, size_t begin, size_t end, const std::string& key) {
  size_t at = FindKey(s, begin, end, key);
  if (at == std::string::npos || s[at] != '/') return "";
  size_t e = at + 1;
  while (e < end && !IsDelim(s[e])) ++e;
  return s.substr(at + 1, e - at - 1);
}

// The object around offset `pos`: from its "N G obj" header to its "endobj".
void EnclosingObject(const std::string& s, size_t pos, size_t* begin, size_t* end,
                     std::string* header) {
  size_t obj = pos;
  while (true) {
    obj = obj == 0 ? std::string::npos : s.rfind("obj", obj - 1);
    if (obj == std::string::npos || obj < 3 || s.compare(obj - 3, 3, "end") != 0) break;
  }
  const size_t prev_end = pos < 6 ? std::string::npos : s.rfind("endobj", pos);
  *begin = obj == std::string::npos ? 0 : obj + 3;
  if (prev_end != std::string::npos && prev_end + 6 > *begin) *begin = prev_end + 6;
  *end = s.find("endobj", pos);
  if (*end == std::string::npos) *end = s.size();
  header->clear();
  if (obj != std::string::npos && *begin == obj + 3) {  // "12 0 obj": read back the numbers
    size_t h = obj;
    while (h > 0 && (std::isdigit(static_cast<unsigned char>(s[h - 1])) || s[h - 1] == ' ')) --h;
    *header = s.substr(h, obj - h);
    while (!header->empty() && header->back() == ' ') header->pop_back();
    while (!header->empty() && header->front() == ' ') header->erase(0, 1);
  }
}

// The /T of the field whose /V is "<number> <gen> R".
std::string FieldNameFor(const std::string& s, const std::string& obj_ref) {
  if (obj_ref.empty()) return "";
  const std::string pat = "/V " + obj_ref + " R";
  for (size_t p = s.find(pat); p != std::string::npos; p = s.find(pat, p + 1)) {
    size_t begin, end;
    std::string header;
    EnclosingObject(s, p, &begin, &end, &header);
    const std::string t = TextKey(s, begin, end, "T");
    if (!t.empty()) return t;
  }
  return "";
}

}  // namespace

bool EndsRevision(const std::string& pdf, size_t end) {
  if (end > pdf.size()) return false;
  size_t e = end;
  while (e > 0 && (pdf[e - 1] == '\n' || pdf[e - 1] == '\r' || pdf[e - 1] == ' ')) --e;
  return e >= 5 && pdf.compare(e - 5, 5, "%%EOF") == 0 && end - e <= 2;
}

std::vector<RawSignature> ScanSignatures(const std::string& s) {
  std::vector<RawSignature> out;
  for (size_t p = s.find("/ByteRange"); p != std::string::npos; p = s.find("/ByteRange", p + 1)) {
    size_t begin, end;
    std::string header;
    EnclosingObject(s, p, &begin, &end, &header);
    RawSignature sig;
    size_t i = SkipWhite(s, p + 10, end);
    if (i < end && s[i] == '[') {
      ++i;
      int k = 0;
      for (; k < 4; ++k) {
        i = SkipWhite(s, i, end);
        char* stop = nullptr;
        const long long v = std::strtoll(s.c_str() + i, &stop, 10);
        if (stop == s.c_str() + i) break;
        sig.byte_range[k] = v;
        i = static_cast<size_t>(stop - s.c_str());
      }
      i = SkipWhite(s, i, end);
      sig.byte_range_ok = k == 4 && i < end && s[i] == ']';
    }
    const size_t at = FindKey(s, begin, end, "Contents");
    size_t next;
    if (at != std::string::npos && ReadString(s, at, end, &sig.contents, &next)) {
      sig.contents_begin = at;
      sig.contents_end = next;
    }
    sig.name = TextKey(s, begin, end, "Name");
    sig.reason = TextKey(s, begin, end, "Reason");
    sig.location = TextKey(s, begin, end, "Location");
    sig.contact_info = TextKey(s, begin, end, "ContactInfo");
    sig.m = TextKey(s, begin, end, "M");
    sig.sub_filter = NameKey(s, begin, end, "SubFilter");
    sig.field_name = FieldNameFor(s, header);
    out.push_back(std::move(sig));
  }
  return out;
}

}  // namespace erflow::pdf
