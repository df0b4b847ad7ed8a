#!/usr/bin/env bash
# Issue 14's figures: `train --fine-tune` with no flag but the splits, three seeds per dataset, each next to the head
# on frozen features (`train` without --fine-tune, same seed and split) so that "never below the frozen head" is checked
# on the test photos.
#   clothing-small: train/ with validation/ and test/;  sign-digits: stratified 80/20 split with --split-seed 42
#   (10% of the training part held out for validation), the seed varying only the fine-tune.
#   bench/finetune-seeds.sh [clothing|sign-digits|both] [seeds...]     (default: both, seeds 1 2 3)
# Appends one JSON line per run to bench/results/finetune-seeds-<date>[-<tag>].jsonl (tag from $BENCH_TAG, to keep runs of
# different code apart) and prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/datasets
which="${1:-both}"; shift || true
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
out_dir=$(mktemp -d)
# A copy of the build, so that rebuilding the repository while the runs go on does not change what is measured.
cp -r src/Mentor.Cli/bin/Release/net10.0 "$out_dir/cli"
mentor=(dotnet "$out_dir/cli/Mentor.Cli.dll")
results="bench/results/finetune-seeds-$(date +%Y-%m-%d)${BENCH_TAG:+-$BENCH_TAG}.jsonl"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
run() { # dataset seed frozen-only-flag args...
  local name=$1 seed=$2 frozen_flag=$3; shift 3
  # The frozen head is trained on the same photos the fine-tune starts from (fine-tuning holds out 10% for validation when no --val is given).
  "${mentor[@]}" train "$@" $frozen_flag --seed "$seed" -o "$out_dir/frozen.onnx" --json > "$out_dir/frozen.json"
  /usr/bin/time -f '%e %M' -o "$out_dir/time" "${mentor[@]}" train "$@" --seed "$seed" --fine-tune -o "$out_dir/tuned.onnx" --json > "$out_dir/tuned.json"
  read -r seconds kb < "$out_dir/time"
  python3 - "$name" "$seed" "$out_dir/frozen.json" "$out_dir/tuned.json" "$seconds" "$kb" "$cpu" >> "$results" <<'PY'
import json, sys
name, seed, frozen, tuned, seconds, kb, cpu = sys.argv[1:]
f, t = json.load(open(frozen)), json.load(open(tuned))
ft = t["fineTune"]
print(json.dumps({
    "dataset": name, "seed": int(seed), "cpu": cpu, "minutes": round(float(seconds) / 60, 2), "peakMb": int(kb) // 1024,
    "frozenTest": f["test"]["accuracy"], "frozenValidation": f["validation"]["accuracy"],
    "test": t["test"]["accuracy"], "validation": t["validation"]["accuracy"],
    "keptEpoch": ft["bestEpoch"], "kept": ft.get("kept"), "averagedEpochs": ft.get("averagedEpochs"), "epochs": len(ft["epochs"]), "precision": ft["precision"], "plan": ft["plan"],
    "epochValidation": [e["validationAccuracy"] for e in ft["epochs"]],
}))
PY
  python3 - "$results" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).read().splitlines()[-1])
p = r["plan"]
print(f"{r['dataset']:12} seed {r['seed']}: test {r['test']:.4f} (frozen head {r['frozenTest']:.4f}), validation {r['validation']:.4f}, "
      f"kept {r.get('kept') or 'epoch ' + str(r['keptEpoch'])} of {r['epochs']}, {p['stages']} stage(s), crop {p['minCrop']}, {r['minutes']:.1f} min, {r['precision']}")
PY
}
for seed in "${seeds[@]}"; do
  if [ "$which" = clothing ] || [ "$which" = both ]; then
    run clothing "$seed" "" "$shared/clothing-small/train" --val "$shared/clothing-small/validation" --test "$shared/clothing-small/test"
  fi
  if [ "$which" = sign-digits ] || [ "$which" = both ]; then
    run sign-digits "$seed" "--val-fraction 0.1" "$shared/sign-digits" --test-fraction 0.2 --split-seed 42
  fi
done
rm -rf "$out_dir"
