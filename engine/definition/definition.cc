#include "erflow/definition.h"

namespace erflow {

namespace {
template <typename T>
const T* FindById(const std::vector<T>& items, const std::string& id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}
}  // namespace

const TaskSpec* Definition::FindTask(const std::string& node) const {
  return FindById(tasks, node);
}
const GatewaySpec* Definition::FindGateway(const std::string& node) const {
  return FindById(gateways, node);
}
const EndSpec* Definition::FindEnd(const std::string& node) const {
  return FindById(ends, node);
}
const StageSpec* Definition::FindStage(const std::string& stage) const {
  return FindById(stages, stage);
}
const DecisionSpec* Definition::FindDecision(const std::string& d) const {
  return FindById(decisions, d);
}

const DeadlineSpec* Definition::FindDeadline(const std::string& d) const {
  return FindById(deadlines, d);
}

const FormSchema* Definition::FindForm(const std::string& form) const {
  auto it = forms.find(form);
  return it == forms.end() ? nullptr : &it->second;
}

Definition::NodeKind Definition::KindOf(const std::string& node) const {
  if (FindTask(node)) return NodeKind::kTask;
  if (const GatewaySpec* g = FindGateway(node)) {
    switch (g->type) {
      case GatewaySpec::Type::kExclusive:
        return NodeKind::kExclusive;
      case GatewaySpec::Type::kParallel:
        return NodeKind::kParallel;
      case GatewaySpec::Type::kJoin:
        return NodeKind::kJoin;
    }
  }
  if (FindEnd(node)) return NodeKind::kEnd;
  return NodeKind::kNone;
}

std::vector<std::string> Definition::Successors(const std::string& node) const {
  if (const TaskSpec* t = FindTask(node)) {
    std::vector<std::string> out;
    if (!t->next.empty()) out.push_back(t->next);
    return out;
  }
  if (const GatewaySpec* g = FindGateway(node)) {
    if (g->type != GatewaySpec::Type::kExclusive) return g->next;
    std::vector<std::string> out;
    for (const auto& b : g->branches) out.push_back(b.next);
    return out;
  }
  return {};
}

int Definition::JoinInDegree(const std::string& join) const {
  int n = 0;
  for (const auto& t : tasks)
    if (t.next == join) ++n;
  for (const auto& g : gateways)
    for (const auto& s : Successors(g.id))
      if (s == join) ++n;
  return n;
}

}  // namespace erflow
