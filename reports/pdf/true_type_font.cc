// TrueType parsing; see true_type_font.h. Every offset read from the file is checked
// against the file's size first, so a truncated or hostile font is an error, not a crash.
#include "pdf/true_type_font.h"

#include <utility>

namespace erflow::pdf {
namespace {

constexpr uint32_t Tag(const char* t) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(t[0])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(t[1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(t[2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(t[3]));
}

Status Bad(const std::string& what) {
  return Status::InvalidArgument("font file is not a usable TrueType font: " + what);
}

// Reads a cmap format 4 subtable (BMP) into `bmp`.
bool ReadCmap4(std::string_view t, std::vector<uint16_t>* bmp) {
  if (t.size() < 14) return false;
  const uint16_t seg_x2 = ReadU16(t, 6);
  const size_t ends = 14, starts = ends + seg_x2 + 2, deltas = starts + seg_x2,
               ranges = deltas + seg_x2;
  if (ranges + seg_x2 > t.size()) return false;
  for (size_t s = 0; s < seg_x2 / 2u; ++s) {
    const uint16_t end = ReadU16(t, ends + 2 * s), start = ReadU16(t, starts + 2 * s);
    const uint16_t delta = ReadU16(t, deltas + 2 * s);
    const size_t range_at = ranges + 2 * s;
    const uint16_t range = ReadU16(t, range_at);
    for (uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
      uint16_t gid;
      if (range == 0) {
        gid = static_cast<uint16_t>(c + delta);
      } else {
        const size_t at = range_at + range + 2 * (c - start);
        if (at + 2 > t.size()) return false;
        gid = ReadU16(t, at);
        if (gid != 0) gid = static_cast<uint16_t>(gid + delta);
      }
      (*bmp)[c] = gid;
    }
  }
  return true;
}

// Reads a cmap format 12 subtable (full Unicode).
bool ReadCmap12(std::string_view t, std::vector<uint16_t>* bmp,
                std::unordered_map<char32_t, uint16_t>* astral) {
  if (t.size() < 16) return false;
  const uint32_t groups = ReadU32(t, 12);
  if (16 + static_cast<uint64_t>(groups) * 12 > t.size()) return false;
  for (uint32_t g = 0; g < groups; ++g) {
    const size_t at = 16 + 12 * static_cast<size_t>(g);
    const uint32_t first = ReadU32(t, at), last = ReadU32(t, at + 4), gid = ReadU32(t, at + 8);
    if (last < first || last > 0x10FFFF) return false;
    for (uint32_t c = first; c <= last; ++c) {
      const auto id = static_cast<uint16_t>(gid + (c - first));
      if (c < 0x10000) {
        (*bmp)[c] = id;
      } else {
        (*astral)[c] = id;
      }
    }
  }
  return true;
}

std::string ReadPostScriptName(std::string_view name) {
  if (name.size() < 6) return "";
  const uint16_t count = ReadU16(name, 2), strings = ReadU16(name, 4);
  for (uint16_t i = 0; i < count; ++i) {
    const size_t rec = 6 + 12 * static_cast<size_t>(i);
    if (rec + 12 > name.size()) break;
    const uint16_t platform = ReadU16(name, rec), id = ReadU16(name, rec + 6);
    const uint16_t len = ReadU16(name, rec + 8), off = ReadU16(name, rec + 10);
    if (id != 6 || static_cast<size_t>(strings) + off + len > name.size()) continue;
    std::string_view raw = name.substr(strings + off, len);
    std::string out;
    if (platform == 3 || platform == 0) {  // UTF-16BE; PostScript names are ASCII
      for (size_t k = 0; k + 1 < raw.size(); k += 2) out.push_back(raw[k + 1]);
    } else {
      out.assign(raw);
    }
    // A PDF name must not carry spaces or delimiters; PostScript names never should.
    std::string clean;
    for (char ch : out) {
      if (ch > 32 && ch < 127 && std::string("()<>[]{}/%#").find(ch) == std::string::npos) {
        clean.push_back(ch);
      }
    }
    if (!clean.empty()) return clean;
  }
  return "";
}

}  // namespace

Result<TrueTypeFont> TrueTypeFont::Parse(std::string bytes) {
  TrueTypeFont f;
  f.bytes_ = std::move(bytes);
  std::string_view s = f.bytes_;
  if (s.size() < 12) return Bad("file too short");
  const uint32_t version = ReadU32(s, 0);
  if (version == Tag("ttcf")) {
    return Bad("it is a TrueType collection (.ttc); extract one face (scripts/make-cjk-font)");
  }
  if (version == Tag("OTTO")) return Bad("CFF-based OpenType outlines cannot be subset");
  if (version != 0x00010000 && version != Tag("true")) return Bad("unknown sfnt version");
  const uint16_t num_tables = ReadU16(s, 4);
  if (12 + 16 * static_cast<size_t>(num_tables) > s.size()) return Bad("table directory");
  for (uint16_t i = 0; i < num_tables; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    TableRef ref{ReadU32(s, rec + 8), ReadU32(s, rec + 12)};
    if (static_cast<uint64_t>(ref.offset) + ref.length > s.size()) {
      return Bad("a table lies beyond the end of the file");
    }
    f.tables_[ReadU32(s, rec)] = ref;
  }
  for (const char* required : {"head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap"}) {
    if (f.Table(required).empty()) return Bad(std::string("table '") + required + "' missing");
  }

  std::string_view head = f.Table("head"), hhea = f.Table("hhea"), maxp = f.Table("maxp");
  if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6) return Bad("short header");
  f.units_per_em_ = ReadU16(head, 18);
  if (f.units_per_em_ == 0) return Bad("unitsPerEm is 0");
  for (int i = 0; i < 4; ++i) f.bbox_[i] = ReadI16(head, 36 + 2 * i);
  const bool long_loca = ReadI16(head, 50) != 0;
  f.ascent_ = ReadI16(hhea, 4);
  f.descent_ = ReadI16(hhea, 6);
  f.num_hmetrics_ = ReadU16(hhea, 34);
  f.num_glyphs_ = ReadU16(maxp, 4);
  if (f.num_hmetrics_ == 0 || f.num_hmetrics_ > f.num_glyphs_) return Bad("numberOfHMetrics");

  std::string_view hmtx = f.Table("hmtx");
  if (hmtx.size() < 4u * f.num_hmetrics_ + 2u * (f.num_glyphs_ - f.num_hmetrics_)) {
    return Bad("hmtx too short");
  }
  f.advances_.resize(f.num_hmetrics_);
  for (uint16_t g = 0; g < f.num_hmetrics_; ++g) f.advances_[g] = ReadU16(hmtx, 4u * g);

  std::string_view loca = f.Table("loca"), glyf = f.Table("glyf");
  const size_t entries = static_cast<size_t>(f.num_glyphs_) + 1;
  if (loca.size() < entries * (long_loca ? 4 : 2)) return Bad("loca too short");
  f.loca_.resize(entries);
  for (size_t g = 0; g < entries; ++g) {
    f.loca_[g] = long_loca ? ReadU32(loca, 4 * g) : 2u * ReadU16(loca, 2 * g);
    if (f.loca_[g] > glyf.size() || (g > 0 && f.loca_[g] < f.loca_[g - 1])) {
      return Bad("loca points outside glyf");
    }
  }

  // Prefer the full-Unicode map (3,10) and fall back to the BMP one (3,1) or (0,*).
  std::string_view cmap = f.Table("cmap");
  if (cmap.size() < 4) return Bad("cmap too short");
  f.bmp_.assign(0x10000, 0);
  std::string_view best4, best12;
  const uint16_t subtables = ReadU16(cmap, 2);
  for (uint16_t i = 0; i < subtables; ++i) {
    const size_t rec = 4 + 8 * static_cast<size_t>(i);
    if (rec + 8 > cmap.size()) return Bad("cmap directory");
    const uint16_t platform = ReadU16(cmap, rec), encoding = ReadU16(cmap, rec + 2);
    const uint32_t off = ReadU32(cmap, rec + 4);
    if (off + 8 > cmap.size()) return Bad("cmap subtable offset");
    const uint16_t format = ReadU16(cmap, off);
    const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
    if (!unicode) continue;
    if (format == 4) {
      best4 = cmap.substr(off, ReadU16(cmap, off + 2));
    } else if (format == 12) {
      best12 = cmap.substr(off, ReadU32(cmap, off + 4));
    }
  }
  if (!best12.empty()) {
    if (!ReadCmap12(best12, &f.bmp_, &f.astral_)) return Bad("cmap format 12 damaged");
  } else if (!best4.empty()) {
    if (!ReadCmap4(best4, &f.bmp_)) return Bad("cmap format 4 damaged");
  } else {
    return Bad("no Unicode character map");
  }
  // A map entry pointing past the last glyph would make the subsetter read garbage.
  for (auto& g : f.bmp_) {
    if (g >= f.num_glyphs_) g = 0;
  }
  for (auto& [c, g] : f.astral_) {
    if (g >= f.num_glyphs_) g = 0;
  }

  f.cap_height_ = f.ascent_;
  std::string_view os2 = f.Table("OS/2");
  if (os2.size() >= 90 && ReadU16(os2, 0) >= 2) f.cap_height_ = ReadI16(os2, 88);
  std::string_view post = f.Table("post");
  if (post.size() >= 16) {
    f.italic_angle_ = static_cast<int32_t>(ReadU32(post, 4)) / 65536.0;
    f.fixed_pitch_ = ReadU32(post, 12) != 0;
  }
  f.postscript_name_ = ReadPostScriptName(f.Table("name"));
  if (f.postscript_name_.empty()) f.postscript_name_ = "ErflowCJK";
  return f;
}

int16_t TrueTypeFont::LeftSideBearing(uint16_t gid) const {
  std::string_view hmtx = Table("hmtx");
  if (gid < num_hmetrics_) return ReadI16(hmtx, 4u * gid + 2);
  return ReadI16(hmtx, 4u * num_hmetrics_ + 2u * (gid - num_hmetrics_));
}

std::string_view TrueTypeFont::GlyphData(uint16_t gid) const {
  if (gid >= num_glyphs_) return {};
  return Table("glyf").substr(loca_[gid], loca_[gid + 1] - loca_[gid]);
}

std::string_view TrueTypeFont::Table(const char* tag) const {
  auto it = tables_.find(Tag(tag));
  if (it == tables_.end()) return {};
  return std::string_view(bytes_).substr(it->second.offset, it->second.length);
}

}  // namespace erflow::pdf
