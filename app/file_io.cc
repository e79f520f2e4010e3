// ReadWholeFile, WriteWholeFile; see file_io.h.
#include "file_io.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace erflow::cli {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read failed");
  return ss.str();
}

Status WriteWholeFile(const std::string& path, const std::string& bytes) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(partial.c_str());
      return Status::IOError(path + ": cannot write");
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return Status::IOError(path + ": cannot rename " + partial + " into place");
  }
  return Status::Ok();
}

}  // namespace erflow::cli
