#!/usr/bin/env bash
# Issue 16's cluster simulation on one machine: clothing-small/train extracted by 4 shard processes, first as a
# Kubernetes Indexed Job would run them (JOB_COMPLETION_INDEX, --shards 4), then as a Slurm array would
# (SLURM_ARRAY_TASK_ID 1..4, SLURM_ARRAY_TASK_MIN 1, SLURM_ARRAY_TASK_COUNT 4). In each, shard 2 is killed with
# SIGKILL part-way and run again. Checks: no partial file after the kill; the merged shards hold every photo once
# and equal a single-process extract bit for bit; a re-run of a done shard is skipped, and re-extracting it from
# scratch gives the same bytes; Kubernetes and Slurm shards are byte-identical; train --features on the shards gives
# the model train gives on the folder (same test accuracy, same head weights).
# Each shard has its own feature cache (the pod's emptyDir), so the re-run of the killed shard reuses what it cached.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-/work/shared/datasets/clothing-small/train}"
test="${2:-/work/shared/datasets/clothing-small/test}"
work="${WORK:-/tmp/mentor-shards}"
kill_after="${KILL_AFTER:-150}"  # cached vectors of shard 2 before it is killed
simulations="${SIMULATE:-kubernetes slurm}"
# KEEP_SINGLE=1 reuses a finished single-process extract in $work (it is the slow part on a busy machine).
if [ "${KEEP_SINGLE:-0}" = 1 ] && [ -e "$work/single/shard-00000-of-00001.parquet" ]; then
    rm -rf "$work/kubernetes" "$work/slurm" "$work"/cache-kubernetes-* "$work"/cache-slurm-*
else
    rm -rf "$work" && mkdir -p "$work"
fi
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/shards -c Release -v quiet -nologo >/dev/null
# Don't build the repository while this runs: the shard processes run from its bin folder.
cli=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
mentor() { "${cli[@]}" "$@"; }
tools() { dotnet bench/shards/bin/Release/net10.0/Mentor.ShardTools.dll "$@"; }
say() { echo "== $*" >&2; }

if [ ! -e "$work/single/shard-00000-of-00001.parquet" ]; then
    say "single process: all of $data as shard 0/1"
    mentor extract "$data" --shard 0/1 -o "$work/single" --cache "$work/cache-single" --json > "$work/single.json"
fi

simulate() {  # $1: kubernetes|slurm
    local kind=$1 out="$work/$1" pids=()
    for k in 0 1 2 3; do
        if [ "$kind" = kubernetes ]; then
            JOB_COMPLETION_INDEX=$k "${cli[@]}" extract "$data" --shard auto --shards 4 -o "$out" --cache "$work/cache-$kind-$k" --json > "$work/$kind-$k.json" &
        else
            SLURM_ARRAY_TASK_ID=$((k + 1)) SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4 \
                "${cli[@]}" extract "$data" --shard auto -o "$out" --cache "$work/cache-$kind-$k" --json > "$work/$kind-$k.json" &
        fi
        pids+=($!)
    done
    until [ "$(find "$work/cache-$kind-2" -name '*.f32' 2>/dev/null | wc -l)" -ge "$kill_after" ]; do sleep 1; done
    # $! is the dotnet process itself (a simple command, not a function), so SIGKILL reaches the extractor.
    kill -KILL "${pids[2]}"
    wait "${pids[2]}" || true
    say "$kind: shard 2 killed after $(find "$work/cache-$kind-2" -name '*.f32' | wc -l) cached vectors; files now: $(ls -A "$out" 2>/dev/null | tr '\n' ' ')"
    [ ! -e "$out/shard-00002-of-00004.parquet" ] || { echo "a killed shard left its file" >&2; exit 1; }
    for k in 0 1 3; do wait "${pids[$k]}"; done
    if [ "$kind" = kubernetes ]; then
        JOB_COMPLETION_INDEX=2 mentor extract "$data" --shard auto --shards 4 -o "$out" --cache "$work/cache-$kind-2" --json > "$work/$kind-2.json"
    else
        SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=4 mentor extract "$data" --shard auto -o "$out" --cache "$work/cache-$kind-2" --json > "$work/$kind-2.json"
    fi
    say "$kind: shard 2 re-run: $(grep -E '"(rows|cacheHits|computed)"' "$work/$kind-2.json" | tr -d ' \n')"
    say "$kind: merged shards against the single process"
    tools compare "$out" "$work/single"
}
for kind in $simulations; do simulate "$kind"; done

if [ -d "$work/slurm" ] && [ -d "$work/kubernetes" ]; then
    say "Kubernetes and Slurm shards, byte for byte"
    for k in 0 1 2 3; do f=shard-0000$k-of-00004.parquet; cmp "$work/kubernetes/$f" "$work/slurm/$f" && echo "$f identical"; done
fi

if [ "${RESCRATCH:-1}" = 1 ]; then
say "a done shard is skipped; re-extracted from scratch (no cache) it gives the same bytes"
JOB_COMPLETION_INDEX=1 mentor extract "$data" --shard auto --shards 4 -o "$work/kubernetes" --no-cache --json | grep alreadyDone
sum1=$(sha256sum < "$work/kubernetes/shard-00001-of-00004.parquet")
rm "$work/kubernetes/shard-00001-of-00004.parquet"
JOB_COMPLETION_INDEX=1 mentor extract "$data" --shard auto --shards 4 -o "$work/kubernetes" --no-cache --json > /dev/null
[ "$sum1" = "$(sha256sum < "$work/kubernetes/shard-00001-of-00004.parquet")" ] && echo "shard 1 re-extracted: same SHA-256 ${sum1%% *}"
fi

say "train on the folder and on the shards (test set from the single process's cache in both)"
mentor train "$data" --test "$test" -o "$work/folder.onnx" --cache "$work/cache-single" --json > "$work/train-folder.json"
/usr/bin/time -v -o "$work/train-shards.time" \
    "${cli[@]}" train --features "$work/${simulations%% *}" --test "$test" -o "$work/shards.onnx" --cache "$work/cache-single" --json > "$work/train-shards.json"
for f in folder shards; do echo "$f: $(grep -A3 '"test"' "$work/train-$f.json" | grep -E '"accuracy"' | head -1 | tr -d ' ,') chosen $(grep '"chosen"' "$work/train-$f.json" | tr -d ' ,')"; done
tools weights "$work/folder.onnx" "$work/shards.onnx"
