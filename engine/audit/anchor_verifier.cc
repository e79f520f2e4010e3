#include "audit/anchor_verifier.h"

#include "erflow/sha256.h"

namespace erflow {

Status VerifyAnchors(Store* store, AuditReport* report) {
  std::string prev(64, '0');
  int64_t after = 0;
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto anchors, store->ListAnchors(after, 100));
    if (anchors.empty()) return Status::Ok();
    for (const auto& a : anchors) {
      after = a.id;
      ++report->anchors;
      const std::string where = "anchor #" + std::to_string(a.id);
      if (a.prev != prev || Sha256Hex(a.prev + "\n" + a.body) != a.hash) {
        report->problems.push_back(
            AuditProblem{0, 0, 0,
                         where + ": the anchor chain is broken (an anchor was edited, "
                                 "deleted or inserted)"});
        prev = a.hash;
        continue;
      }
      prev = a.hash;
      auto body = ParseJson(a.body, where);
      if (!body.ok()) {
        report->problems.push_back(AuditProblem{0, 0, 0, where + ": unreadable"});
        continue;
      }
      for (const auto& entry : body->items()) {
        int64_t case_id = entry.items().at(0).AsInt(), version = entry.items().at(1).AsInt();
        const std::string& head = entry.items().at(2).AsString();
        ERFLOW_ASSIGN_OR_RETURN(auto hash, store->EventHash(case_id, version));
        if (!hash)
          report->problems.push_back(
              AuditProblem{case_id, version, 0,
                           where + " holds this case at version " + std::to_string(version) +
                               ", but that event is gone (the case was deleted or rolled back)"});
        else if (*hash != head)
          report->problems.push_back(
              AuditProblem{case_id, version, 0,
                           where + " holds a different event " + std::to_string(version) +
                               " for this case (its history was rewritten)"});
      }
    }
  }
}

}  // namespace erflow
