#!/usr/bin/env bash
# Issue 2's figures in one run: decode, raw backbone (best batch), cold and warm end-to-end extraction of
# clothing-small/train (3068 photos), peak memory. Writes bench/results/extraction-<date>.json.
# Run on a quiet machine: other processes on the 2 cores change every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/datasets/clothing-small/train}"
mkdir -p bench/results
out="bench/results/extraction-$(date +%Y-%m-%d).json"
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
/usr/bin/time -f '%M' -o /tmp/mentor-bench-rss dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll bench --data "$data" --json | tee "$out"
echo "process peak resident memory: $(( $(cat /tmp/mentor-bench-rss) / 1024 )) MB"
