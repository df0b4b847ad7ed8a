#!/usr/bin/env bash
# Mentor against its anchor, in one run on one machine: ML.NET 5.0.1's standard pipeline (bench/MlNetBaseline) and
# `mentor train` (fp32, then --int8 with its calibration), each cold (fresh feature cache), back to back on
# clothing-small train -> test, then a warm `mentor train`. Prints the ratios; writes bench/results/vs-mlnet-<date>.json.
# Run it on a quiet machine: on 2 cores anything else running changes every number.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/datasets/clothing-small}
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/MlNetBaseline -c Release -v quiet -nologo >/dev/null
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timed() { # name, command...: runs it, keeps stdout in $work/name.json and "wall peak-kB" in $work/name.time
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/$name.time" "$@" > "$work/$name.json"
}
timed mlnet bench/MlNetBaseline/bin/Release/net10.0/MlNetBaseline "$data/train" "$data/test"
timed mentor "${mentor[@]}" train "$data/train" --test "$data/test" --cache "$work/cache-fp32" -o "$work/fp32.onnx" --json
timed mentor-int8 "${mentor[@]}" train "$data/train" --test "$data/test" --int8 --cache "$work/cache-int8" -o "$work/int8.onnx" --json
timed mentor-warm "${mentor[@]}" train "$data/train" --test "$data/test" --cache "$work/cache-fp32" -o "$work/fp32.onnx" --json

python3 - "$work" "bench/results/vs-mlnet-$(date +%Y-%m-%d).json" <<'PY'
import json, sys, platform
work, out = sys.argv[1], sys.argv[2]
def run(name):
    wall, kb = open(f"{work}/{name}.time").read().split()
    return {"wallSeconds": float(wall), "peakMb": int(kb) // 1024, "result": json.load(open(f"{work}/{name}.json"))}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
runs = {n: run(n) for n in ["mlnet", "mentor", "mentor-int8", "mentor-warm"]}
ml = runs["mlnet"]["wallSeconds"]
summary = {
    "cpu": cpu, "cores": len([l for l in open("/proc/cpuinfo") if l.startswith("processor")]),
    "mlnetSeconds": ml, "mlnetTestAccuracy": runs["mlnet"]["result"]["testAccuracy"],
    "mentorSeconds": runs["mentor"]["wallSeconds"], "mentorTestAccuracy": runs["mentor"]["result"]["test"]["accuracy"],
    "mentorInt8Seconds": runs["mentor-int8"]["wallSeconds"], "mentorInt8TestAccuracy": runs["mentor-int8"]["result"]["test"]["accuracy"],
    "warmSeconds": runs["mentor-warm"]["wallSeconds"],
}
summary["ratioFp32"] = summary["mentorSeconds"] / ml
summary["ratioInt8"] = summary["mentorInt8Seconds"] / ml
json.dump({"summary": summary, "runs": runs}, open(out, "w"), indent=2)
s = summary
print(f"{cpu}, {s['cores']} cores")
print(f"ML.NET         {ml:7.1f} s  test {s['mlnetTestAccuracy']:.4f}")
print(f"mentor fp32    {s['mentorSeconds']:7.1f} s  test {s['mentorTestAccuracy']:.4f}  ratio {s['ratioFp32']:.2f}")
print(f"mentor int8    {s['mentorInt8Seconds']:7.1f} s  test {s['mentorInt8TestAccuracy']:.4f}  ratio {s['ratioInt8']:.2f}")
print(f"mentor warm    {s['warmSeconds']:7.1f} s")
print(out)
PY
