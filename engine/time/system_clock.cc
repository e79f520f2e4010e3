#include <chrono>

#include "erflow/clock.h"

namespace erflow {

Instant SystemClock::Now() const {
  using namespace std::chrono;
  return Instant{duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

}  // namespace erflow
