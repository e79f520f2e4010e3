// User: a person who acts on cases — a clerk, supervisor, inspector, archivist or admin —
// belonging to one unit (事发单位, 指挥部办公室, …). Authority is decided from this record
// at the engine's single choke point. Thread rules: a plain value type.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace erflow {

struct User {
  std::string name;          // login name, e.g. "zhang.wei"
  std::string display_name;  // e.g. 张伟
  std::vector<std::string> roles;
  std::string unit;
  bool active = true;
  // "all": sees every case (the command office, archivists); "unit": the cases its unit
  // takes part in.
  std::string scope = "unit";

  bool HasRole(const std::string& role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
  const std::string& Shown() const { return display_name.empty() ? name : display_name; }
};

}  // namespace erflow
