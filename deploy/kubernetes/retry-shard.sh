#!/bin/bash
# Runs shard i (1-based) of the Indexed Job again, alone, after the Job gave up on its index:
# a one-pod Job made from shards-job.yaml with JOB_COMPLETION_INDEX set to i - 1, same image,
# settings, command and volume. The re-run replaces the shard's folder; then apply merge-job.yaml.
#
#   deploy/kubernetes/retry-shard.sh <i> [--print]     (--print: show the manifest, apply nothing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
i="${1:-}"
case "$i" in '' | *[!0-9]* | 0) echo "usage: $0 <shard i, from 1> [--print]" >&2; exit 2 ;; esac
shards=$(sed -n "/- name: SHARDS$/{n;s/.*value: '\([0-9]*\)'.*/\1/p}" "$here/shards-job.yaml")
if [ "$i" -gt "$shards" ]; then
  echo "shard $i is outside 1-$shards (SHARDS in shards-job.yaml)" >&2
  exit 2
fi
manifest=$(sed \
  -e "s/^  name: gongji-shards$/  name: gongji-shard-$i-retry/" \
  -e '/^  completionMode: Indexed$/d' \
  -e '/^  backoffLimitPerIndex:/d' \
  -e '/^  maxFailedIndexes:/d' \
  -e 's/^  completions: .*/  completions: 1/' \
  -e 's/^  parallelism: .*/  parallelism: 1/' \
  -e "s/^          env:$/          env:\n            - name: JOB_COMPLETION_INDEX\n              value: '$((i - 1))'/" \
  "$here/shards-job.yaml")
if [ "${2:-}" = --print ]; then
  printf '%s\n' "$manifest"
else
  printf '%s\n' "$manifest" | kubectl apply -f -
fi
