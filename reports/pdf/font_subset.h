// FontSubset: the glyphs one PDF document uses, numbered in order of first use, and the
// TrueType font program, widths and ToUnicode map that embed exactly those glyphs.
//
// The subset's glyph ids are the CIDs the content streams carry (Identity-H encoding,
// CIDToGIDMap /Identity), so a 2-page record embeds a few hundred glyphs instead of the
// ~22,000 of the source font.
//
// Thread rules: one FontSubset per document being rendered; not shared between threads.
// The TrueTypeFont it reads must outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pdf/true_type_font.h"

namespace erflow::pdf {

class FontSubset {
 public:
  explicit FontSubset(const TrueTypeFont& font);

  // Appends the big-endian CIDs of `text` as hex digits (for a `<...> Tj` operand),
  // adding new glyphs to the subset. Characters the font lacks map to CID 0 (.notdef):
  // callers check coverage before layout, so that never happens silently.
  void AppendHex(const std::u32string& text, std::string* out);

  // The TrueType font program holding the used glyphs (glyph id == CID).
  std::string BuildFontProgram() const;
  // (CID, advance in 1/1000 em) for every glyph whose advance is not 1000, by CID.
  std::vector<std::pair<uint16_t, int>> NonDefaultWidths() const;
  // A ToUnicode CMap so text extraction (pdftotext, copy/paste, search) gives the text.
  std::string BuildToUnicode() const;
  // Six capital letters derived from the glyph set: the "ABCDEF+" subset name prefix.
  std::string Tag() const;

  size_t glyph_count() const { return source_gid_.size(); }
  const TrueTypeFont& font() const { return font_; }

 private:
  uint16_t AddGlyph(uint16_t source_gid);
  uint16_t CidFor(char32_t c);

  const TrueTypeFont& font_;
  std::unordered_map<char32_t, uint16_t> cid_of_char_;
  std::unordered_map<uint16_t, uint16_t> cid_of_gid_;
  std::vector<uint16_t> source_gid_;  // CID -> glyph id in the source font
  std::vector<char32_t> unicode_;     // CID -> code point (0: .notdef or a component)
};

}  // namespace erflow::pdf
