#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace erflow::test {

TempDir::TempDir() {
  char tmpl[] = "/tmp/erflow-test-XXXXXX";
  char* p = mkdtemp(tmpl);
  path_ = p ? p : "/tmp/erflow-test-failed";
}

TempDir::~TempDir() {
  if (std::getenv("ERFLOW_KEEP_TEST_DIRS")) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

RunResult RunShell(const std::string& command_line, const std::string& stdin_text) {
  TempDir dir;
  std::string in = dir.File("stdin"), out = dir.File("stdout"), err = dir.File("stderr");
  WriteFile(in, stdin_text);
  std::string cmd = "( " + command_line + " ) <" + in + " >" + out + " 2>" + err;
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

RunResult RunErflow(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::string cmd = ShellQuote(ErflowBinary());
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  return RunShell(cmd, stdin_text);
}

const std::string& DemoCaDir() {
  static TempDir dir;
  static const std::string path = [] {
    auto r =
        RunShell(ShellQuote(SourceDir() + "/scripts/make-demo-ca") + " " + ShellQuote(dir.path()));
    return r.exit_code == 0 ? dir.path() : std::string();
  }();
  return path;
}

std::string SourceDir() {
  return ERFLOW_SOURCE_DIR;
}
std::string ErflowBinary() {
  return ERFLOW_BINARY;
}

}  // namespace erflow::test
