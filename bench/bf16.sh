#!/usr/bin/env bash
# Issue 13's bf16 figures: `train --fine-tune` on clothing-small (train/, validation/ for early stopping, test/) twice,
# back to back in one run: --precision fp32, then --precision bf16 (convolutions in bfloat16, fp32 master weights).
# Prints seconds per epoch and training images/s of each, their ratio, and both test accuracies; writes
# bench/results/bf16-<date>.json with both --json reports. Extra flags go to both runs (e.g. --epochs 4).
# The frozen stages' features are cached by the first run's extraction, not by fine-tuning: each run computes its views.
# Run it on a quiet machine: on 2 cores anything else running changes every number.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/datasets/clothing-small
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for precision in fp32 bf16; do
  /usr/bin/time -f '%e %M' -o "$work/$precision.time" "${mentor[@]}" train "$data/train" --val "$data/validation" --test "$data/test" \
    --fine-tune --precision "$precision" -o "$work/$precision.onnx" --json "$@" > "$work/$precision.json"
done
python3 - "$work" "bench/results/bf16-$(date +%Y-%m-%d).json" <<'PY'
import json, sys
work, out = sys.argv[1], sys.argv[2]
cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
runs = {}
for p in ["fp32", "bf16"]:
    wall, kb = open(f"{work}/{p}.time").read().split()
    r = json.load(open(f"{work}/{p}.json"))
    t = r["fineTune"]
    e = t["epochs"]
    runs[p] = {"wallSeconds": float(wall), "peakMb": int(kb) // 1024, "precision": t["precision"],
               "secondsPerEpoch": sum(x["seconds"] for x in e) / len(e),
               "trainImagesPerSecond": sum(x["imagesPerSecond"] for x in e) / len(e),
               "epochs": len(e), "keptEpoch": t["bestEpoch"], "validationAccuracy": r["validation"]["accuracy"],
               "testAccuracy": r["test"]["accuracy"], "exportAgreement": t["exportAgreement"], "report": r}
f, b = runs["fp32"], runs["bf16"]
summary = {"cpu": cpu, "speedup": b["trainImagesPerSecond"] / f["trainImagesPerSecond"],
           "testAccuracyDifference": b["testAccuracy"] - f["testAccuracy"]}
json.dump({"summary": summary, "runs": runs}, open(out, "w"), indent=2)
print(cpu)
for p, r in runs.items():
    print(f'{p} ({r["precision"]}): {r["secondsPerEpoch"]:.1f} s/epoch, {r["trainImagesPerSecond"]:.1f} img/s training, '
          f'{r["epochs"]} epochs (kept {r["keptEpoch"]}), validation {r["validationAccuracy"]:.4f}, test {r["testAccuracy"]:.4f}, '
          f'{r["wallSeconds"] / 60:.1f} min wall, peak {r["peakMb"]} MB, export agreement {r["exportAgreement"]}')
print(f'bf16 / fp32 training speed {summary["speedup"]:.2f}x; test accuracy difference {summary["testAccuracyDifference"] * 100:+.2f} points')
print(out)
PY
