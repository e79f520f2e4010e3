// Problems: the list of everything wrong with a piece of input (a definition, a form
// schema, a calendar file, submitted form data). Validation collects all problems rather
// than stopping at the first, because an author fixing a definition wants the whole list.
// Each problem names the source file, the JSON path inside it and what was expected.
// Thread rules: a plain value type.
#pragma once

#include <string>
#include <vector>

#include "erflow/json.h"
#include "erflow/status.h"

namespace erflow {

struct Problem {
  std::string source;  // file name or "form data"
  std::string path;    // JSON path, e.g. "stages[2].tasks[0].role"
  int line = 0;        // 0 when unknown
  int column = 0;
  std::string message;

  // "workflows/x.json:14:9: stages[2].tasks[0].role: unknown role "superviser" ..."
  std::string ToString() const;
};

class Problems {
 public:
  explicit Problems(std::string source = "") : source_(std::move(source)) {}

  void Add(const std::string& path, const Json* at, const std::string& message);
  void Add(Problem p) { list_.push_back(std::move(p)); }
  void Append(const Problems& other);

  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  const std::vector<Problem>& list() const { return list_; }
  const std::string& source() const { return source_; }

  // Ok when empty, else InvalidArgument with one problem per line.
  Status ToStatus() const;

 private:
  std::string source_;
  std::vector<Problem> list_;
};

// Joins a JSON path: Child("stages[2]", "tasks") == "stages[2].tasks".
std::string JsonPathChild(const std::string& parent, const std::string& key);
std::string JsonPathIndex(const std::string& parent, size_t index);

}  // namespace erflow
