// Measuring and wrapping text for table cells: Chinese breaks between any two characters
// except where the typesetting rules for Chinese forbid it (no 。，）」 at the start of a
// line, no （「 at its end); Latin words and numbers stay whole unless one alone is wider
// than the cell (a 64-digit hash), which then breaks between characters.
// Thread rules: pure functions over an immutable font.
#pragma once

#include <string>
#include <vector>

#include "pdf/true_type_font.h"

namespace erflow::pdf {

class TextMeasure {
 public:
  explicit TextMeasure(const TrueTypeFont& font) : font_(font), scale_(1.0 / font.units_per_em()) {}
  // Advance width in points at `size` points.
  double CharWidth(char32_t c, double size) const {
    return font_.AdvanceWidth(font_.GlyphFor(c)) * scale_ * size;
  }
  double Width(const std::u32string& text, double size) const;
  const TrueTypeFont& font() const { return font_; }

 private:
  const TrueTypeFont& font_;
  double scale_;
};

// Wraps `text` into lines at most `width` points wide at `size` points. A '\n' forces a
// break ("\r" is dropped, a tab is a space); an empty text gives no lines.
std::vector<std::u32string> WrapText(const TextMeasure& measure, const std::u32string& text,
                                     double size, double width);

}  // namespace erflow::pdf
