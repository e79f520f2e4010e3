// TimerSweeper: the server's own `erflow tick`. One thread fires every due timer
// (reminders, overdue marks, escalations, accountability proposals, daily roll-overs)
// through Engine::Tick, then sleeps until the next timer is due (Engine::NextTimerAt), at
// most `interval`, or until Nudge() says a command may have written an earlier timer.
// Timers are rows in the store, so a restart loses nothing and a concurrent `erflow tick`
// is harmless: each timer fires once.
// It also writes the audit anchors (Engine::WriteAnchors) every `anchor_every` of the
// engine's clock, so a case deleted or rolled back behind the server's back is caught by
// `erflow audit verify` without anyone running `erflow audit anchor`.
// Thread rules: Start/Stop from the owning thread; Nudge from any thread. `mu_` guards
// `stop_` and `nudged_`.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "erflow/engine.h"

namespace erflow::server {

class TimerSweeper {
 public:
  // REQUIRES: `engine` outlives the sweeper (Stop() before destroying the engine).
  // `anchor_every` of zero: no anchors from the sweeper.
  TimerSweeper(Engine* engine, std::chrono::milliseconds interval, int64_t batch,
               std::chrono::seconds anchor_every = std::chrono::seconds(0))
      : engine_(engine), interval_(interval), batch_(batch), anchor_every_(anchor_every) {}
  ~TimerSweeper() { Stop(); }
  TimerSweeper(const TimerSweeper&) = delete;
  TimerSweeper& operator=(const TimerSweeper&) = delete;

  void Start();
  // Wakes the thread, lets a sweep in progress finish, and joins it.
  void Stop();
  // Asks for a look at the timers now (after a command that may have added one).
  void Nudge();

  // Timers fired since Start (for the shutdown message).
  int64_t fired() const { return fired_; }
  // Anchors written since Start (read after Stop()).
  int64_t anchors() const { return anchors_; }

 private:
  void Run();
  // One sweep; returns how long to sleep before the next.
  std::chrono::milliseconds Sweep();
  // Writes anchors when `anchor_every_` has passed since the last write (or at the first
  // sweep); returns the engine-clock seconds until the next write is due (0: not at all).
  int64_t MaybeAnchor();

  Engine* engine_;
  const std::chrono::milliseconds interval_;
  const int64_t batch_;
  const std::chrono::seconds anchor_every_;
  int64_t next_anchor_at_ = 0;  // engine-clock seconds; sweeper thread only
  int64_t anchors_ = 0;         // written by the sweeper thread only; read after Stop()
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;    // guarded by mu_
  bool nudged_ = false;  // guarded by mu_
  int64_t fired_ = 0;    // written by the sweeper thread only; read after Stop()
};

}  // namespace erflow::server
