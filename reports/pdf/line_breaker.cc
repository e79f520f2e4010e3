// Line breaking; see line_breaker.h. Text is first cut into units that must not be split
// (a Latin word, a Chinese character with the punctuation glued to it), then units are
// packed greedily into lines.
#include "pdf/line_breaker.h"

namespace erflow::pdf {
namespace {

// Characters that must not begin a line (GB/T 15834 practice and its ASCII cousins).
bool IsNoStart(char32_t c) {
  static const std::u32string kSet =
      U"，。、；：？！）》」』】〕〉〗’”…—～％‰・·,.;:?!)]}%"
      U"）］｝．：；";
  return kSet.find(c) != std::u32string::npos;
}

// Characters that must not end a line.
bool IsNoEnd(char32_t c) {
  static const std::u32string kSet =
      U"（《「『【〔〈〖‘“([{"
      U"（［｛";
  return kSet.find(c) != std::u32string::npos;
}

// Letters, digits and the like that form words which break only at spaces.
bool IsWordChar(char32_t c) {
  return c > ' ' && c < 0x2E80 && !(c >= 0x2000 && c <= 0x206F) && !IsNoStart(c) && !IsNoEnd(c);
}

struct Unit {
  std::u32string text;
  bool space = false;
};

std::vector<Unit> Tokenize(const std::u32string& para) {
  std::vector<Unit> units;
  for (char32_t c : para) {
    if (c == ' ') {
      if (units.empty() || !units.back().space) units.push_back({U"", true});
      units.back().text.push_back(c);
      continue;
    }
    bool glue = false;
    if (!units.empty() && !units.back().space) {
      const char32_t last = units.back().text.back();
      glue = IsNoStart(c) || IsNoEnd(last) || (IsWordChar(c) && IsWordChar(last));
    }
    if (glue) {
      units.back().text.push_back(c);
    } else {
      units.push_back({std::u32string(1, c), false});
    }
  }
  return units;
}

void TrimTrailingSpaces(std::u32string* s) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

}  // namespace

double TextMeasure::Width(const std::u32string& text, double size) const {
  double w = 0;
  for (char32_t c : text) w += CharWidth(c, size);
  return w;
}

std::vector<std::u32string> WrapText(const TextMeasure& measure, const std::u32string& text,
                                     double size, double width) {
  std::vector<std::u32string> lines;
  if (text.empty()) return lines;
  constexpr double kSlack = 0.01;  // rounding: a text exactly as wide as the cell fits
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  if (end == 0) return lines;
  std::u32string para;
  auto flush_paragraph = [&]() {
    std::u32string line;
    double line_w = 0;
    auto emit = [&]() {
      TrimTrailingSpaces(&line);
      lines.push_back(std::move(line));
      line.clear();
      line_w = 0;
    };
    bool first_line = true;
    for (const Unit& u : Tokenize(para)) {
      const double w = measure.Width(u.text, size);
      if (u.space && line.empty() && !first_line) continue;  // no space at a wrapped start
      if (line_w + w <= width + kSlack) {
        line += u.text;
        line_w += w;
        continue;
      }
      if (u.space) {  // the break falls on the space, which disappears
        emit();
        first_line = false;
        continue;
      }
      if (!line.empty()) {
        emit();
        first_line = false;
      }
      if (w <= width + kSlack) {
        line = u.text;
        line_w = w;
        continue;
      }
      // A unit wider than the whole line (a hash, a URL): break between characters.
      for (char32_t c : u.text) {
        const double cw = measure.CharWidth(c, size);
        if (!line.empty() && line_w + cw > width + kSlack) {
          emit();
          first_line = false;
        }
        line.push_back(c);
        line_w += cw;
      }
    }
    if (!line.empty() || first_line) emit();
    para.clear();
  };
  for (size_t i = 0; i < end; ++i) {
    const char32_t c = text[i];
    if (c == '\r') continue;
    if (c == '\n') {
      flush_paragraph();
      continue;
    }
    para.push_back(c == '\t' ? U' ' : c);
  }
  flush_paragraph();
  return lines;
}

}  // namespace erflow::pdf
