// The store suite: the same tests against every backend (SQLite; PostgreSQL when the test
// script started a cluster). They exercise the Store interface directly, then the engine
// on top of it, so a backend that passes behaves as the engine expects.
#include <catch2/catch.hpp>

#include <thread>

#include "engine_fixture.h"
#include "store/store.h"
#include "store_backends.h"

using namespace erflow;
using erflow::test::Backend;
using erflow::test::StoreBackends;

namespace {

std::unique_ptr<Store> Open(const Backend& b) {
  auto store = OpenStore(b.fresh_url());
  REQUIRE(store.ok());
  return std::move(store).value();
}

StoredCase NewCase(const std::string& unit) {
  StoredCase c;
  c.plan = "p";
  c.plan_version = 1;
  c.unit = unit;
  c.status = "active";
  c.opened_at = Instant{1000};
  c.updated_at = Instant{1000};
  c.snapshot = "{}";
  c.summary = "{}";
  return c;
}

HistoryEvent Event(int64_t case_id, int64_t seq, const std::string& key) {
  HistoryEvent e;
  e.case_id = case_id;
  e.seq = seq;
  e.at = Instant{1000 + seq};
  e.actor = "a";
  e.command = "submit";
  e.key = key;
  e.body = "{\"seq\":" + std::to_string(seq) + "}";
  e.hash = "h" + std::to_string(seq);
  return e;
}

}  // namespace

TEST_CASE("store suite: cases, optimistic versions and events") {
  for (const auto& backend : StoreBackends()) {
    INFO(backend.name);
    auto store = Open(backend);
    auto tx = store->BeginWrite();
    REQUIRE(tx.ok());
    auto id = (*tx)->InsertCase(NewCase("u1"));
    REQUIRE(id.ok());
    StoredCase c = NewCase("u1");
    c.id = *id;
    c.version = 1;
    c.head_hash = "h1";
    c.snapshot = "{\"x\":\"中文 '); DROP TABLE cases;--\"}";
    REQUIRE((*tx)->AppendEvent(Event(*id, 1, "k1")).ok());
    REQUIRE((*tx)->UpdateCase(c, 0).ok());
    REQUIRE((*tx)->Commit().ok());

    auto loaded = store->LoadCase(*id);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->version == 1);
    CHECK((*loaded)->snapshot == c.snapshot);  // stored verbatim

    // A stale version is a conflict and the transaction applies nothing.
    auto tx2 = store->BeginWrite();
    REQUIRE(tx2.ok());
    REQUIRE((*tx2)->AppendEvent(Event(*id, 2, "k2")).ok());
    c.version = 2;
    CHECK((*tx2)->UpdateCase(c, 0).code() == Status::Code::kConflict);
    tx2->reset();  // rolled back
    CHECK(store->CaseEvents(*id)->size() == 1);
    CHECK((*store->LoadCase(*id))->version == 1);

    // An idempotency key is unique across the store.
    auto tx3 = store->BeginWrite();
    REQUIRE(tx3.ok());
    auto found = (*tx3)->FindEventByKey("k1");
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->seq == 1);
    CHECK((*tx3)->AppendEvent(Event(*id, 2, "k1")).code() == Status::Code::kConflict);
  }
}

TEST_CASE("store suite: queue rows, visibility and the queue order") {
  for (const auto& backend : StoreBackends()) {
    INFO(backend.name);
    auto store = Open(backend);
    User clerk{"c", "", {"clerk"}, "u1", true, "unit"};
    REQUIRE(store->PutUser(clerk).ok());
    auto tx = store->BeginWrite();
    int64_t id = *(*tx)->InsertCase(NewCase("u1"));
    WorkItem pool{id, "t2",         "n", "task",  "clerk", "u1", "",
                  "", Instant{200}, "p", "later", 0,       false};
    WorkItem mine{id, "t1",         "n", "task", "clerk", "u1", "c",
                  "", Instant{300}, "p", "held", 0,       false};
    WorkItem own_approval{id,  "t3",         "n", "approval", "clerk", "u1", "",
                          "c", Instant{100}, "p", "own",      0,       false};
    WorkItem overdue{id, "t4",         "n", "task", "clerk", "u1", "",
                     "", Instant{400}, "p", "late", 0,       true};
    REQUIRE((*tx)->UpdateWorkItems(id, {}, {pool, mine, own_approval, overdue}).ok());
    REQUIRE((*tx)->AddCaseUnits(id, {"u1", "city"}).ok());
    REQUIRE((*tx)->AddCaseUnits(id, {"city"}).ok());  // idempotent
    REQUIRE((*tx)->Commit().ok());
    auto q = store->Queue(clerk, 10);
    REQUIRE(q.ok());
    REQUIRE(q->size() == 3);          // never one's own approval
    CHECK((*q)[0].title == "late");   // overdue first
    CHECK((*q)[1].title == "later");  // then oldest first
    CHECK((*q)[2].title == "held");
    CaseFilter f;
    f.visible_to_unit = "city";
    CHECK(store->ListCases(f)->size() == 1);
    f.visible_to_unit = "elsewhere";
    CHECK(store->ListCases(f)->empty());
    auto tx2 = store->BeginWrite();
    REQUIRE((*tx2)->UpdateWorkItems(id, {pool, mine, own_approval, overdue}, {mine}).ok());
    REQUIRE((*tx2)->Commit().ok());
    CHECK(store->Queue(clerk, 10)->size() == 1);
  }
}

TEST_CASE("store suite: timers fire once, sequences are gapless under concurrency") {
  for (const auto& backend : StoreBackends()) {
    INFO(backend.name);
    auto store = Open(backend);
    auto tx = store->BeginWrite();
    int64_t id = *(*tx)->InsertCase(NewCase("u1"));
    TimerRow t{0, id, "due", "k", Instant{500}, Instant{500}};
    REQUIRE((*tx)->UpdateTimers(id, 1, {}, {t}).ok());
    REQUIRE((*tx)->Commit().ok());
    CHECK(store->DueTimers(Instant{499}, 10)->empty());
    auto due = store->DueTimers(Instant{500}, 10);
    REQUIRE(due->size() == 1);
    CHECK(*store->NextTimerAt().value() == Instant{500});
    auto a = store->BeginWrite();
    auto claimed = (*a)->ClaimNextDueTimer(Instant{500}, {});
    REQUIRE(claimed.ok());
    REQUIRE(claimed->has_value());
    CHECK((*claimed)->key == "k");
    REQUIRE((*a)->Commit().ok());
    auto b = store->BeginWrite();
    CHECK_FALSE((*b)->ClaimNextDueTimer(Instant{10000}, {})->has_value());  // fired once
    b->reset();
    CHECK(store->DueTimers(Instant{10000}, 10)->empty());
    // A claim rolled back (a node dying mid-fire) leaves the timer for someone else.
    auto tx2 = store->BeginWrite();
    TimerRow t2{0, id, "due", "k2", Instant{600}, Instant{600}};
    REQUIRE((*tx2)->UpdateTimers(id, 2, {}, {t2}).ok());
    REQUIRE((*tx2)->Commit().ok());
    {
      auto dying = store->BeginWrite();
      REQUIRE((*dying)->ClaimNextDueTimer(Instant{600}, {})->has_value());
    }  // rolled back
    auto c = store->BeginWrite();
    auto again = (*c)->ClaimNextDueTimer(Instant{600}, {});
    REQUIRE(again->has_value());
    CHECK((*again)->key == "k2");
    REQUIRE((*c)->Commit().ok());

    // Four threads take 25 numbers each; a rolled-back take gives its number back.
    std::vector<std::thread> threads;
    std::vector<std::vector<int64_t>> taken(4);
    for (int i = 0; i < 4; ++i)
      threads.emplace_back([&, i] {
        for (int n = 0; n < 25; ++n) {
          auto tx = store->BeginWrite();
          if (!tx.ok()) continue;
          auto v = (*tx)->NextSequence("filing");
          if (n % 5 == 4) continue;  // abandoned: rolled back
          if (v.ok() && (*tx)->Commit().ok()) taken[i].push_back(*v);
        }
      });
    for (auto& th : threads) th.join();
    std::vector<int64_t> all;
    for (const auto& v : taken) all.insert(all.end(), v.begin(), v.end());
    std::sort(all.begin(), all.end());
    REQUIRE(all.size() == 80);
    for (size_t i = 0; i < all.size(); ++i) CHECK(all[i] == static_cast<int64_t>(i + 1));
  }
}

TEST_CASE("store suite: definitions, users, credentials and sessions") {
  for (const auto& backend : StoreBackends()) {
    INFO(backend.name);
    auto store = Open(backend);
    StoredDefinition d{"plan", 0, "hash1", "{}", Instant{1}, "admin"};
    CHECK(*store->DeployDefinition(d) == std::make_pair(int64_t{1}, true));
    CHECK(*store->DeployDefinition(d) == std::make_pair(int64_t{1}, false));
    d.content_hash = "hash2";
    CHECK(*store->DeployDefinition(d) == std::make_pair(int64_t{2}, true));
    CHECK((*store->LatestDefinition("plan"))->version == 2);
    CHECK((*store->GetDefinition("plan", 1))->content_hash == "hash1");
    CHECK(store->ListDefinitions()->size() == 2);
    User u{"张三", "张三", {"clerk", "supervisor"}, "县大数据局", true, "all"};
    REQUIRE(store->PutUser(u).ok());
    auto back = store->GetUser("张三");
    REQUIRE(back->has_value());
    CHECK((*back)->roles == u.roles);
    CHECK((*back)->scope == "all");
    REQUIRE(store->PutCredential(Credential{"张三", "secret", 2, Instant{9}}).ok());
    CHECK((*store->GetCredential("张三"))->failures == 2);
    REQUIRE(store->PutSession(StoredSession{"th", "张三", "csrf", Instant{1}, Instant{100}, false})
                .ok());
    REQUIRE(store->PutSession(StoredSession{"th", "张三", "csrf", Instant{1}, Instant{100}, true})
                .ok());
    CHECK((*store->GetSession("th"))->revoked);
  }
}

TEST_CASE("store suite: the engine on every backend — a case end to end, audit and rebuild") {
  for (const auto& backend : StoreBackends()) {
    INFO(backend.name);
    erflow::test::EngineFixture f(backend.fresh_url());
    auto opened = f.Open("incident-basic", "clerk1", erflow::test::BasicReport());
    REQUIRE(opened.ok());
    int64_t id = opened->case_id;
    REQUIRE(
        f.Run(Action::kSubmit, "clerk2", id, "assess", R"({"nature": "genuine", "level": "IV"})")
            .ok());
    CHECK(f.Run(Action::kApprove, "clerk2", id, "assess").status().code() ==
          Status::Code::kForbidden);
    REQUIRE(f.Run(Action::kApprove, "boss1", id, "assess").ok());
    REQUIRE(f.Run(Action::kSubmit, "clerk1", id, "contain", R"({"measures": "a"})").ok());
    REQUIRE(f.Run(Action::kSubmit, "clerk1", id, "recover", R"({"measures": "b"})").ok());
    CHECK(f.State(id).OpenInstancesOf("summary").size() == 1);
    auto report = f.engine().VerifyAudit(true);
    REQUIRE(report.ok());
    CHECK(report->ok());
    CHECK(report->events == 5);
    CHECK(f.engine().Rebuild(id)->ToJson().Dump() == f.State(id).ToJson().Dump());
  }
}
