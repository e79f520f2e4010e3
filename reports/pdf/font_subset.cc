// FontSubset: building the subset TrueType program; see font_subset.h.
//
// The program keeps only what a PDF viewer needs for a CIDFontType2 font: head, hhea,
// maxp, loca, glyf, hmtx (ISO 32000 9.9), plus post, OS/2, a small cmap and any hinting
// tables the source has. Glyph ids are renumbered densely; composite glyphs pull in their
// components, whose ids inside the glyph data are rewritten.
#include "pdf/font_subset.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace erflow::pdf {
namespace {

void PutU16(std::string* s, size_t at, uint16_t v) {
  (*s)[at] = static_cast<char>(v >> 8);
  (*s)[at + 1] = static_cast<char>(v & 0xFF);
}
void PutU32(std::string* s, size_t at, uint32_t v) {
  PutU16(s, at, static_cast<uint16_t>(v >> 16));
  PutU16(s, at + 2, static_cast<uint16_t>(v & 0xFFFF));
}
void AddU16(std::string* s, uint16_t v) {
  s->push_back(static_cast<char>(v >> 8));
  s->push_back(static_cast<char>(v & 0xFF));
}
void AddU32(std::string* s, uint32_t v) {
  AddU16(s, static_cast<uint16_t>(v >> 16));
  AddU16(s, static_cast<uint16_t>(v & 0xFFFF));
}

uint32_t Checksum(std::string_view t) {
  uint32_t sum = 0;
  for (size_t i = 0; i < t.size(); i += 4) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      v = (v << 8) | (i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u);
    }
    sum += v;
  }
  return sum;
}

// Component flags of composite glyphs (OpenType 'glyf' spec).
constexpr uint16_t kArgsAreWords = 0x0001, kHaveScale = 0x0008, kMoreComponents = 0x0020,
                   kHaveXYScale = 0x0040, kHaveTwoByTwo = 0x0080;

// Calls fn(offset_of_glyph_index) for each component of a composite glyph.
template <typename Fn>
void ForEachComponent(std::string_view g, Fn fn) {
  if (g.size() < 10 || ReadI16(g, 0) >= 0) return;
  size_t at = 10;
  while (at + 4 <= g.size()) {
    const uint16_t flags = ReadU16(g, at);
    fn(at + 2);
    at += (flags & kArgsAreWords) ? 8 : 6;
    if (flags & kHaveScale) {
      at += 2;
    } else if (flags & kHaveXYScale) {
      at += 4;
    } else if (flags & kHaveTwoByTwo) {
      at += 8;
    }
    if (!(flags & kMoreComponents)) break;
  }
}

void AppendHex16(uint16_t v, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  out->push_back(kHex[(v >> 12) & 0xF]);
  out->push_back(kHex[(v >> 8) & 0xF]);
  out->push_back(kHex[(v >> 4) & 0xF]);
  out->push_back(kHex[v & 0xF]);
}

// A format 4 cmap (platform 3, encoding 1) for the BMP characters of the subset.
std::string BuildCmap(const std::vector<char32_t>& unicode) {
  std::map<uint16_t, uint16_t> by_code;  // sorted, as format 4 requires
  for (size_t cid = 1; cid < unicode.size(); ++cid) {
    const char32_t c = unicode[cid];
    if (c != 0 && c < 0xFFFF) by_code.emplace(static_cast<uint16_t>(c), cid);
  }
  // One segment per run of consecutive codes with consecutive glyph ids.
  struct Seg {
    uint16_t start, end, delta;
  };
  std::vector<Seg> segs;
  for (const auto& [code, gid] : by_code) {
    const auto delta = static_cast<uint16_t>(gid - code);
    if (!segs.empty() && segs.back().end + 1 == code && segs.back().delta == delta) {
      segs.back().end = code;
    } else {
      segs.push_back({code, code, delta});
    }
  }
  segs.push_back({0xFFFF, 0xFFFF, 1});
  const auto n = static_cast<uint16_t>(segs.size());
  uint16_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= n) pow2 *= 2, ++log2;
  std::string sub;
  AddU16(&sub, 4);
  AddU16(&sub, static_cast<uint16_t>(16 + 8 * n));
  AddU16(&sub, 0);
  AddU16(&sub, static_cast<uint16_t>(2 * n));
  AddU16(&sub, static_cast<uint16_t>(2 * pow2));
  AddU16(&sub, log2);
  AddU16(&sub, static_cast<uint16_t>(2 * n - 2 * pow2));
  for (const auto& s : segs) AddU16(&sub, s.end);
  AddU16(&sub, 0);
  for (const auto& s : segs) AddU16(&sub, s.start);
  for (const auto& s : segs) AddU16(&sub, s.delta);
  for (size_t i = 0; i < segs.size(); ++i) AddU16(&sub, 0);
  std::string cmap;
  AddU16(&cmap, 0);
  AddU16(&cmap, 1);
  AddU16(&cmap, 3);
  AddU16(&cmap, 1);
  AddU32(&cmap, 12);
  return cmap + sub;
}

}  // namespace

FontSubset::FontSubset(const TrueTypeFont& font) : font_(font) {
  AddGlyph(0);  // .notdef is always glyph 0
  unicode_[0] = 0;
}

uint16_t FontSubset::AddGlyph(uint16_t source_gid) {
  auto it = cid_of_gid_.find(source_gid);
  if (it != cid_of_gid_.end()) return it->second;
  const auto cid = static_cast<uint16_t>(source_gid_.size());
  cid_of_gid_.emplace(source_gid, cid);
  source_gid_.push_back(source_gid);
  unicode_.push_back(0);
  ForEachComponent(font_.GlyphData(source_gid),
                   [&](size_t at) { AddGlyph(ReadU16(font_.GlyphData(source_gid), at)); });
  return cid;
}

uint16_t FontSubset::CidFor(char32_t c) {
  auto it = cid_of_char_.find(c);
  if (it != cid_of_char_.end()) return it->second;
  const uint16_t gid = font_.GlyphFor(c);
  const uint16_t cid = gid == 0 ? 0 : AddGlyph(gid);
  if (cid != 0 && unicode_[cid] == 0) unicode_[cid] = c;
  cid_of_char_.emplace(c, cid);
  return cid;
}

void FontSubset::AppendHex(const std::u32string& text, std::string* out) {
  out->push_back('<');
  for (char32_t c : text) AppendHex16(CidFor(c), out);
  out->push_back('>');
}

std::string FontSubset::BuildFontProgram() const {
  const size_t n = source_gid_.size();
  std::string glyf, loca, hmtx;
  loca.reserve(4 * (n + 1));
  hmtx.reserve(4 * n);
  for (size_t cid = 0; cid < n; ++cid) {
    const uint16_t gid = source_gid_[cid];
    AddU32(&loca, static_cast<uint32_t>(glyf.size()));
    const size_t start = glyf.size();
    glyf.append(font_.GlyphData(gid));
    ForEachComponent(std::string_view(glyf).substr(start), [&](size_t at) {
      const uint16_t old = ReadU16(glyf, start + at);
      PutU16(&glyf, start + at, cid_of_gid_.at(old));
    });
    while (glyf.size() % 4 != 0) glyf.push_back('\0');
    AddU16(&hmtx, font_.AdvanceWidth(gid));
    AddU16(&hmtx, static_cast<uint16_t>(font_.LeftSideBearing(gid)));
  }
  AddU32(&loca, static_cast<uint32_t>(glyf.size()));

  std::string head(font_.Table("head")), hhea(font_.Table("hhea")), maxp(font_.Table("maxp"));
  PutU32(&head, 8, 0);   // checkSumAdjustment, fixed below
  PutU16(&head, 50, 1);  // long loca
  PutU16(&hhea, 34, static_cast<uint16_t>(n));
  PutU16(&maxp, 4, static_cast<uint16_t>(n));
  std::string post(font_.Table("post").substr(0, 32));
  if (post.size() == 32) PutU32(&post, 0, 0x00030000);  // no glyph names

  std::map<std::string, std::string> tables;  // sorted by tag, as the directory must be
  tables["cmap"] = BuildCmap(unicode_);
  tables["glyf"] = std::move(glyf);
  tables["head"] = std::move(head);
  tables["hhea"] = std::move(hhea);
  tables["hmtx"] = std::move(hmtx);
  tables["loca"] = std::move(loca);
  tables["maxp"] = std::move(maxp);
  if (post.size() == 32) tables["post"] = std::move(post);
  for (const char* tag : {"OS/2", "cvt ", "fpgm", "prep"}) {
    std::string_view t = font_.Table(tag);
    if (!t.empty()) tables[tag] = std::string(t);
  }

  const auto num = static_cast<uint16_t>(tables.size());
  uint16_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= num) pow2 *= 2, ++log2;
  std::string out;
  AddU32(&out, 0x00010000);
  AddU16(&out, num);
  AddU16(&out, static_cast<uint16_t>(16 * pow2));
  AddU16(&out, log2);
  AddU16(&out, static_cast<uint16_t>(16 * num - 16 * pow2));
  size_t offset = 12 + 16 * tables.size();
  size_t head_offset = 0;
  for (const auto& [tag, data] : tables) {
    out.append(tag);
    AddU32(&out, Checksum(data));
    AddU32(&out, static_cast<uint32_t>(offset));
    AddU32(&out, static_cast<uint32_t>(data.size()));
    if (tag == "head") head_offset = offset;
    offset += (data.size() + 3) & ~size_t{3};
  }
  for (const auto& [tag, data] : tables) {
    out.append(data);
    while (out.size() % 4 != 0) out.push_back('\0');
  }
  PutU32(&out, head_offset + 8, 0xB1B0AFBAu - Checksum(out));
  return out;
}

std::vector<std::pair<uint16_t, int>> FontSubset::NonDefaultWidths() const {
  std::vector<std::pair<uint16_t, int>> out;
  const double scale = 1000.0 / font_.units_per_em();
  for (size_t cid = 0; cid < source_gid_.size(); ++cid) {
    const int w = static_cast<int>(std::lround(font_.AdvanceWidth(source_gid_[cid]) * scale));
    if (w != 1000) out.emplace_back(static_cast<uint16_t>(cid), w);
  }
  return out;
}

std::string FontSubset::BuildToUnicode() const {
  std::string body;
  std::vector<std::pair<uint16_t, char32_t>> entries;
  for (size_t cid = 1; cid < unicode_.size(); ++cid) {
    if (unicode_[cid] != 0) entries.emplace_back(static_cast<uint16_t>(cid), unicode_[cid]);
  }
  // bfchar blocks hold at most 100 entries each.
  for (size_t i = 0; i < entries.size(); i += 100) {
    const size_t end = std::min(entries.size(), i + 100);
    body += std::to_string(end - i) + " beginbfchar\n";
    for (size_t k = i; k < end; ++k) {
      body += '<';
      AppendHex16(entries[k].first, &body);
      body += "> <";
      const char32_t c = entries[k].second;
      if (c < 0x10000) {
        AppendHex16(static_cast<uint16_t>(c), &body);
      } else {  // UTF-16 surrogate pair
        AppendHex16(static_cast<uint16_t>(0xD800 + ((c - 0x10000) >> 10)), &body);
        AppendHex16(static_cast<uint16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)), &body);
      }
      body += ">\n";
    }
    body += "endbfchar\n";
  }
  return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
         body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

std::string FontSubset::Tag() const {
  uint64_t h = 1469598103934665603ull;  // FNV-1a over the glyph list
  for (uint16_t g : source_gid_) {
    h = (h ^ (g & 0xFF)) * 1099511628211ull;
    h = (h ^ (g >> 8)) * 1099511628211ull;
  }
  std::string tag(6, 'A');
  for (char& ch : tag) {
    ch = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

}  // namespace erflow::pdf
