// A strict RFC 8259 reader that remembers where each value started, so that syntax errors
// and later validation errors can name line and column. Rejects what a definition author
// would want to hear about: trailing commas, comments, duplicate keys, invalid UTF-8.
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "erflow/json.h"
#include "json/utf8.h"

namespace erflow {
namespace {

constexpr int kMaxDepth = 128;

class Parser {
 public:
  Parser(const std::string& text, const std::string& source) : s_(text), source_(source) {}

  Result<Json> Run() {
    SkipSpace();
    Json v;
    if (!ParseValue(&v, 0)) return Error();
    SkipSpace();
    if (pos_ < s_.size()) {
      Fail("unexpected text after the end of the JSON value");
      return Error();
    }
    return v;
  }

 private:
  Status Error() const {
    return Status::InvalidArgument(source_ + ":" + std::to_string(err_line_) + ":" +
                                   std::to_string(err_col_) + ": " + err_);
  }

  bool Fail(const std::string& what) {
    if (err_.empty()) {
      err_ = what;
      err_line_ = line_;
      err_col_ = Column();
    }
    return false;
  }

  int Column() const {
    // Columns count characters, not bytes. Counting resumes from the last position asked
    // about, so a long single-line document (a compact snapshot) stays linear.
    if (memo_line_start_ != line_start_ || memo_pos_ > pos_) {
      memo_line_start_ = line_start_;
      memo_pos_ = line_start_;
      memo_col_ = 1;
    }
    for (; memo_pos_ < pos_ && memo_pos_ < s_.size(); ++memo_pos_)
      if ((static_cast<unsigned char>(s_[memo_pos_]) & 0xC0) != 0x80) ++memo_col_;
    return memo_col_;
  }

  std::string Describe() const {
    if (pos_ >= s_.size()) return "end of input";
    unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c >= 0x20 && c < 0x7f) return std::string("'") + s_[pos_] + "'";
    return "byte 0x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
  }

  void SkipSpace() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  bool ParseValue(Json* out, int depth) {
    if (depth > kMaxDepth) return Fail("nesting deeper than 128 levels");
    int line = line_, col = Column();
    if (pos_ >= s_.size()) return Fail("expected a value, found end of input");
    char c = s_[pos_];
    bool ok;
    if (c == '{') {
      ok = ParseObject(out, depth);
    } else if (c == '[') {
      ok = ParseArray(out, depth);
    } else if (c == '"') {
      std::string str;
      ok = ParseString(&str);
      if (ok) *out = Json(std::move(str));
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      ok = ParseNumber(out);
    } else if (s_.compare(pos_, 4, "true") == 0) {
      pos_ += 4;
      *out = Json(true);
      ok = true;
    } else if (s_.compare(pos_, 5, "false") == 0) {
      pos_ += 5;
      *out = Json(false);
      ok = true;
    } else if (s_.compare(pos_, 4, "null") == 0) {
      pos_ += 4;
      *out = Json();
      ok = true;
    } else {
      return Fail("expected a value (object, array, string, number, true, false or null), found " +
                  Describe());
    }
    if (ok) out->set_position(line, col);
    return ok;
  }

  bool ParseObject(Json* out, int depth) {
    *out = Json::Object();
    ++pos_;  // '{'
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"')
        return Fail("expected a key in double quotes, found " + Describe());
      std::string key;
      int key_line = line_, key_col = Column();
      if (!ParseString(&key)) return false;
      if (out->Has(key)) {
        err_line_ = key_line;
        err_col_ = key_col;
        err_ = "duplicate key \"" + key + "\"";
        return false;
      }
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':')
        return Fail("expected ':' after key, found " + Describe());
      ++pos_;
      SkipSpace();
      Json v;
      if (!ParseValue(&v, depth + 1)) return false;
      out->Set(key, std::move(v));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == '}') return Fail("trailing comma before '}'");
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or '}' in object, found " + Describe());
    }
  }

  bool ParseArray(Json* out, int depth) {
    *out = Json::Array();
    ++pos_;  // '['
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      Json v;
      if (!ParseValue(&v, depth + 1)) return false;
      out->Push(std::move(v));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        SkipSpace();
        if (pos_ < s_.size() && s_[pos_] == ']') return Fail("trailing comma before ']'");
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or ']' in array, found " + Describe());
    }
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool ParseHex4(uint32_t* cp) {
    if (pos_ + 4 > s_.size()) return Fail("incomplete \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_ + i];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        return Fail("invalid hex digit in \\u escape");
    }
    pos_ += 4;
    *cp = v;
    return true;
  }

  // Validates one UTF-8 sequence starting at pos_ and copies it.
  bool CopyUtf8(std::string* out) {
    Utf8Error error = Utf8Error::kNone;
    const size_t len = Utf8SequenceAt(s_, pos_, &error);
    if (len == 0) return Fail(Utf8ErrorText(error));
    out->append(s_, pos_, len);
    pos_ += len;
    return true;
  }

  bool ParseString(std::string* out) {
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= s_.size()) return Fail("unterminated string");
      char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        if (c == '\n') return Fail("unterminated string (newline inside a string)");
        return Fail("control character inside a string must be escaped");
      }
      if (c != '\\') {
        // Copy a run of plain ASCII at once; validate anything else byte by byte.
        size_t run = pos_;
        while (run < s_.size()) {
          unsigned char b = static_cast<unsigned char>(s_[run]);
          if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) break;
          ++run;
        }
        if (run > pos_) {
          out->append(s_, pos_, run - pos_);
          pos_ = run;
          continue;
        }
        if (!CopyUtf8(out)) return false;
        continue;
      }
      ++pos_;
      if (pos_ >= s_.size()) return Fail("unterminated string");
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp;
          if (!ParseHex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (s_.compare(pos_, 2, "\\u") != 0) return Fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            if (!ParseHex4(&lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF) return Fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Fail("unpaired surrogate in \\u escape");
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          --pos_;
          return Fail("invalid escape sequence in string");
      }
    }
  }

  bool ParseNumber(Json* out) {
    size_t start = pos_;
    bool is_double = false;
    if (s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[pos_])))
      return Fail("expected a digit in number");
    if (s_[pos_] == '0' && pos_ + 1 < s_.size() &&
        isdigit(static_cast<unsigned char>(s_[pos_ + 1])))
      return Fail("leading zeros are not allowed in numbers");
    while (pos_ < s_.size() && isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      is_double = true;
      ++pos_;
      if (pos_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[pos_])))
        return Fail("expected a digit after the decimal point");
      while (pos_ < s_.size() && isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      is_double = true;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[pos_])))
        return Fail("expected a digit in the exponent");
      while (pos_ < s_.size() && isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    std::string lit = s_.substr(start, pos_ - start);
    if (!is_double) {
      errno = 0;
      long long v = std::strtoll(lit.c_str(), nullptr, 10);
      if (errno != ERANGE) {
        *out = Json(static_cast<int64_t>(v));
        return true;
      }
    }
    *out = Json(std::strtod(lit.c_str(), nullptr));
    return true;
  }

  const std::string& s_;
  const std::string& source_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  mutable size_t memo_line_start_ = 0;
  mutable size_t memo_pos_ = 0;
  mutable int memo_col_ = 1;
  std::string err_;
  int err_line_ = 0;
  int err_col_ = 0;
};

}  // namespace

Result<Json> ParseJson(const std::string& text, const std::string& source_name) {
  return Parser(text, source_name).Run();
}

Result<Json> ParseJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ParseJson(ss.str(), path);
}

}  // namespace erflow
