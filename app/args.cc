#include "args.h"

namespace erflow::cli {

std::string Args::Parse(const std::set<std::string>& valued, const std::set<std::string>& flags) {
  positionals_.clear();
  values_.clear();
  flags_.clear();
  for (size_t i = 0; i < words_.size(); ++i) {
    const std::string& w = words_[i];
    if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
      std::string name = w.substr(2), value;
      bool has_inline = false;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_inline = true;
      }
      if (valued.count(name)) {
        if (!has_inline) {
          if (i + 1 >= words_.size()) return "option --" + name + " needs a value";
          value = words_[++i];
        }
        values_.emplace(name, value);
      } else if (flags.count(name) && !has_inline) {
        flags_.insert(name);
      } else {
        return "unknown option --" + name;
      }
    } else {
      positionals_.push_back(w);
    }
  }
  return "";
}

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::GetOr(const std::string& name, const std::string& def) const {
  auto v = Get(name);
  return v ? *v : def;
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values_.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

bool Args::WantsHelp() const {
  for (const auto& w : words_)
    if (w == "--help" || w == "-h") return true;
  return false;
}

}  // namespace erflow::cli
