// WritePdf; see document_writer.h. Content streams are written as text here rather than
// through PdfPainter because the font is our own subset (PdfPainter wants a PoDoFo font).
#include "pdf/document_writer.h"

#include <podofo/podofo.h>

#include <cmath>
#include <cstdio>

#include "erflow/time_format.h"
#include "pdf/font_subset.h"
#include "pdf/podofo_error.h"
#include "pdf/utf8.h"

namespace erflow::pdf {
namespace {

using namespace PoDoFo;

// Numbers in content streams: two decimals, trailing zeros dropped.
void Num(double v, std::string* out) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.2f", v);
  while (n > 1 && buf[n - 1] == '0') --n;
  if (n > 1 && buf[n - 1] == '.') --n;
  out->append(buf, n);
  out->push_back(' ');
}

PdfString Utf8String(const std::string& s) {
  return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
}

constexpr double kFooterSize = 8.0, kPageNumberSize = 9.0;

// The page's content stream: cell borders, rules, then all text in one text object.
std::string BuildContent(const PageLayout& page, size_t index, size_t count,
                         const PageGeometry& geo, const TextMeasure& measure, FontSubset* subset) {
  std::string s;
  s.reserve(4096 + page.texts.size() * 64);
  if (!page.boxes.empty() || !page.lines.empty()) {
    double width = -1;
    for (const BoxOp& b : page.boxes) {
      if (b.width != width) Num(b.width, &s), s += "w\n", width = b.width;
      Num(b.x, &s), Num(b.y, &s), Num(b.w, &s), Num(b.h, &s), s += "re\n";
    }
    for (const LineOp& l : page.lines) {
      if (l.width != width) Num(l.width, &s), s += "w\n", width = l.width;
      Num(l.x0, &s), Num(l.y0, &s), s += "m ", Num(l.x1, &s), Num(l.y1, &s), s += "l\n";
    }
    s += "S\n";
  }
  std::vector<TextOp> texts = page.texts;
  // Footer: the note (at most two lines, above) and the page number (centred).
  const double content_w = geo.content_width();
  std::vector<std::u32string> note = WrapText(measure, page.footer_note, kFooterSize, content_w);
  if (note.size() > 2) {
    note.resize(2);
    note[1] += U"…";
  }
  for (size_t i = 0; i < note.size(); ++i) {
    texts.push_back({geo.left, 40.0 + 11.0 * (note.size() - 1 - i), kFooterSize, false, note[i]});
  }
  const std::u32string number = DecodeUtf8Lossy("第 " + std::to_string(index + 1) + " 页 共 " +
                                                std::to_string(count) + " 页");
  const double gap = kPageNumberSize * 0.3;
  const double number_w = measure.Width(number, kPageNumberSize) + 4 * gap;
  texts.push_back({(geo.width - number_w) / 2, 24.0, kPageNumberSize, false, number, gap});

  s += "BT\n";
  double size = -1;
  bool bold = false;
  for (const TextOp& t : texts) {
    if (t.size != size) s += "/F1 ", Num(t.size, &s), s += "Tf\n", size = t.size;
    if (t.bold != bold) {
      if (t.bold) {
        s += "2 Tr ", Num(t.size * 0.035, &s), s += "w\n";
      } else {
        s += "0 Tr\n";
      }
      bold = t.bold;
    }
    s += "1 0 0 1 ", Num(t.x, &s), Num(t.y, &s), s += "Tm ";
    if (t.space_extra > 0) {  // [<...> -n <...>] TJ: each -n moves on n/1000 em
      s += '[';
      size_t from = 0;
      for (size_t sp; (sp = t.text.find(U' ', from)) != std::u32string::npos; from = sp + 1) {
        subset->AppendHex(t.text.substr(from, sp + 1 - from), &s);
        s += ' ', Num(-t.space_extra * 1000 / t.size, &s);
      }
      subset->AppendHex(t.text.substr(from), &s);
      s += "] TJ\n";
      continue;
    }
    subset->AppendHex(t.text, &s);
    s += " Tj\n";
  }
  s += "ET\n";
  return s;
}

// Fills `type0` with the subset font: Type0 -> CIDFontType2 -> descriptor -> FontFile2.
void EmbedFont(PdfMemDocument* doc, const FontSubset& subset, PdfObject* type0) {
  const TrueTypeFont& font = subset.font();
  PdfVecObjects& objects = doc->GetObjects();
  const double scale = 1000.0 / font.units_per_em();
  const PdfName base(subset.Tag() + "+" + font.postscript_name());

  const std::string program = subset.BuildFontProgram();
  PdfObject* file = objects.CreateObject();
  file->GetDictionary().AddKey("Length1", static_cast<pdf_int64>(program.size()));
  file->GetStream()->Set(program.data(), program.size());

  PdfObject* descriptor = objects.CreateObject("FontDescriptor");
  PdfDictionary& d = descriptor->GetDictionary();
  d.AddKey("FontName", base);
  d.AddKey("Flags", static_cast<pdf_int64>(font.fixed_pitch() ? 5 : 4));  // symbolic
  PdfArray bbox;
  for (int i = 0; i < 4; ++i)
    bbox.push_back(static_cast<pdf_int64>(std::lround(font.bbox(i) * scale)));
  d.AddKey("FontBBox", bbox);
  d.AddKey("ItalicAngle", static_cast<pdf_int64>(std::lround(font.italic_angle())));
  d.AddKey("Ascent", static_cast<pdf_int64>(std::lround(font.ascent() * scale)));
  d.AddKey("Descent", static_cast<pdf_int64>(std::lround(font.descent() * scale)));
  d.AddKey("CapHeight", static_cast<pdf_int64>(std::lround(font.cap_height() * scale)));
  d.AddKey("StemV", static_cast<pdf_int64>(80));
  d.AddKey("FontFile2", file->Reference());

  PdfObject* cid = objects.CreateObject("Font");
  PdfDictionary& c = cid->GetDictionary();
  c.AddKey("Subtype", PdfName("CIDFontType2"));
  c.AddKey("BaseFont", base);
  PdfDictionary info;
  info.AddKey("Registry", PdfString("Adobe"));
  info.AddKey("Ordering", PdfString("Identity"));
  info.AddKey("Supplement", PdfObject(static_cast<pdf_int64>(0)));
  c.AddKey("CIDSystemInfo", info);
  c.AddKey("FontDescriptor", descriptor->Reference());
  c.AddKey("DW", static_cast<pdf_int64>(1000));
  // /W lists runs of consecutive CIDs: c [w1 w2 ...]; CIDs at DW are left out.
  PdfArray w_array, run;
  int run_start = -1, next = -1;
  for (const auto& [id, width] : subset.NonDefaultWidths()) {
    if (id != next && run_start >= 0) {
      w_array.push_back(static_cast<pdf_int64>(run_start));
      w_array.push_back(run);
      run.clear();
      run_start = -1;
    }
    if (run_start < 0) run_start = id;
    run.push_back(static_cast<pdf_int64>(width));
    next = id + 1;
  }
  if (run_start >= 0) {
    w_array.push_back(static_cast<pdf_int64>(run_start));
    w_array.push_back(run);
  }
  c.AddKey("W", w_array);
  c.AddKey("CIDToGIDMap", PdfName("Identity"));

  const std::string cmap = subset.BuildToUnicode();
  PdfObject* to_unicode = objects.CreateObject();
  to_unicode->GetStream()->Set(cmap.data(), cmap.size());

  PdfDictionary& t = type0->GetDictionary();
  t.AddKey("Subtype", PdfName("Type0"));
  t.AddKey("BaseFont", base);
  t.AddKey("Encoding", PdfName("Identity-H"));
  PdfArray descendants;
  descendants.push_back(cid->Reference());
  t.AddKey("DescendantFonts", descendants);
  t.AddKey("ToUnicode", to_unicode->Reference());
}

}  // namespace

std::string PdfDateString(Instant t) {
  // FormatTimestamp renders "2025-10-14T17:00:00+08:00".
  const std::string iso = FormatTimestamp(t);
  std::string d = "D:";
  for (char ch : iso.substr(0, 19)) {
    if (ch >= '0' && ch <= '9') d.push_back(ch);
  }
  return d + iso.substr(19, 3) + "'" + iso.substr(23, 2) + "'";
}

Result<std::string> WritePdf(const LaidOutDocument& laid, const TextMeasure& measure) {
  if (laid.pages.empty()) return Status::InvalidArgument("a PDF needs at least one page");
  std::string out;
  Status st = CatchPodofo("writing PDF", Status::Code::kIOError, [&]() -> Status {
    PdfMemDocument doc;
    PdfInfo* info = doc.GetInfo();
    if (!laid.info.title.empty()) info->SetTitle(Utf8String(laid.info.title));
    if (!laid.info.author.empty()) info->SetAuthor(Utf8String(laid.info.author));
    if (!laid.info.subject.empty()) info->SetSubject(Utf8String(laid.info.subject));
    if (!laid.info.keywords.empty()) info->SetKeywords(Utf8String(laid.info.keywords));
    info->SetCreator(PdfString("erflow"));
    info->SetProducer(PdfString("erflow with PoDoFo 0.9.8"));
    if (laid.info.created) {
      info->GetObject()->GetDictionary().AddKey("CreationDate",
                                                PdfString(PdfDateString(*laid.info.created)));
    }

    const PdfRect media(0, 0, laid.geometry.width, laid.geometry.height);
    // PoDoFo 0.9.8: a second CreatePage() invalidates the page the first returned, so
    // create them all, then fetch each with GetPage().
    for (size_t i = 0; i < laid.pages.size(); ++i) doc.CreatePage(media);

    FontSubset subset(measure.font());
    PdfObject* font = doc.GetObjects().CreateObject("Font");
    for (size_t i = 0; i < laid.pages.size(); ++i) {
      PdfPage* page = doc.GetPage(static_cast<int>(i));
      const std::string content =
          BuildContent(laid.pages[i], i, laid.pages.size(), laid.geometry, measure, &subset);
      page->GetContents()->GetStream()->Set(content.data(), content.size());
      PdfDictionary fonts;
      fonts.AddKey("F1", font->Reference());
      page->GetResources()->GetDictionary().AddKey("Font", fonts);
    }
    EmbedFont(&doc, subset, font);

    if (!laid.bookmarks.empty()) {
      PdfOutlines* outlines = doc.GetOutlines();
      for (const Bookmark& b : laid.bookmarks) {
        if (b.page >= laid.pages.size()) continue;
        outlines->CreateChild(Utf8String(b.title),
                              PdfDestination(doc.GetPage(static_cast<int>(b.page))));
      }
      doc.SetPageMode(ePdfPageModeUseBookmarks);
    }

    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    doc.Write(&device);
    out.assign(buffer.GetBuffer(), device.GetLength());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace erflow::pdf
