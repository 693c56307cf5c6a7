#!/usr/bin/env bash
# Fails when the work tree has an untracked or modified file: `git status --porcelain` must be
# empty. .ci/run calls it after the test command and after the main job, which must change no
# committed file and leave nothing that .gitignore does not cover (issue 24).
#
#   scripts/clean-tree.sh "<what ran before>"
set -euo pipefail
cd "$(dirname "$0")/.."
dirty=$(git status --porcelain --untracked-files=all)
if [ -n "$dirty" ]; then
  echo "clean-tree: FAIL: after ${1:-the previous step}, the work tree is not clean:" >&2
  echo "$dirty" >&2
  git --no-pager diff --stat >&2 || true
  exit 1
fi
echo "clean-tree: after ${1:-the previous step}, git status is clean"
