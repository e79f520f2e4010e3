// LocalizedText: a user-facing text in Chinese first, with English alongside.
// Thread rules: a plain value type.
#pragma once

#include <string>

namespace erflow {

struct LocalizedText {
  std::string zh;
  std::string en;  // may be empty; then zh is shown

  const std::string& Get(const std::string& lang) const {
    return lang == "en" && !en.empty() ? en : zh;
  }
};

}  // namespace erflow
