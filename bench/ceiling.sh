#!/usr/bin/env bash
# Issue 13's physical limit: peak fp32 FMA GFLOP/s and int8 VNNI GOP/s of this CPU (bench/ceiling/ceiling.cpp), one
# core and all cores, next to the backbone's raw images/s from `mentor bench` in the same run, so that the backbone's
# share of the peak is one run on one machine: the built-in ResNet-18 (CNTK's, heavier than torchvision's) is 2.05 GMAC =
# 4.1 GFLOP per 224x224 image in fp32, and the same 4.1 G ops per image in int8 on the VNNI side.
# Needs g++ (the CI installs it). Writes bench/results/ceiling-<date>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
g++ -O3 -march=native -std=c++17 -pthread bench/ceiling/ceiling.cpp -o /tmp/mentor-ceiling
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
out="bench/results/ceiling-$(date +%Y-%m-%d).json"
{
  echo "{\"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\", \"ceiling\": ["
  /tmp/mentor-ceiling | paste -sd, -
  echo "], \"bench\": "
  dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll bench --data "${DATASETS:-../shared/datasets}/clothing-small/train" --int8 --json
  echo "}"
} > "$out"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
b, peak = r["bench"], max(r["ceiling"], key=lambda c: c["threads"])
gops = 4.1  # 2.05 GMAC per image, 2 ops per MAC
print(f'{r["cpu"]}: {json.dumps(r["ceiling"])}')
fp32 = b["backboneImagesPerSecond"]
print(f'fp32: {fp32} images/s = {fp32 * gops:.0f} GFLOP/s, {fp32 * gops / peak["fp32FmaGflops"]:.0%} of the FMA peak '
      f'({peak["fp32FmaGflops"] / gops:.0f} images/s)')
if "int8BackboneImagesPerSecond" in b:
    int8 = b["int8BackboneImagesPerSecond"]
    print(f'int8: {int8} images/s = {int8 * gops:.0f} G ops/s, {int8 * gops / peak["int8VnniGops"]:.0%} of the VNNI peak '
          f'({peak["int8VnniGops"] / gops:.0f} images/s)')
PY
