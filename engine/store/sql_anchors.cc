// Anchors for SqlStore: chained checkpoints of every case's (version, head hash), so that
// per-case hash chains — which let independent cases commit in parallel — still expose a
// case deleted or rolled back as a whole.
#include "erflow/json.h"
#include "erflow/sha256.h"
#include "store/sql_store.h"

namespace erflow {
namespace {

StoredAnchor AnchorFromRow(const SqlRow& r) {
  return StoredAnchor{SqlInt(r[0]), Instant{SqlInt(r[1])}, SqlText(r[2]), SqlText(r[3]),
                      SqlText(r[4])};
}

}  // namespace

Result<int64_t> SqlStore::WriteAnchors(Instant now, size_t chunk) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_RETURN_IF_ERROR(lease->BeginWrite());
  int64_t written = 0;
  auto work = [&]() -> Status {
    // The "anchor" counter row is locked until commit: anchor writers on several nodes
    // take turns, so the chain never forks.
    ERFLOW_RETURN_IF_ERROR(
        lease
            ->Query("INSERT INTO sequences (name, value) VALUES ('anchor', 1) ON CONFLICT (name) "
                    "DO UPDATE SET value = sequences.value + 1 RETURNING value",
                    {})
            .status());
    ERFLOW_ASSIGN_OR_RETURN(
        auto changed,
        lease->Query("SELECT c.id, c.version, c.head_hash FROM cases c LEFT JOIN anchored a "
                     "ON a.case_id = c.id WHERE a.case_id IS NULL OR a.version <> c.version "
                     "ORDER BY c.id",
                     {}));
    if (changed.empty()) return Status::Ok();
    ERFLOW_ASSIGN_OR_RETURN(auto last,
                            lease->Query("SELECT hash FROM anchors ORDER BY id DESC LIMIT 1", {}));
    std::string prev = last.empty() ? std::string(64, '0') : SqlText(last[0][0]);
    for (size_t start = 0; start < changed.size(); start += chunk) {
      Json body = Json::Array();
      for (size_t i = start; i < changed.size() && i < start + chunk; ++i) {
        const SqlRow& r = changed[i];
        Json entry = Json::Array();
        entry.Push(Json(SqlInt(r[0])));
        entry.Push(Json(SqlInt(r[1])));
        entry.Push(Json(SqlText(r[2])));
        body.Push(std::move(entry));
        ERFLOW_RETURN_IF_ERROR(
            lease
                ->Execute("INSERT INTO anchored (case_id, version, head_hash) VALUES (?, ?, ?) "
                          "ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, "
                          "head_hash = excluded.head_hash",
                          {SqlInt(r[0]), SqlInt(r[1]), SqlText(r[2])})
                .status());
      }
      std::string text = body.Dump();
      std::string hash = Sha256Hex(prev + "\n" + text);
      ERFLOW_RETURN_IF_ERROR(
          lease
              ->Execute("INSERT INTO anchors (at, prev, body, hash) VALUES (?, ?, ?, ?)",
                        {now.seconds, prev, text, hash})
              .status());
      prev = hash;
      ++written;
    }
    return Status::Ok();
  };
  Status s = work();
  if (s.ok()) s = lease->Commit();
  if (!s.ok()) {
    lease->Rollback();
    return s;
  }
  return written;
}

Result<std::vector<StoredAnchor>> SqlStore::ListAnchors(int64_t after_id, int64_t limit) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(auto rows,
                          lease->Query("SELECT id, at, prev, body, hash FROM anchors WHERE id > ? "
                                       "ORDER BY id LIMIT ?",
                                       {after_id, limit}));
  std::vector<StoredAnchor> out;
  for (const auto& r : rows) out.push_back(AnchorFromRow(r));
  return out;
}

Result<std::optional<StoredAnchor>> SqlStore::LastAnchor() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      lease->Query("SELECT id, at, prev, body, hash FROM anchors ORDER BY id DESC LIMIT 1", {}));
  if (rows.empty()) return std::optional<StoredAnchor>();
  return std::optional<StoredAnchor>(AnchorFromRow(rows[0]));
}

Result<std::optional<std::string>> SqlStore::EventHash(int64_t case_id, int64_t seq) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      lease->Query("SELECT hash FROM events WHERE case_id = ? AND seq = ?", {case_id, seq}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(SqlText(rows[0][0]));
}

}  // namespace erflow
