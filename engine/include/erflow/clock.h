// Clock: where "now" comes from. Every component that needs the time takes a Clock;
// there is no hidden global clock. Tests and drills (应急演练) use ManualClock; the CLI's
// --now sets one. Thread rules: SystemClock is stateless; ManualClock guards its value
// with an atomic so a test thread may advance it while the server reads it.
#pragma once

#include <atomic>

#include "erflow/instant.h"

namespace erflow {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

// The machine's real-time clock.
class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// A clock that stands still until told to move.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start.seconds) {}
  Instant Now() const override { return Instant{now_.load()}; }
  void Set(Instant t) { now_.store(t.seconds); }
  void Advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace erflow
