// TrueTypeFont: a parsed, read-only TrueType (glyf-based) font file held in memory: the
// character map, advance widths, metrics and raw glyph outlines the subsetter copies.
//
// Why our own parser rather than PoDoFo's font loading: PoDoFo 0.9.8 re-reads and copies
// the whole font file for every document, which costs more than rendering a record. Here
// the file is parsed once per process and every document only touches the glyphs it uses.
//
// Thread rules: immutable after Parse(); share one instance between threads freely.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "erflow/result.h"

namespace erflow::pdf {

class TrueTypeFont {
 public:
  // Parses a standalone TrueType file's bytes. Collections (.ttc) and CFF-based OpenType
  // are refused with a message naming what is wrong.
  static Result<TrueTypeFont> Parse(std::string bytes);

  // Glyph id for a code point, 0 (.notdef) if the font has none.
  uint16_t GlyphFor(char32_t c) const {
    if (c < 0x10000) return bmp_[c];
    auto it = astral_.find(c);
    return it == astral_.end() ? 0 : it->second;
  }
  bool Covers(char32_t c) const { return GlyphFor(c) != 0; }

  uint16_t num_glyphs() const { return num_glyphs_; }
  uint16_t units_per_em() const { return units_per_em_; }
  uint16_t AdvanceWidth(uint16_t gid) const {
    return advances_[gid < advances_.size() ? gid : advances_.size() - 1];
  }
  int16_t LeftSideBearing(uint16_t gid) const;
  // The raw 'glyf' bytes of one glyph (empty for a blank glyph such as space).
  std::string_view GlyphData(uint16_t gid) const;

  // A table's raw bytes, empty if absent. Tags are 4 characters ("head", "OS/2").
  std::string_view Table(const char* tag) const;

  // Metrics in font units, as PDF font descriptors want them.
  int16_t ascent() const { return ascent_; }
  int16_t descent() const { return descent_; }
  int16_t cap_height() const { return cap_height_; }
  int16_t bbox(int i) const { return bbox_[i]; }  // xMin, yMin, xMax, yMax
  double italic_angle() const { return italic_angle_; }
  bool fixed_pitch() const { return fixed_pitch_; }
  const std::string& postscript_name() const { return postscript_name_; }

 private:
  struct TableRef {
    uint32_t offset = 0;
    uint32_t length = 0;
  };
  TrueTypeFont() = default;

  std::string bytes_;
  std::unordered_map<uint32_t, TableRef> tables_;  // by big-endian tag value
  std::vector<uint16_t> bmp_;                      // 65536 entries: code point -> glyph id
  std::unordered_map<char32_t, uint16_t> astral_;  // code points beyond the BMP
  std::vector<uint16_t> advances_;                 // numberOfHMetrics entries
  std::vector<uint32_t> loca_;                     // num_glyphs + 1 byte offsets into glyf
  uint16_t num_glyphs_ = 0;
  uint16_t num_hmetrics_ = 0;
  uint16_t units_per_em_ = 1000;
  int16_t ascent_ = 0;
  int16_t descent_ = 0;
  int16_t cap_height_ = 0;
  int16_t bbox_[4] = {0, 0, 0, 0};
  double italic_angle_ = 0;
  bool fixed_pitch_ = false;
  std::string postscript_name_;
};

// Big-endian readers shared by the font parser and the subsetter. REQUIRES: in bounds.
inline uint16_t ReadU16(std::string_view s, size_t at) {
  return static_cast<uint16_t>((static_cast<unsigned char>(s[at]) << 8) |
                               static_cast<unsigned char>(s[at + 1]));
}
inline int16_t ReadI16(std::string_view s, size_t at) {
  return static_cast<int16_t>(ReadU16(s, at));
}
inline uint32_t ReadU32(std::string_view s, size_t at) {
  return (static_cast<uint32_t>(ReadU16(s, at)) << 16) | ReadU16(s, at + 2);
}

}  // namespace erflow::pdf
