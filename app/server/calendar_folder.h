// CalendarFolder: the working-day calendar of a running server and the folder its year
// files live in. Adding a year validates the document like a calendar file, writes it to
// the folder as YEAR.json (so a restart, and the CLI, see it too) and swaps a calendar with
// the new year into the engine; commands already running keep the calendar they started
// with. Years are never replaced at run time: a wrong year is a file edit and a restart,
// so no running deadline changes under anyone's feet.
// Thread rules: thread-safe; `mu_` makes each Add a read-modify-swap of its own.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "erflow/calendar.h"
#include "erflow/engine.h"

namespace erflow::server {

class CalendarFolder {
 public:
  // REQUIRES: `engine` outlives this.
  CalendarFolder(Engine* engine, std::string folder)
      : engine_(engine), folder_(std::move(folder)) {}

  // The engine's calendar now (an empty one when it has none).
  std::shared_ptr<const Calendar> Current() const;

  // InvalidArgument (with the path of each problem) for a bad document; Conflict when the
  // year is known or its file exists; IOError when the file cannot be written.
  Result<CalendarYear> Add(const Json& doc);

 private:
  Engine* engine_;
  const std::string folder_;
  std::mutex mu_;  // one Add at a time
};

}  // namespace erflow::server
