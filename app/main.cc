#include "cli_context.h"

int main(int argc, char** argv) {
  return erflow::cli::Main(argc, argv);
}
