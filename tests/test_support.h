// Helpers shared by the tests: temporary folders, running the real binary, reading files.
#pragma once

#include <string>
#include <vector>

namespace erflow::test {

// A fresh directory under /tmp, removed when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line (through /bin/sh), capturing stdout and stderr.
RunResult RunShell(const std::string& command_line, const std::string& stdin_text = "");

// Runs build/erflow with the given arguments (each quoted for the shell).
RunResult RunErflow(const std::vector<std::string>& args, const std::string& stdin_text = "");

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);
// Quotes a word for /bin/sh.
std::string ShellQuote(const std::string& s);

// A demo CA made once per test process by scripts/make-demo-ca (ca.pem, reporter.p12,
// supervisor.p12 …, password kDemoKeyPassword), removed at exit; empty if it failed.
const std::string& DemoCaDir();
constexpr const char* kDemoKeyPassword = "erflow-demo";

// The source tree and the binary, as CMake saw them.
std::string SourceDir();
std::string ErflowBinary();

}  // namespace erflow::test
