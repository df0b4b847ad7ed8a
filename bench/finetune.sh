#!/usr/bin/env bash
# Issue 4's figures: `train --fine-tune` with defaults, as a user would run it (features cache warm or cold, as found).
#   clothing-small: train/ with validation/ (early stopping) and test/;  sign-digits: stratified 80/20 split, seed 42
#   (10% of the training part held out for early stopping).
#   bench/finetune.sh [clothing|sign-digits|both] [extra train flags...]
# Writes bench/results/finetune-<dataset>-<date>.json (the --json report: per-epoch loss, validation accuracy,
# seconds and images/s, and the model file's top-1 agreement with the trained network on the test photos)
# and prints test accuracy, wall time and peak memory. Run it on a quiet machine and note `uptime`.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/datasets
which="${1:-both}"; shift || true
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
out_dir=$(mktemp -d)
run() { # name, args...
  local name=$1; shift
  local out="bench/results/finetune-$name-$(date +%Y-%m-%d).json"
  uptime
  /usr/bin/time -f '%e %M' -o /tmp/mentor-finetune-time "${mentor[@]}" train "$@" --fine-tune -o "$out_dir/$name.onnx" --json "${extra[@]}" > "$out"
  read -r seconds kb < /tmp/mentor-finetune-time
  python3 - "$out" "$seconds" "$kb" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["fineTune"]
epochs = t["epochs"]
print(f'{sys.argv[1]}: test {r["test"]["accuracy"]:.4f}, validation {r["validation"]["accuracy"]:.4f} '
      f'(head on frozen features {t["initialValidationAccuracy"]:.4f}), kept epoch {t["bestEpoch"]} of {len(epochs)}, '
      f'export agreement {t["exportAgreement"]}, {float(sys.argv[2]) / 60:.1f} min wall, peak {int(sys.argv[3]) // 1024} MB')
print(f'  frozen stages {t["viewSeconds"]:.0f} s for {t["views"]} views per photo; epochs {t["trainingSeconds"]:.0f} s: ' +
      ', '.join(f'{e["seconds"]:.0f} s at {e["imagesPerSecond"]:.1f} img/s' for e in epochs))
PY
}
extra=("$@")
if [ "$which" = clothing ] || [ "$which" = both ]; then
  run clothing "$shared/clothing-small/train" --val "$shared/clothing-small/validation" --test "$shared/clothing-small/test"
fi
if [ "$which" = sign-digits ] || [ "$which" = both ]; then
  run sign-digits "$shared/sign-digits" --test-fraction 0.2 --seed 42
fi
rm -rf "$out_dir"
