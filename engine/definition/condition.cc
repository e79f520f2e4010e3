#include "erflow/condition.h"

#include "definition/object_reader.h"

namespace erflow {
namespace {

struct OpName {
  Condition::Op op;
  const char* name;
};
constexpr OpName kOps[] = {
    {Condition::Op::kEq, "eq"},           {Condition::Op::kNe, "ne"},
    {Condition::Op::kLt, "lt"},           {Condition::Op::kLe, "le"},
    {Condition::Op::kGt, "gt"},           {Condition::Op::kGe, "ge"},
    {Condition::Op::kIn, "in"},           {Condition::Op::kNotIn, "notIn"},
    {Condition::Op::kPresent, "present"}, {Condition::Op::kAbsent, "absent"},
};

// -1, 0, 1, or 2 when not comparable.
int Compare(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    double x = a.AsDouble(), y = b.AsDouble();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) {
    int c = a.AsString().compare(b.AsString());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (a.is_bool() && b.is_bool()) return a.AsBool() == b.AsBool() ? 0 : 2;
  return 2;
}

}  // namespace

bool Condition::Parse(const Json& doc, const std::string& path, Problems* problems,
                      Condition* out) {
  out->source_ = doc;
  size_t before = problems->size();
  ObjectReader r(doc, path, problems);
  if (!r.valid()) return false;
  const char* groups[] = {"all", "any"};
  for (const char* g : groups) {
    if (!doc.Has(g)) continue;
    out->op_ = std::string(g) == "all" ? Op::kAll : Op::kAny;
    const Json* list = r.Array(g, true, 1);
    r.RejectUnknownKeys();
    if (!list) return false;
    for (size_t i = 0; i < list->size(); ++i) {
      Condition c;
      Parse(list->items()[i], JsonPathIndex(r.PathOf(g), i), problems, &c);
      out->children_.push_back(std::move(c));
    }
    return problems->size() == before;
  }
  if (doc.Has("not")) {
    out->op_ = Op::kNot;
    const Json* inner = r.Any("not", true);
    r.RejectUnknownKeys();
    Condition c;
    if (inner) Parse(*inner, r.PathOf("not"), problems, &c);
    out->children_.push_back(std::move(c));
    return problems->size() == before;
  }
  auto field = r.String("field", true);
  auto op = r.String("op", true);
  const Json* value = r.Any("value", false);
  auto ref = r.String("ref", false);
  r.RejectUnknownKeys();
  if (!field || !op) return false;
  out->field_ = *field;
  out->field_path_ = r.PathOf("field");
  bool found = false;
  for (const auto& o : kOps)
    if (*op == o.name) {
      out->op_ = o.op;
      found = true;
    }
  if (!found) {
    r.Error("op", "unknown operator \"" + *op +
                      "\" (expected eq, ne, lt, le, gt, ge, in, notIn, present or absent)");
    return false;
  }
  bool unary = out->op_ == Op::kPresent || out->op_ == Op::kAbsent;
  if (unary) {
    if (value || ref) r.Error(value ? "value" : "ref", "operator \"" + *op + "\" takes no value");
  } else if (value && ref) {
    r.Error("ref", "give either \"value\" or \"ref\", not both");
  } else if (!value && !ref) {
    r.Error("value", "missing \"value\" (or \"ref\" to another variable)");
  } else if ((out->op_ == Op::kIn || out->op_ == Op::kNotIn) && value && !value->is_array()) {
    r.Error("value", "operator \"" + *op + "\" needs an array value");
  }
  if (value) out->value_ = *value;
  if (ref) {
    out->ref_ = *ref;
    out->ref_path_ = r.PathOf("ref");
  }
  return problems->size() == before;
}

bool Condition::Evaluate(const VariableSource& vars) const {
  switch (op_) {
    case Op::kAll:
      for (const auto& c : children_)
        if (!c.Evaluate(vars)) return false;
      return true;
    case Op::kAny:
      for (const auto& c : children_)
        if (c.Evaluate(vars)) return true;
      return false;
    case Op::kNot:
      return children_.empty() || !children_[0].Evaluate(vars);
    default:
      break;
  }
  Json left = vars.Get(field_);
  if (op_ == Op::kPresent) return !left.is_null() && !(left.is_string() && left.AsString().empty());
  if (op_ == Op::kAbsent) return left.is_null() || (left.is_string() && left.AsString().empty());
  Json right = ref_.empty() ? value_ : vars.Get(ref_);
  if (op_ == Op::kIn || op_ == Op::kNotIn) {
    bool in = false;
    if (!left.is_null())
      for (const auto& item : right.items())
        if (item == left) in = true;
    return op_ == Op::kIn ? in : !in;
  }
  if (op_ == Op::kEq) return !left.is_null() && left == right;
  if (op_ == Op::kNe) return left.is_null() || left != right;
  if (left.is_null() || right.is_null()) return false;
  int c = Compare(left, right);
  if (c == 2) return false;
  switch (op_) {
    case Op::kLt:
      return c < 0;
    case Op::kLe:
      return c <= 0;
    case Op::kGt:
      return c > 0;
    case Op::kGe:
      return c >= 0;
    default:
      return false;
  }
}

void Condition::CollectVariables(std::vector<std::pair<std::string, std::string>>* out) const {
  if (!field_.empty()) out->emplace_back(field_, field_path_);
  if (!ref_.empty()) out->emplace_back(ref_, ref_path_);
  for (const auto& c : children_) c.CollectVariables(out);
}

}  // namespace erflow
