#include "store/postgres/pg_connection.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <mutex>

namespace erflow {
namespace {

using Poco::Data::Keywords::bind;

// Maps a server error onto the engine's codes; the message keeps the server's words.
Status ErrorStatus(const std::string& what, const Poco::Exception& e) {
  const std::string text = e.displayText();
  const std::string msg = "postgresql: " + what + ": " + text;
  if (text.find("duplicate key value") != std::string::npos) return Status::Conflict(msg);
  if (text.find("could not serialize access") != std::string::npos ||
      text.find("deadlock detected") != std::string::npos)
    return Status::Conflict(msg + " (concurrent update; retry)");
  return Status::IOError(msg);
}

void BindAll(Poco::Data::Statement& st, const std::vector<SqlValue>& params) {
  for (const auto& p : params) {
    if (auto v = std::get_if<int64_t>(&p))
      st, bind(static_cast<Poco::Int64>(*v));
    else if (auto d = std::get_if<double>(&p))
      st, bind(*d);
    else if (auto s = std::get_if<std::string>(&p))
      st, bind(*s);
    else
      st, bind(Poco::Data::NullData());
  }
}

SqlValue ToSqlValue(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return SqlValue();
  if (v.isInteger()) return SqlValue(static_cast<int64_t>(v.convert<Poco::Int64>()));
  if (v.isNumeric()) return SqlValue(v.convert<double>());
  return SqlValue(v.convert<std::string>());
}

}  // namespace

std::string NumberPlaceholders(const std::string& sql) {
  std::string out;
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::string> PostgresConninfo(const std::string& url) {
  std::string rest;
  for (const char* scheme : {"postgresql://", "postgres://"})
    if (url.rfind(scheme, 0) == 0) rest = url.substr(std::string(scheme).size());
  const std::string expected =
      "expected postgresql://user[:password]@host[:port]/dbname, got \"" + url + "\"";
  auto at = rest.find('@');
  auto slash = rest.find('/', at == std::string::npos ? 0 : at);
  if (at == std::string::npos || slash == std::string::npos || slash + 1 >= rest.size())
    return Status::InvalidArgument(expected);
  std::string userinfo = rest.substr(0, at), hostport = rest.substr(at + 1, slash - at - 1);
  std::string dbname = rest.substr(slash + 1);
  std::string user = userinfo, password;
  if (auto colon = userinfo.find(':'); colon != std::string::npos) {
    user = userinfo.substr(0, colon);
    password = userinfo.substr(colon + 1);
  }
  std::string host = hostport, port = "5432";
  if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  if (user.empty() || host.empty() || dbname.empty() ||
      port.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidArgument(expected);
  std::string info = "host=" + host + " port=" + port + " user=" + user + " dbname=" + dbname;
  if (!password.empty()) info += " password=" + password;
  return info;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& conninfo) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
  try {
    Poco::Data::Session session("postgresql", conninfo);
    // Keep "relation already exists, skipping" and the like off the operator's terminal.
    session << "SET client_min_messages TO WARNING", Poco::Data::Keywords::now;
    return std::unique_ptr<PgConnection>(new PgConnection(std::move(session)));
  } catch (const Poco::Exception& e) {
    return ErrorStatus("cannot connect", e);
  }
}

Status PgConnection::ExecScript(const std::string& sql) {
  // A prepared statement holds one command: run the script statement by statement.
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find(';', start);
    std::string one = sql.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? sql.size() : end + 1;
    if (one.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    try {
      session_ << one, Poco::Data::Keywords::now;
    } catch (const Poco::Exception& e) {
      return ErrorStatus("statement failed", e);
    }
  }
  return Status::Ok();
}

Result<std::vector<SqlRow>> PgConnection::Query(const std::string& sql,
                                                const std::vector<SqlValue>& params) {
  try {
    Poco::Data::Statement st(session_);
    st << NumberPlaceholders(sql);
    BindAll(st, params);
    st.execute();
    std::vector<SqlRow> rows;
    if (st.columnsExtracted() == 0) return rows;
    Poco::Data::RecordSet rs(st);
    const size_t cols = rs.columnCount();
    for (size_t r = 0; r < rs.rowCount(); ++r) {
      SqlRow row(cols);
      for (size_t c = 0; c < cols; ++c) row[c] = ToSqlValue(rs.value(c, r));
      rows.push_back(std::move(row));
    }
    return rows;
  } catch (const Poco::Exception& e) {
    return ErrorStatus("query failed", e);
  }
}

Result<int64_t> PgConnection::Execute(const std::string& sql, const std::vector<SqlValue>& params) {
  try {
    Poco::Data::Statement st(session_);
    st << NumberPlaceholders(sql);
    BindAll(st, params);
    return static_cast<int64_t>(st.execute());
  } catch (const Poco::Exception& e) {
    return ErrorStatus("statement failed", e);
  }
}

Status PgConnection::BeginWrite() {
  try {
    session_.begin();
    return Status::Ok();
  } catch (const Poco::Exception& e) {
    return ErrorStatus("BEGIN failed", e);
  }
}

Status PgConnection::Commit() {
  try {
    session_.commit();
    return Status::Ok();
  } catch (const Poco::Exception& e) {
    return ErrorStatus("COMMIT failed", e);
  }
}

Status PgConnection::Rollback() {
  try {
    if (session_.isTransaction()) session_.rollback();
    return Status::Ok();
  } catch (const Poco::Exception& e) {
    return ErrorStatus("ROLLBACK failed", e);
  }
}

}  // namespace erflow
