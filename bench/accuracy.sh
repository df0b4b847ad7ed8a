#!/usr/bin/env bash
# Issue 3's figures: cold `train` runs as a user would run them (defaults, fresh cache), then warm ones.
#   clothing-small: train/ with validation/ and test/;  sign-digits: stratified 80/20 split, seed 42.
# Writes bench/results/train-<dataset>-<cold|warm>-<date>.json and prints wall time and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/datasets
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
cache=$(mktemp -d)
run() { # name, kind, args...
  local name=$1 kind=$2; shift 2
  local out="bench/results/train-$name-$kind-$(date +%Y-%m-%d).json"
  /usr/bin/time -f '%e %M' -o /tmp/mentor-train-time "${mentor[@]}" train "$@" --cache "$cache" -o "$cache/$name.onnx" --json > "$out"
  read -r seconds kb < /tmp/mentor-train-time
  python3 - "$out" "$seconds" "$kb" <<'PY' 2>/dev/null || echo "$out: ${seconds}s, $((kb / 1024)) MB"
import json, sys
r = json.load(open(sys.argv[1]))
v = r["validation"]["accuracy"] if r["validation"] else None
print(f'{sys.argv[1]}: test {r["test"]["accuracy"]:.4f}, validation {v}, head fit {r["trainSeconds"]:.2f} s, '
      f'total {float(sys.argv[2]):.1f} s wall, peak {int(sys.argv[3]) // 1024} MB, {r["chosen"]}')
PY
}
for kind in cold warm; do
  run clothing "$kind" "$shared/clothing-small/train" --val "$shared/clothing-small/validation" --test "$shared/clothing-small/test"
  run sign-digits "$kind" "$shared/sign-digits" --test-fraction 0.2 --seed 42
done
rm -rf "$cache"
