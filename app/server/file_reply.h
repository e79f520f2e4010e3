// Answers that are files (record and dossier PDFs, register workbooks) rather than JSON,
// and the scratch folder an exporter writes its file into before it is sent.
// Thread rules: FileReply is a pure function; a ScratchDir belongs to one request's thread.
#pragma once

#include <string>

#include "server/api_reply.h"

namespace erflow::server {

inline constexpr char kPdfType[] = "application/pdf";
inline constexpr char kXlsxType[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// 200 with `bytes`, offered as a download named `file_name` (ASCII letters, digits, "-",
// "_", "."), or shown in place when `inline_view`. Never cached: records are evidence.
ApiReply FileReply(const std::string& content_type, std::string bytes, const std::string& file_name,
                   bool inline_view = false);

// A fresh private folder under the system's temporary folder, removed with everything in
// it when the object goes.
class ScratchDir {
 public:
  ScratchDir();  // throws ApiError 500 when the folder cannot be made
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace erflow::server
