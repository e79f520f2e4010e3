// PdfError -> text; see podofo_error.h.
#include "pdf/podofo_error.h"

#include <mutex>

namespace erflow::pdf {

void QuietPodofo() {
  static std::once_flag once;
  std::call_once(once, [] { PoDoFo::PdfError::EnableDebug(false); });
}

std::string DescribePodofoError(const PoDoFo::PdfError& e) {
  std::string out = "PoDoFo: ";
  const char* name = PoDoFo::PdfError::ErrorName(e.GetError());
  out += name ? name : "error";
  for (const auto& info : e.GetCallstack()) {
    if (!info.GetInformation().empty()) out += ": " + info.GetInformation();
  }
  return out;
}

}  // namespace erflow::pdf
