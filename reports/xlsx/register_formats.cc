// See register_formats.h. The warning cells are filled with their colour because that is
// how the plans themselves print them; red and blue get white text to stay legible.
// Thread rules: as register_formats.h.
#include "register_formats.h"

#include <cstddef>

namespace erflow::reports {
namespace {

lxw_format* NumberFormat(lxw_workbook* wb, const char* pattern) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, pattern);
  return f;
}

lxw_format* Fill(lxw_workbook* wb, lxw_color_t fill, lxw_color_t font) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  format_set_align(f, LXW_ALIGN_CENTER);
  return f;
}

}  // namespace

RegisterFormats RegisterFormats::Create(lxw_workbook* wb) {
  RegisterFormats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);

  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f.header);

  f.moment = NumberFormat(wb, "yyyy-mm-dd hh:mm");
  f.day = NumberFormat(wb, "yyyy-mm-dd");
  f.hours = NumberFormat(wb, "0.0");
  f.count = NumberFormat(wb, "0");
  f.percent = NumberFormat(wb, "0.0%");

  f.warning[static_cast<size_t>(WarningColour::kRed)] = Fill(wb, 0xC00000, LXW_COLOR_WHITE);
  f.warning[static_cast<size_t>(WarningColour::kOrange)] = Fill(wb, 0xF4B183, LXW_COLOR_BLACK);
  f.warning[static_cast<size_t>(WarningColour::kYellow)] = Fill(wb, 0xFFE699, LXW_COLOR_BLACK);
  f.warning[static_cast<size_t>(WarningColour::kBlue)] = Fill(wb, 0x2F5597, LXW_COLOR_WHITE);
  return f;
}

lxw_format* RegisterFormats::Warning(WarningColour c) const {
  size_t i = static_cast<size_t>(c);
  return i < sizeof(warning) / sizeof(warning[0]) ? warning[i] : nullptr;
}

}  // namespace erflow::reports
