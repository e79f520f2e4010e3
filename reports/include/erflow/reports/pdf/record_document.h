// RecordDocument: the content of one PDF record (an initial report in the 附件二 layout, a
// result report in the 附件三 layout, an activation decision…) as plain data: a title,
// who issued it, sections of label/value rows, signature slots and a footer note.
//
// It deliberately holds no engine types: whoever maps a case and its history to a
// record (reports/records/) fills one of these, and the renderer only draws it. Dates are
// Instants and are shown as `2025年10月14日 17:00` (China Standard Time). All text is
// UTF-8. Field order is the caller's: the official forms fix it, the renderer keeps it.
//
// Thread rules: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "erflow/instant.h"

namespace erflow::pdf {

struct RecordField {
  std::string label;  // "单位名称"
  std::string value;  // may be long and contain '\n'; wraps inside its cell

  RecordField() = default;
  RecordField(std::string l, std::string v) : label(std::move(l)), value(std::move(v)) {}
  // A field whose value is a moment, shown as "2025年10月14日 17:00"; unset shows blank.
  static RecordField Time(std::string label, std::optional<Instant> t);
};

struct RecordRow {
  enum class Layout {
    // Label cell then value cell; with 2 or 3 fields they sit side by side
    // ("单位名称 | … | 报告人 | …"), sharing the width equally.
    kLabelValue,
    // One field across the whole width: the label on the first line, the (long) text
    // below it — the form's "简要描述" style boxes.
    kFullWidth,
  };
  Layout layout = Layout::kLabelValue;
  std::vector<RecordField> fields;  // kLabelValue: 1..3; kFullWidth: exactly 1
  // Minimum number of text lines the row is tall (room on paper for a long answer).
  int min_lines = 1;

  static RecordRow Pair(std::string label, std::string value);
  static RecordRow Pairs(std::vector<RecordField> fields);
  static RecordRow Full(std::string label, std::string value, int min_lines = 3);
};

struct RecordSection {
  std::string heading;  // optional band across the table ("一、事件基本情况")
  std::vector<RecordRow> rows;
};

struct SignatureSlot {
  std::string role;         // "报告人签名", "审核人（分管领导）"
  std::string signer_name;  // "张伟"; empty leaves the cell blank for a hand signature
  std::optional<Instant> signed_at;
};

struct RecordDocument {
  std::string form_label;       // top-left, e.g. "附件二"; optional
  std::string title;            // centred: "网络与信息安全事件报告表"; required
  std::string subtitle;         // centred under the title; optional
  std::string unit_name;        // "单位名称：…" line under the title; optional
  std::string document_number;  // "编号：…" on the same line, right; optional
  // Filing number without its label ("2025年10月14日第1号 总第7号"), printed as
  // "备案编号: …" under the title; optional (result reports).
  std::string filing_number;
  std::vector<RecordSection> sections;
  std::vector<SignatureSlot> signatures;  // the signature block after the table
  std::string footer_note;                // small print above the page number; optional

  // PDF document information.
  std::string author;
  std::string subject;
  std::optional<Instant> created_at;
};

// One entry of a case's history, for the dossier's appendix.
struct HistoryChange {
  std::string field;      // "事件级别"
  std::string old_value;  // empty shows "（空）"
  std::string new_value;
};

struct HistoryEntry {
  int64_t seq = 0;
  Instant time;
  std::string actor;   // who: "王芳"
  std::string role;    // "分管领导"
  std::string unit;    // "县信息网络中心"
  std::string action;  // what: "确认事件级别"
  std::string note;    // optional free text (a reason, a comment)
  std::vector<HistoryChange> changes;
  std::string hash;       // this entry's audit-chain hash (hex); wraps in its column
  std::string prev_hash;  // optional: the previous entry's hash
};

// A case dossier: a cover with contents, every record in order (each from a new page)
// and an appendix with the full history and its audit-chain hashes.
struct Dossier {
  std::string title;                      // "突发事件处置档案"
  std::string subtitle;                   // e.g. the case title
  std::vector<RecordField> cover_fields;  // 案件编号, 事发单位, 生成时间…
  std::vector<RecordDocument> records;
  std::vector<HistoryEntry> history;
  std::string history_title = "附录：处置过程记录";
  std::string footer_note;

  std::string author;
  std::optional<Instant> created_at;
};

}  // namespace erflow::pdf
