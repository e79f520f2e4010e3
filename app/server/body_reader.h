// BodyReader: reads the members of a JSON request body by name and type, collecting every
// problem — a missing required member, a wrong type, a member the endpoint does not take —
// and reports them together as one 422 with a message per member, so the UI can mark each
// one. Reading a member declares it allowed; Finish() reports the rest as unknown.
// Thread rules: one request's thread.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "erflow/json.h"

namespace erflow::server {

class BodyReader {
 public:
  // REQUIRES: `body` is an object and outlives the reader.
  explicit BodyReader(const Json& body) : body_(body) {}

  // A required string must also be non-empty.
  std::optional<std::string> String(const std::string& name, bool required);
  std::optional<int64_t> Int(const std::string& name, bool required);
  std::optional<bool> Bool(const std::string& name, bool required);
  // An object member (form data, an uploaded document).
  const Json* Object(const std::string& name, bool required);
  std::optional<std::vector<std::string>> Strings(const std::string& name, bool required);

  // Throws ApiError 422 "invalid_argument" listing every problem and every member not
  // read, each under its name in `fields`.
  void Finish();

 private:
  // The member, or null (noting a problem when required and absent).
  const Json* Member(const std::string& name, bool required);
  void Problem(const std::string& name, const std::string& message);

  const Json& body_;
  std::set<std::string> read_;
  std::vector<std::pair<std::string, std::string>> problems_;
};

}  // namespace erflow::server
