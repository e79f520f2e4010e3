#include "server/timer_sweeper.h"

#include <algorithm>

#include "server/access_log.h"

namespace erflow::server {

void TimerSweeper::Start() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = false;
  }
  thread_ = std::thread([this] { Run(); });
}

void TimerSweeper::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TimerSweeper::Nudge() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    nudged_ = true;
  }
  cv_.notify_all();
}

int64_t TimerSweeper::MaybeAnchor() {
  if (anchor_every_.count() <= 0) return 0;
  const int64_t now = engine_->clock().Now().seconds;
  if (now >= next_anchor_at_) {
    auto written = engine_->WriteAnchors();
    if (written.ok()) {
      anchors_ += *written;
    } else {
      LogServerMessage("sweeper: anchors: " + written.status().ToString());
    }
    // A failed write is retried at the next interval, not in a loop.
    next_anchor_at_ = now + anchor_every_.count();
  }
  return next_anchor_at_ - now;
}

std::chrono::milliseconds TimerSweeper::Sweep() {
  using std::chrono::milliseconds;
  const int64_t anchor_in = MaybeAnchor();
  const milliseconds longest =
      anchor_in > 0 ? std::min(interval_, milliseconds(anchor_in * 1000)) : interval_;
  // A full batch means more may be due: sweep again at once.
  auto report = engine_->Tick(batch_);
  if (!report.ok()) {
    LogServerMessage("sweeper: " + report.status().ToString());
    return longest;
  }
  fired_ += report->fired;
  for (const auto& e : report->errors) LogServerMessage("sweeper: " + e);
  if (report->fired >= batch_) return milliseconds(0);
  auto next = engine_->NextTimerAt();
  if (!next.ok()) {
    LogServerMessage("sweeper: " + next.status().ToString());
    return longest;
  }
  if (!*next) return longest;
  const int64_t seconds = (*next)->seconds - engine_->clock().Now().seconds;
  // Due already yet not fired: it failed above (logged); retry at the interval rather than
  // spinning. The engine's clock counts whole seconds, so wake just after the due second.
  if (seconds <= 0) return longest;
  return std::min(longest, milliseconds(seconds * 1000));
}

void TimerSweeper::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    nudged_ = false;
    lock.unlock();
    const auto wait = Sweep();
    lock.lock();
    if (wait.count() == 0) continue;
    cv_.wait_for(lock, wait, [this] { return stop_ || nudged_; });
  }
}

}  // namespace erflow::server
