#!/usr/bin/env bash
# Issues 2 and 13's figures in one run: decode (images/s, core-ms per photo), raw backbone per batch size, cold and warm
# end-to-end extraction of clothing-small/train (3068 photos), fp32 and int8 (calibrated on 200 of the photos), each
# end to end as a share of the raw backbone measured just before and after it, and the ceiling decoding leaves.
# Writes bench/results/extraction-<date>-<time>.json (one file per run: a floor is judged on runs, not on one).
# Run on a quiet machine: other processes on the 2 cores change every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/datasets/clothing-small/train}"
mkdir -p bench/results
out="bench/results/extraction-$(date +%Y-%m-%d-%H%M).json"
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%M' -o /tmp/mentor-bench-rss dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll bench --data "$data" --int8 \
  --cache "$cache" --json > "$out"
echo "process peak resident memory: $(( $(cat /tmp/mentor-bench-rss) / 1024 )) MB"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f'{r["cpu"]}, {r["cores"]} cores; preparation {r["decodeImagesPerSecond"]} images/s = {r["decodeCoreMillisecondsPerPhoto"]} core-ms per photo')
for name, p in [("fp32", ""), ("int8", "int8")]:
    k = lambda key: (p + key[0].upper() + key[1:]) if p else key
    print(f'{name}: best batch {r[k("backboneImagesPerSecond")]} images/s, around the extraction {r[k("backboneAroundExtractionImagesPerSecond")]} '
          f'{r[k("backboneBeforeAndAfterExtraction")]}; end to end {r[k("endToEndImagesPerSecond")]} = {r[k("endToEndShareOfBackbone")]} of it '
          f'({r[k("endToEndShareOfBestBackbone")]} of the best batch), ceiling {r[k("endToEndCeiling")]}')
print(sys.argv[1])
PY
