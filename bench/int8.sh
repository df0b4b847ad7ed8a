#!/usr/bin/env bash
# Issue 5's figures: fp32 and int8 backbone images/s side by side (same run), cold end-to-end extraction of both, then
# cold `train` on clothing-small fp32 vs --int8 (fresh caches; accuracy, seconds), int8 vs fp32 feature cosine on
# the test photos, and the exported int8 model file's size.
# Writes bench/results/int8-*-<date>.json. Run on a quiet machine: other processes on the 2 cores change every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/datasets/clothing-small
day=$(date +%Y-%m-%d)
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. bench: fp32 and int8 in one run (calibration: 200 of the --data photos; quantised once into a fresh cache).
"${mentor[@]}" bench --data "$shared/train" --int8 --cache "$work/bench-cache" --json > "bench/results/int8-bench-$day.json"
python3 - "bench/results/int8-bench-$day.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f'backbone fp32 {r["backboneImagesPerSecond"]} (batch {r["bestBatchSize"]}), int8 {r["int8BackboneImagesPerSecond"]} (batch {r["int8BestBatchSize"]}): {r["int8Speedup"]}x')
print(f'cold end to end fp32 {r["endToEndImagesPerSecond"]}, int8 {r["int8EndToEndImagesPerSecond"]}: {r["int8EndToEndSpeedup"]}x')
PY

# 2. cold train, fp32 then int8, each with a fresh cache (train + validation + test, default seed and head).
for kind in fp32 int8; do
  flags=(); [ "$kind" = int8 ] && flags=(--int8)
  out="bench/results/int8-train-clothing-$kind-$day.json"
  /usr/bin/time -f '%e %M' -o "$work/time" "${mentor[@]}" train "$shared/train" --val "$shared/validation" --test "$shared/test" \
    --cache "$work/cache-$kind" -o "$work/clothing-$kind.onnx" --json "${flags[@]}" > "$out"
  read -r seconds kb < "$work/time"
  python3 - "$out" "$seconds" "$kb" "$work/clothing-$kind.onnx" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
print(f'{sys.argv[1]}: test {r["test"]["accuracy"]:.4f}, validation {r["validation"]["accuracy"]:.4f}, '
      f'{float(sys.argv[2]):.1f} s wall, peak {int(sys.argv[3]) // 1024} MB, model {os.path.getsize(sys.argv[4]) / 1e6:.1f} MB')
PY
done

# 3. int8 vs fp32 features on the test photos (Parquet from `extract`, compared by path).
"${mentor[@]}" extract "$shared/test" --cache "$work/cache-fp32" -o "$work/test-fp32.parquet" --json > /dev/null
"${mentor[@]}" extract "$shared/test" --cache "$work/cache-int8" --int8 --calibration "$shared/train" -o "$work/test-int8.parquet" --json > /dev/null
dotnet run -c Release --project bench/Mentor.Bench -- feature-agreement "$work/test-fp32.parquet" "$work/test-int8.parquet" \
  | tee "bench/results/int8-feature-agreement-$day.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
