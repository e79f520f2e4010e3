// Test helper for the register tests: reads a workbook back through Debian's python3 +
// openpyxl (tests/xlsx_dump.py) and hands the result over as Json, plus small accessors
// for cells. Header-only because only *_test.cc files are compiled into the test binary.
// Thread rules: test code, one thread.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "erflow/json.h"
#include "test_support.h"

namespace erflow::test {

inline Json DumpXlsx(const std::string& path, int rows = 50) {
  RunResult r = RunShell("/usr/bin/python3 " + ShellQuote(SourceDir() + "/tests/xlsx_dump.py") +
                         " " + ShellQuote(path) + " --rows " + std::to_string(rows));
  INFO("xlsx_dump.py stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  auto parsed = ParseJson(r.out, "xlsx_dump.py output");
  REQUIRE(parsed.ok());
  return std::move(parsed).value();
}

inline const Json& Sheet(const Json& dump, const std::string& name) {
  const Json* s = dump["sheet"].Find(name);
  INFO("sheet " << name);
  REQUIRE(s != nullptr);
  return *s;
}

// Cell at 1-based Excel row and 0-based column, as dumped: null or [type, value, format].
inline const Json& Cell(const Json& sheet, size_t row, size_t col) {
  static const Json kNull;
  const auto& rows = sheet["rows"].items();
  if (row == 0 || row > rows.size()) return kNull;
  const auto& cells = rows[row - 1].items();
  return col < cells.size() ? cells[col] : kNull;
}

inline std::string CellType(const Json& cell) {
  return cell.is_array() ? cell.items()[0].AsString() : "";
}
inline std::string CellText(const Json& cell) {
  return cell.is_array() && cell.items()[1].is_string() ? cell.items()[1].AsString() : "";
}
inline double CellNumber(const Json& cell) {
  return cell.is_array() ? cell.items()[1].AsDouble() : -1;
}
inline std::string CellFormat(const Json& cell) {
  return cell.is_array() ? cell.items()[2].AsString() : "";
}

}  // namespace erflow::test
