// The records part of SqlStore and SqlTransaction: signing keys (one current per user,
// every import kept), issued records (the signed PDF, base64 in a TEXT column so the same
// SQL runs on PostgreSQL, whose TEXT refuses NUL bytes), and the hash-chained export log.
// Thread rules: as SqlStore / SqlTransaction (a pooled connection per call).
#include <openssl/evp.h>

#include "erflow/sha256.h"
#include "erflow/time_format.h"
#include "store/sql_store.h"
#include "store/sql_transaction.h"

namespace erflow {
namespace {

const char kKeyColumns[] =
    "id, user_name, certificate_pem, private_key_pem, chain_pem, subject_cn, subject_dn, "
    "fingerprint, not_before, not_after, imported_at, imported_by, is_current";
const char kRecordColumns[] = "id, case_id, task, node, kind, seq, sha256, size, issued_at";
const char kExportColumns[] =
    "seq, kind, case_id, sha256, size, file, detail, exported_by, exported_at, body, prev_hash, "
    "hash";

// Certificates of a chain are stored concatenated; PEM blocks split them again.
std::string JoinPems(const std::vector<std::string>& pems) {
  std::string out;
  for (const auto& p : pems) out += p + (p.empty() || p.back() == '\n' ? "" : "\n");
  return out;
}

std::vector<std::string> SplitPems(const std::string& text) {
  static const std::string kEnd = "-----END CERTIFICATE-----";
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t end; (end = text.find(kEnd, start)) != std::string::npos;) {
    size_t stop = end + kEnd.size();
    if (stop < text.size() && text[stop] == '\n') ++stop;
    size_t begin = text.find("-----BEGIN", start);
    out.push_back(text.substr(begin, stop - begin));
    start = stop;
  }
  return out;
}

SigningKeyInfo KeyFromRow(const SqlRow& r) {
  SigningKeyInfo k;
  k.id = SqlInt(r[0]);
  k.user = SqlText(r[1]);
  k.certificate_pem = SqlText(r[2]);
  k.private_key_pem = SqlText(r[3]);
  k.chain_pems = SplitPems(SqlText(r[4]));
  k.subject_cn = SqlText(r[5]);
  k.subject_dn = SqlText(r[6]);
  k.fingerprint = SqlText(r[7]);
  k.not_before = Instant{SqlInt(r[8])};
  k.not_after = Instant{SqlInt(r[9])};
  k.imported_at = Instant{SqlInt(r[10])};
  k.imported_by = SqlText(r[11]);
  k.current = SqlInt(r[12]) != 0;
  return k;
}

IssuedRecord RecordFromRow(const SqlRow& r) {
  IssuedRecord rec;
  rec.id = SqlInt(r[0]);
  rec.case_id = SqlInt(r[1]);
  rec.task = SqlText(r[2]);
  rec.node = SqlText(r[3]);
  rec.kind = SqlText(r[4]);
  rec.seq = SqlInt(r[5]);
  rec.sha256 = SqlText(r[6]);
  rec.size = SqlInt(r[7]);
  rec.issued_at = Instant{SqlInt(r[8])};
  return rec;
}

ExportEntry ExportFromRow(const SqlRow& r) {
  ExportEntry e;
  e.seq = SqlInt(r[0]);
  e.kind = SqlText(r[1]);
  e.case_id = SqlInt(r[2]);
  e.sha256 = SqlText(r[3]);
  e.size = SqlInt(r[4]);
  e.file = SqlText(r[5]);
  e.detail = SqlText(r[6]);
  e.exported_by = SqlText(r[7]);
  e.exported_at = Instant{SqlInt(r[8])};
  e.body = SqlText(r[9]);
  e.prev_hash = SqlText(r[10]);
  e.hash = SqlText(r[11]);
  return e;
}

std::string Base64Encode(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(&out[0]),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

Result<std::string> Base64Decode(const std::string& text, int64_t record_id) {
  if (text.size() % 4 != 0)
    return Status::Corruption("record " + std::to_string(record_id) +
                              ": stored PDF is not valid base64");
  std::string out(3 * (text.size() / 4), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(&out[0]),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0)
    return Status::Corruption("record " + std::to_string(record_id) +
                              ": stored PDF is not valid base64");
  // EVP_DecodeBlock counts the padding as zero bytes.
  size_t pad = 0;
  if (!text.empty() && text.back() == '=') ++pad;
  if (text.size() > 1 && text[text.size() - 2] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

}  // namespace

std::string ExportEntryBody(const ExportEntry& e) {
  Json b = Json::Object();
  b.Add("seq", Json(e.seq));
  b.Add("kind", Json(e.kind));
  b.Add("case", Json(e.case_id));
  b.Add("sha256", Json(e.sha256));
  b.Add("size", Json(e.size));
  b.Add("file", Json(e.file));
  b.Add("detail", Json(e.detail));
  b.Add("by", Json(e.exported_by));
  b.Add("at", Json(FormatTimestamp(e.exported_at)));
  b.Add("prev", Json(e.prev_hash));
  return b.Dump();
}

namespace sql {

Result<std::optional<SigningKeyInfo>> CurrentSigningKey(SqlConnection* c, const std::string& user) {
  ERFLOW_ASSIGN_OR_RETURN(auto rows,
                          c->Query(std::string("SELECT ") + kKeyColumns +
                                       " FROM signing_keys WHERE user_name = ? AND is_current = 1",
                                   {user}));
  if (rows.empty()) return std::optional<SigningKeyInfo>();
  return std::optional<SigningKeyInfo>(KeyFromRow(rows[0]));
}

}  // namespace sql

Result<std::optional<SigningKeyInfo>> SqlTransaction::CurrentSigningKey(const std::string& user) {
  return sql::CurrentSigningKey(lease_.get(), user);
}

Result<int64_t> SqlTransaction::InsertRecord(const IssuedRecord& r) {
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      lease_->Query(
          "INSERT INTO records (case_id, task, node, kind, seq, sha256, size, "
          "pdf_base64, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {r.case_id, r.task, r.node, r.kind, r.seq, r.sha256, static_cast<int64_t>(r.pdf.size()),
           Base64Encode(r.pdf), r.issued_at.seconds}));
  if (rows.empty()) return Status::IOError("storing a record returned no id");
  return SqlInt(rows[0][0]);
}

Result<int64_t> SqlStore::ImportSigningKey(const SigningKeyInfo& k) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_RETURN_IF_ERROR(lease->BeginWrite());
  auto run = [&]() -> Result<int64_t> {
    ERFLOW_RETURN_IF_ERROR(
        lease
            ->Execute(
                "UPDATE signing_keys SET is_current = 0 WHERE user_name = ? AND is_current = 1",
                {k.user})
            .status());
    ERFLOW_ASSIGN_OR_RETURN(
        auto rows,
        lease->Query("INSERT INTO signing_keys (user_name, certificate_pem, private_key_pem, "
                     "chain_pem, subject_cn, subject_dn, fingerprint, not_before, not_after, "
                     "imported_at, imported_by, is_current) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
                     {k.user, k.certificate_pem, k.private_key_pem, JoinPems(k.chain_pems),
                      k.subject_cn, k.subject_dn, k.fingerprint, k.not_before.seconds,
                      k.not_after.seconds, k.imported_at.seconds, k.imported_by}));
    if (rows.empty()) return Status::IOError("storing a signing key returned no id");
    ERFLOW_RETURN_IF_ERROR(lease->Commit());
    return SqlInt(rows[0][0]);
  };
  auto id = run();
  if (!id.ok()) lease->Rollback();
  return id;
}

Result<std::optional<SigningKeyInfo>> SqlStore::CurrentSigningKey(const std::string& user) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  return sql::CurrentSigningKey(lease.get(), user);
}

Result<std::vector<SigningKeyInfo>> SqlStore::ListSigningKeys() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(auto rows,
                          lease->Query(std::string("SELECT ") + kKeyColumns +
                                           " FROM signing_keys ORDER BY user_name, id DESC",
                                       {}));
  std::vector<SigningKeyInfo> out;
  for (const auto& r : rows) {
    out.push_back(KeyFromRow(r));
    out.back().private_key_pem.clear();  // listing never hands out key material
  }
  return out;
}

Result<std::vector<IssuedRecord>> SqlStore::ListRecords(const RecordFilter& f) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  std::string q = std::string("SELECT ") + kRecordColumns + (f.with_pdf ? ", pdf_base64" : "") +
                  " FROM records WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (f.id) q += " AND id = ?", params.push_back(f.id);
  if (f.case_id) q += " AND case_id = ?", params.push_back(f.case_id);
  if (!f.sha256.empty()) q += " AND sha256 = ?", params.push_back(f.sha256);
  if (f.after_id) q += " AND id > ?", params.push_back(f.after_id);
  q += " ORDER BY id";
  if (f.limit > 0) q += " LIMIT ?", params.push_back(f.limit);
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease->Query(q, params));
  std::vector<IssuedRecord> out;
  for (const auto& r : rows) {
    out.push_back(RecordFromRow(r));
    if (f.with_pdf) {
      ERFLOW_ASSIGN_OR_RETURN(out.back().pdf, Base64Decode(SqlText(r[9]), out.back().id));
    }
  }
  return out;
}

Result<ExportEntry> SqlStore::AppendExport(const ExportEntry& in) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_RETURN_IF_ERROR(lease->BeginWrite());
  auto run = [&]() -> Result<ExportEntry> {
    // The counter row's lock orders concurrent exports (also on PostgreSQL), so each
    // entry names the one before it and the chain never forks.
    ERFLOW_ASSIGN_OR_RETURN(
        auto seq_rows, lease->Query("INSERT INTO sequences (name, value) VALUES ('export-log', 1) "
                                    "ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 "
                                    "RETURNING value",
                                    {}));
    ExportEntry e = in;
    e.seq = SqlInt(seq_rows.at(0).at(0));
    e.prev_hash = ExportEntry::GenesisHash();
    if (e.seq > 1) {
      ERFLOW_ASSIGN_OR_RETURN(
          auto prev, lease->Query("SELECT hash FROM export_log WHERE seq = ?", {e.seq - 1}));
      if (prev.empty())
        return Status::Corruption("export log: entry " + std::to_string(e.seq - 1) +
                                  " is missing; the log was edited");
      e.prev_hash = SqlText(prev[0][0]);
    }
    e.body = ExportEntryBody(e);
    e.hash = Sha256Hex(e.body);
    ERFLOW_RETURN_IF_ERROR(
        lease
            ->Execute(std::string("INSERT INTO export_log (") + kExportColumns +
                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {e.seq, e.kind, e.case_id, e.sha256, e.size, e.file, e.detail, e.exported_by,
                       e.exported_at.seconds, e.body, e.prev_hash, e.hash})
            .status());
    ERFLOW_RETURN_IF_ERROR(lease->Commit());
    return e;
  };
  auto out = run();
  if (!out.ok()) lease->Rollback();
  return out;
}

Result<std::vector<ExportEntry>> SqlStore::ExportLog(int64_t after_seq, const std::string& sha256,
                                                     int64_t limit) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  std::string q = std::string("SELECT ") + kExportColumns + " FROM export_log WHERE seq > ?";
  std::vector<SqlValue> params{after_seq};
  if (!sha256.empty()) q += " AND sha256 = ?", params.push_back(sha256);
  q += " ORDER BY seq LIMIT ?";
  params.push_back(limit);
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease->Query(q, params));
  std::vector<ExportEntry> out;
  for (const auto& r : rows) out.push_back(ExportFromRow(r));
  return out;
}

}  // namespace erflow
