#!/usr/bin/env bash
# Issue 6's load figures: 'mentor serve' on loopback under N good clients (real clothing photos) plus one client
# sending bad inputs, against the same model's in-process batch throughput measured in the same run.
#   bench/load/run.sh [model.onnx] [seconds] [label]
#   bench/load/run.sh /tmp/clothing.onnx 60 load     # the 60-second load test
#   bench/load/run.sh /tmp/clothing.onnx 600 soak    # the 10-minute soak (server RSS sampled every 10 s)
# Without a model, trains one on clothing-small first. Writes bench/load/results/<label>-<seconds>s-<date>.json.
# The machine is small (2 cores): run it when nothing else is, and note `uptime`'s load average (in the JSON too).
set -euo pipefail
cd "$(dirname "$0")/../.."
model="${1:-}"
seconds="${2:-60}"
label="${3:-load}"
dotnet build bench/load -c Release -v quiet -nologo >/dev/null
if [ -z "$model" ]; then
  model=/tmp/mentor-load-clothing.onnx
  [ -f "$model" ] || dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll train ../shared/datasets/clothing-small/train \
    --val ../shared/datasets/clothing-small/validation -o "$model"
fi
mkdir -p bench/load/results
out="bench/load/results/$label-${seconds}s-$(date +%Y-%m-%d).json"
uptime
dotnet bench/load/bin/Release/net10.0/Mentor.LoadTest.dll --model "$model" --data ../shared/datasets/clothing-small/test \
  --clients 32 --duration "$seconds" --out "$out"
