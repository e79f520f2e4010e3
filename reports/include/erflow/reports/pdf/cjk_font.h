// CjkFont: the TrueType font the PDF records draw their Chinese (and Latin) text with,
// loaded once and then shared by every document a process renders. Each PDF embeds only
// the glyphs it uses (a subset), as a CID font with Identity-H encoding.
//
// The default font is built from Debian's fonts-wqy-zenhei by scripts/make-cjk-font at
// build time (one face of the .ttc, cut down to GBK + ASCII + punctuation). Its path is
// compiled in and can be overridden with the ERFLOW_CJK_FONT environment variable.
//
// Thread rules: a loaded CjkFont is immutable; share it (shared_ptr<const CjkFont>)
// between threads freely. Loading is the expensive part (tens of ms): do it once.
#pragma once

#include <memory>
#include <string>

#include "erflow/result.h"

namespace erflow::pdf {

class TrueTypeFont;

class CjkFont {
 public:
  // The font path to use: $ERFLOW_CJK_FONT if set and non-empty, else the path the
  // build produced (ERFLOW_CJK_FONT_DEFAULT, e.g. build/fonts/erflow-cjk.ttf).
  static std::string DefaultPath();

  // Loads a standalone TrueType (.ttf, glyf outlines). A .ttc collection or a CFF-based
  // .otf is refused with a message saying so (they cannot be subset).
  static Result<std::shared_ptr<const CjkFont>> Load(const std::string& path);
  // Loads DefaultPath().
  static Result<std::shared_ptr<const CjkFont>> LoadDefault();

  ~CjkFont();
  CjkFont(const CjkFont&) = delete;
  CjkFont& operator=(const CjkFont&) = delete;

  // Whether the font can draw this code point. Line breaks and tabs count as drawable
  // (the layout turns them into space).
  bool Covers(char32_t c) const;
  // The characters of UTF-8 `text` the font cannot draw, each once, in order of first
  // appearance, as "U+20BB7 '𠮷'"-style descriptions joined by ", "; empty if all are
  // drawable. Malformed UTF-8 is reported as such.
  std::string DescribeMissing(const std::string& text) const;

  const std::string& path() const { return path_; }
  // Internal: the parsed font, for the renderer.
  const TrueTypeFont& true_type() const { return *font_; }

 private:
  CjkFont(std::string path, std::unique_ptr<const TrueTypeFont> font);
  std::string path_;
  std::unique_ptr<const TrueTypeFont> font_;
};

}  // namespace erflow::pdf
