#!/usr/bin/env bash
# Issue 11's ranking figures: `mentor rank --verify` on clothing-small (train/, verified on validation/) and on
# sign-digits (ranked on the 80% of a stratified 80/20 split, seed 42, verified on the 20%), with ResNet-18 whole,
# its stages, and a random-weights CNN. A first run fills the feature cache; the second, timed, writes the JSON:
#   bench/results/rank-clothing-<date>.json, bench/results/rank-sign-digits-<date>.json
# MENTOR_RANK_CACHE: the cache folder (default ~/.cache/mentor-rank, kept so that reruns are warm).
# WARM=1 skips the filling run (the cache is known to be full), e.g. to time again on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${MENTOR_DATASETS:-../shared/datasets}
cache=${MENTOR_RANK_CACHE:-$HOME/.cache/mentor-rank}
mkdir -p bench/results "$cache"
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
# The random-weights CNN (64x64 input, 64 features) comes from the test backbone generator, as a bare .onnx file.
dotnet run --project bench/TestBackbones -c Release -- "$cache/test-backbones" >/dev/null
rm -f "$cache"/test-backbones/resnet18-*.onnx   # 64 MB each, not ranked here
backbones="resnet18,resnet18:layer3,resnet18:layer2,resnet18:layer3+layer4,$cache/test-backbones/random-cnn.onnx"
run() { # name, args...
  local name=$1; shift
  local out="bench/results/rank-$name-$(date +%Y-%m-%d).json"
  [ "${WARM:-0}" = 1 ] || "${mentor[@]}" rank "$@" --backbones "$backbones" --verify --cache "$cache" --json > /dev/null   # fills the cache
  /usr/bin/time -f '%e %M' -o /tmp/mentor-rank-time "${mentor[@]}" rank "$@" --backbones "$backbones" --verify --cache "$cache" --json > "$out"
  read -r seconds kb < /tmp/mentor-rank-time
  python3 - "$out" "$seconds" "$kb" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f'{sys.argv[1]}: {r["trainImages"]} photos, {r["classes"]} classes, verified on {r["validationImages"]}; '
      f'{float(sys.argv[2]):.0f} s wall (warm), peak {int(sys.argv[3]) // 1024} MB')
for c in r["candidates"]:
    print(f'  {c["backbone"]:40} dims {c["dimensions"]:5}  LogME {c["logMe"]:8.4f}  k-NN {c["knnAccuracy"]:.4f} (k={c["knnK"]})'
          f'  linear {c["linearAccuracy"]:.4f}  {c["seconds"]:5.1f} s (k-NN {c["knnSeconds"]:.1f}, LogME {c["logMeSeconds"]:.1f})')
print(f'  Kendall tau vs linear: LogME {r["kendallTau"]["logMe"]:.3f}, k-NN {r["kendallTau"]["knnAccuracy"]:.3f}')
PY
}
run clothing "$shared/clothing-small/train" --val "$shared/clothing-small/validation"
run sign-digits "$shared/sign-digits" --seed 42
