#!/bin/bash
# Submits the shard array and the merge after it (afterok: only when every shard succeeded).
# Run from the repository; settings go through the environment to both jobs, e.g.
#   SHARDS=16 SCALE=1:1 RUN=base-1to1 deploy/slurm/submit.sh
# The array's range follows SHARDS. If a shard fails, the merge stays pending (DependencyNeverSatisfied):
# retry the shard with `sbatch --array=<i> deploy/slurm/shards.sbatch`, then `scancel` the pending
# merge and run `sbatch deploy/slurm/merge.sbatch`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
SHARDS="${SHARDS:-8}"
export SHARDS
shards_job=$(sbatch --parsable --export=ALL --array="1-$SHARDS" "$here/shards.sbatch")
merge_job=$(sbatch --parsable --export=ALL --dependency="afterok:${shards_job%%;*}" "$here/merge.sbatch")
echo "shards: job $shards_job (array 1-$SHARDS); merge: job $merge_job after it"
