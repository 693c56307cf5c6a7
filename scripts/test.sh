#!/usr/bin/env bash
# The test task: jest, then the type-check and eslint side by side. jest takes both cores (two
# workers); running tsc and eslint beside it only slowed it down. Both are incremental, with their
# caches in node_modules/.cache (the build, `npm run synth:examples`, fills them), so after a build
# they re-check only what changed. Each one's output is printed whole; the task fails if any of
# them fails. Arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."

npx jest --passWithNoTests --ci "$@"
jest_rc=$?

tsc_log=$(mktemp)
lint_log=$(mktemp)
npx projen typecheck >"$tsc_log" 2>&1 &
tsc_pid=$!
npx projen eslint >"$lint_log" 2>&1 &
lint_pid=$!

wait "$tsc_pid"
tsc_rc=$?
wait "$lint_pid"
lint_rc=$?
echo "== typecheck (tsc --noEmit -p test/tsconfig.json, incremental)"
cat "$tsc_log"
echo "== eslint"
cat "$lint_log"
rm -f "$tsc_log" "$lint_log"

if [ "$tsc_rc" -ne 0 ]; then echo "type-check failed (exit $tsc_rc)" >&2; fi
if [ "$lint_rc" -ne 0 ]; then echo "eslint failed (exit $lint_rc)" >&2; fi
[ "$jest_rc" -eq 0 ] && [ "$tsc_rc" -eq 0 ] && [ "$lint_rc" -eq 0 ]
