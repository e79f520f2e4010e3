#include "server/calendar_folder.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace erflow::server {
namespace {

// Writes `content` to `path` through a temporary file and a rename, so a crash leaves
// either no file or the whole file — never half a year for the next start to choke on.
Status WriteWhole(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wx");
  if (!f) return Status::IOError(tmp + ": " + std::strerror(errno));
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  ok = std::fflush(f) == 0 && ok;
  ok = ::fsync(::fileno(f)) == 0 && ok;
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::IOError(path + ": " + why);
  }
  return Status::Ok();
}

}  // namespace

std::shared_ptr<const Calendar> CalendarFolder::Current() const {
  auto c = engine_->calendar();
  return c ? c : std::make_shared<const Calendar>();
}

Result<CalendarYear> CalendarFolder::Add(const Json& doc) {
  std::lock_guard<std::mutex> lock(mu_);
  ERFLOW_ASSIGN_OR_RETURN(CalendarYear year, CalendarYear::FromJson(doc, "request body"));
  const int y = year.year();
  Calendar next = *Current();
  if (next.Year(y))
    return Status::Conflict("the calendar already has " + std::to_string(y) +
                            "; to change a known year, edit its file and restart the server");
  const std::string file = folder_ + "/" + std::to_string(y) + ".json";
  std::error_code ec;
  if (std::filesystem::exists(file, ec))
    return Status::Conflict(file + " exists but was not loaded; restart the server to load it");
  ERFLOW_RETURN_IF_ERROR(next.Add(year));
  ERFLOW_RETURN_IF_ERROR(WriteWhole(file, doc.Pretty() + "\n"));
  engine_->SetCalendar(std::make_shared<const Calendar>(std::move(next)));
  return year;
}

}  // namespace erflow::server
