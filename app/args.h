// Args: the command line after the global options, consumed left to right by each
// subcommand. Options may appear anywhere after the subcommand words; "--name value" and
// "--name=value" are both accepted. Thread rules: single-threaded use.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace erflow::cli {

class Args {
 public:
  Args(std::vector<std::string> words) : words_(std::move(words)) {}  // NOLINT

  // Declares which options take a value and which are flags, then splits the remaining
  // words into positionals and options. Returns an error text for unknown options.
  std::string Parse(const std::set<std::string>& valued, const std::set<std::string>& flags);

  const std::vector<std::string>& positionals() const { return positionals_; }
  std::optional<std::string> Get(const std::string& name) const;
  std::string GetOr(const std::string& name, const std::string& def) const;
  bool Flag(const std::string& name) const { return flags_.count(name) > 0; }
  // All values of an option given several times (e.g. --as with --member).
  std::vector<std::string> GetAll(const std::string& name) const;

  // The first word (a subcommand), and the rest as a new Args.
  std::string Head() const { return words_.empty() ? "" : words_[0]; }
  Args Tail() const {
    return Args(std::vector<std::string>(words_.begin() + (words_.empty() ? 0 : 1), words_.end()));
  }
  bool WantsHelp() const;
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;
  std::vector<std::string> positionals_;
  std::multimap<std::string, std::string> values_;
  std::set<std::string> flags_;
};

}  // namespace erflow::cli
