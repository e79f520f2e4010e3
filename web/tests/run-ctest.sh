#!/usr/bin/env bash
# The browser tests as CTest runs them: installs playwright-core (pinned in
# package-lock.json; no browser download — Debian's /usr/bin/chromium is used) into
# WORK/npm, then plays web/tests/run.mjs against ERFLOW with its world in WORK.
#   usage: run-ctest.sh ERFLOW_BINARY WORK_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
erflow=${1:?usage: run-ctest.sh ERFLOW_BINARY WORK_DIR}
work=${2:?usage: run-ctest.sh ERFLOW_BINARY WORK_DIR}
for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "web tests: $tool is missing (bash scripts/setup installs it)" >&2; exit 1; }
done
mkdir -p "$work/npm"
cp "$here/package.json" "$here/package-lock.json" "$work/npm/"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd "$work/npm" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
exec node "$here/run.mjs" --erflow "$erflow" --source "$here/../.." --work "$work" \
  --modules "$work/npm/node_modules"
