#!/usr/bin/env bash
# The test task: the type-check, jest and eslint side by side. tsc and eslint are single-threaded
# and jest waits on its workers, so on a 2-core machine run one after the other they left a core
# idle for most of their time; together they finish in about the time of jest alone. Each one's
# output is printed whole; the task fails if any of them fails. Arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."

tsc_log=$(mktemp)
lint_log=$(mktemp)
npx tsc --noEmit -p test/tsconfig.json >"$tsc_log" 2>&1 &
tsc_pid=$!
npx projen eslint >"$lint_log" 2>&1 &
lint_pid=$!

npx jest --passWithNoTests --ci "$@"
jest_rc=$?

wait "$tsc_pid"
tsc_rc=$?
wait "$lint_pid"
lint_rc=$?
echo "== tsc --noEmit -p test/tsconfig.json"
cat "$tsc_log"
echo "== eslint"
cat "$lint_log"
rm -f "$tsc_log" "$lint_log"

if [ "$tsc_rc" -ne 0 ]; then echo "type-check failed (exit $tsc_rc)" >&2; fi
if [ "$lint_rc" -ne 0 ]; then echo "eslint failed (exit $lint_rc)" >&2; fi
[ "$jest_rc" -eq 0 ] && [ "$tsc_rc" -eq 0 ] && [ "$lint_rc" -eq 0 ]
