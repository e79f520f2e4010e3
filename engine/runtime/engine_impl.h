// Engine::Impl: what an Engine owns. Internal; shared by the files that implement Engine.
// Thread rules: the members are thread-safe themselves. The calendar lives in the
// processor, which swaps it safely (Engine::SetCalendar).
#pragma once

#include "erflow/engine.h"
#include "runtime/command_processor.h"
#include "runtime/definition_cache.h"
#include "store/store.h"

namespace erflow {

struct Engine::Impl {
  Impl(std::unique_ptr<Store> s, const Clock& c, std::shared_ptr<const Calendar> calendar)
      : store(std::move(s)),
        clock(c),
        definitions(store.get()),
        processor(store.get(), &definitions, &clock, std::move(calendar)) {}
  std::unique_ptr<Store> store;
  const Clock& clock;
  DefinitionCache definitions;
  CommandProcessor processor;
};

}  // namespace erflow
