#include "erflow/problems.h"

namespace erflow {

std::string Problem::ToString() const {
  std::string s = source;
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
  if (!s.empty()) s += ": ";
  if (!path.empty()) s += path + ": ";
  return s + message;
}

void Problems::Add(const std::string& path, const Json* at, const std::string& message) {
  Problem p;
  p.source = source_;
  p.path = path;
  if (at) {
    p.line = at->line();
    p.column = at->column();
  }
  p.message = message;
  list_.push_back(std::move(p));
}

void Problems::Append(const Problems& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

Status Problems::ToStatus() const {
  if (list_.empty()) return Status::Ok();
  std::string msg;
  std::vector<Status::Detail> details;
  for (size_t i = 0; i < list_.size(); ++i) {
    if (i) msg += "\n";
    msg += list_[i].ToString();
    details.push_back(Status::Detail{list_[i].path, list_[i].message});
  }
  return Status::InvalidArgument(msg).WithDetails(std::move(details));
}

std::string JsonPathChild(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string JsonPathIndex(const std::string& parent, size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

}  // namespace erflow
