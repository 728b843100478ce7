#!/bin/bash
# Runs the n shards of a run on this machine, JOBS at a time, with GNU parallel when it is
# installed and xargs -P otherwise; each shard's output goes to <dir>/logs/. Then merge them with
#   npm run merge -- --in <dir> --out <tables>
#
#   deploy/local/run-shards.sh <n> <dir> <simulate options…>
#   e.g. deploy/local/run-shards.sh 4 out/shards --scenario scenarios/baseline-2026.json --scale 1:100
#
# Environment: JOBS (shards at once, default: the cores), WORKERS (threads per shard, default 1),
# RUNNER (parallel or xargs, default: parallel if found), SHARDS_ONLY (a list such as "3 5": run
# only those, e.g. to retry failed shards; a re-run replaces the shard's folder).
# Exits 0 when every shard succeeded; otherwise names the shards that failed and exits 1.
set -euo pipefail

self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"

if [ "${1:-}" = "--one" ]; then
  # One shard (called by the runner): --one <i> <n> <dir> <simulate options…>
  i="$2" n="$3" dir="$4"
  shift 4
  log="$dir/logs/shard-$i-of-$n.log"
  cd "$repo"
  if node_modules/.bin/tsx src/cli/simulate.ts "$@" --workers "${WORKERS:-1}" --shard "$i/$n" --out "$dir" >"$log" 2>&1; then
    echo "shard $i/$n done" | tee -a "$log"
  else
    echo "shard $i/$n FAILED (see $log)"
    exit 1
  fi
  exit 0
fi

if [ $# -lt 2 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
n="$1" dir="$2"
shift 2
case "$n" in '' | *[!0-9]* | 0) echo "the shard count must be a whole number ≥ 1, got '$n'" >&2; exit 2 ;; esac
mkdir -p "$dir/logs"
dir="$(cd "$dir" && pwd)"
jobs="${JOBS:-$(nproc)}"
shards="${SHARDS_ONLY:-$(seq 1 "$n")}"
runner="${RUNNER:-$(command -v parallel >/dev/null && echo parallel || echo xargs)}"

status=0
if [ "$runner" = parallel ]; then
  # --halt never: every shard runs even when one fails.
  printf '%s\n' $shards | parallel --halt never -j "$jobs" -q "$self" --one {} "$n" "$dir" "$@" || status=$?
else
  printf '%s\n' $shards | xargs -P "$jobs" -I{} "$self" --one {} "$n" "$dir" "$@" || status=$?
fi
if [ "$status" -ne 0 ]; then
  failed=$(for i in $shards; do
    [ "$(tail -n 1 "$dir/logs/shard-$i-of-$n.log" 2>/dev/null)" = "shard $i/$n done" ] || printf '%s ' "$i"
  done)
  failed="${failed% }"
  echo "some shards failed: ${failed:-see $dir/logs}; retry them with SHARDS_ONLY=\"$failed\" $0 $n $dir $*" >&2
  exit 1
fi
echo "all $n shards are in $dir"
