// Turning PoDoFo's exceptions into Status values: PoDoFo reports errors by throwing
// PdfError, and nothing may throw out of the reports API.
// Thread rules: pure functions.
#pragma once

#include <podofo/podofo.h>

#include <string>

#include "erflow/status.h"

namespace erflow::pdf {

// Turns off PoDoFo's debug output (on by default in 0.9.8: it prints every parsed
// trailer to stderr). Idempotent and thread-safe; call before using PoDoFo.
void QuietPodofo();

// "PoDoFo: <error name>: <information from the call stack>".
std::string DescribePodofoError(const PoDoFo::PdfError& e);

// Runs fn() (returning Status), turning PdfError and std::exception into a Status with
// code `code` and the message prefixed by `what`.
template <typename Fn>
Status CatchPodofo(const std::string& what, Status::Code code, Fn fn) {
  auto make = [&](const std::string& msg) {
    return code == Status::Code::kCorruption        ? Status::Corruption(what + ": " + msg)
           : code == Status::Code::kInvalidArgument ? Status::InvalidArgument(what + ": " + msg)
                                                    : Status::IOError(what + ": " + msg);
  };
  QuietPodofo();
  try {
    return fn();
  } catch (const PoDoFo::PdfError& e) {
    return make(DescribePodofoError(e));
  } catch (const std::exception& e) {
    return make(e.what());
  }
}

}  // namespace erflow::pdf
