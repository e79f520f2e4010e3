// Engine::Impl: what an Engine owns. Internal; shared by the files that implement Engine.
// Thread rules: the members are thread-safe themselves.
#pragma once

#include "erflow/engine.h"
#include "runtime/command_processor.h"
#include "runtime/definition_cache.h"
#include "store/store.h"

namespace erflow {

struct Engine::Impl {
  Impl(std::unique_ptr<Store> s, const Clock& c, std::shared_ptr<const Calendar> cal)
      : store(std::move(s)),
        clock(c),
        calendar(std::move(cal)),
        definitions(store.get()),
        processor(store.get(), &definitions, &clock, calendar.get()) {}
  std::unique_ptr<Store> store;
  const Clock& clock;
  std::shared_ptr<const Calendar> calendar;
  DefinitionCache definitions;
  CommandProcessor processor;
};

}  // namespace erflow
