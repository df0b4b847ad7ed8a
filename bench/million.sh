#!/usr/bin/env bash
# Issue 16's head at scale: a synthetic 1,000,000 x 512 dataset (real clothing-small/train features, resampled with
# multiplicative noise, as 16 Parquet shards), then `mentor train --features` on it with the logistic head and its
# 5-fold cross-validation over the C grid; wall time and peak resident memory from /usr/bin/time -v.
# Needs the clothing-small/train shards of bench/shards.sh (or any feature shards: SOURCE=dir).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${WORK:-/dev/shm/mentor-million}"  # 2 GB of shards: tmpfs, when the disk is short
source="${SOURCE:-/tmp/mentor-shards/kubernetes}"
rows="${ROWS:-1000000}"
mkdir -p "$work"
if [ "${NO_BUILD:-0}" != 1 ]; then
    dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
    dotnet build bench/shards -c Release -v quiet -nologo >/dev/null
fi
[ -d "$work/shards" ] || dotnet bench/shards/bin/Release/net10.0/Mentor.ShardTools.dll million "$source" "$work/shards" "$rows" 16
du -sh "$work/shards"
/usr/bin/time -v -o "$work/train.time" dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll \
    train --features "$work/shards" -o "$work/million.onnx" --json > "$work/train.json"
grep -E '"(chosen|trainImages|trainSeconds|totalSeconds)"' "$work/train.json"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/train.time"
