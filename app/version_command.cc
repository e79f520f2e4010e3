#include <ostream>

#include "cli_context.h"

namespace erflow::cli {

int RunVersionCommand(CliContext& ctx, const Args&) {
  *ctx.out << "erflow 0.1.0\n";
  return 0;
}

}  // namespace erflow::cli
