// CjkFont: loading and coverage; see erflow/reports/pdf/cjk_font.h.
#include "erflow/reports/pdf/cjk_font.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_set>
#include <utility>

#include "pdf/true_type_font.h"
#include "pdf/utf8.h"

#ifndef ERFLOW_CJK_FONT_DEFAULT
#define ERFLOW_CJK_FONT_DEFAULT ""
#endif

namespace erflow::pdf {

CjkFont::CjkFont(std::string path, std::unique_ptr<const TrueTypeFont> font)
    : path_(std::move(path)), font_(std::move(font)) {}

CjkFont::~CjkFont() = default;

std::string CjkFont::DefaultPath() {
  const char* env = std::getenv("ERFLOW_CJK_FONT");
  if (env != nullptr && *env != '\0') return env;
  return ERFLOW_CJK_FONT_DEFAULT;
}

Result<std::shared_ptr<const CjkFont>> CjkFont::Load(const std::string& path) {
  if (path.empty()) {
    return Status::NotFound(
        "no CJK font configured: set ERFLOW_CJK_FONT or build the default with "
        "scripts/make-cjk-font");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("CJK font " + path + " cannot be opened");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::IOError("reading CJK font " + path + " failed");
  auto parsed = TrueTypeFont::Parse(std::move(buf).str());
  if (!parsed.ok()) return parsed.status().WithContext(path);
  auto font = std::make_unique<const TrueTypeFont>(std::move(parsed).value());
  return std::shared_ptr<const CjkFont>(new CjkFont(path, std::move(font)));
}

Result<std::shared_ptr<const CjkFont>> CjkFont::LoadDefault() {
  return Load(DefaultPath());
}

bool CjkFont::Covers(char32_t c) const {
  if (c == '\n' || c == '\r' || c == '\t') return true;
  return font_->Covers(c);
}

std::string CjkFont::DescribeMissing(const std::string& text) const {
  size_t bad = 0;
  auto decoded = DecodeUtf8(text, &bad);
  if (!decoded) return "malformed UTF-8 at byte " + std::to_string(bad);
  std::string out;
  std::unordered_set<char32_t> seen;
  for (char32_t c : *decoded) {
    if (Covers(c) || !seen.insert(c).second) continue;
    if (!out.empty()) out += ", ";
    out += DescribeCodePoint(c);
  }
  return out;
}

}  // namespace erflow::pdf
