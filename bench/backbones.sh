#!/bin/bash
# Each re-wrapped ResNet-18 (bench/TestBackbones), as a spec file and as a bare .onnx, trained on clothing-small with
# no flag beyond --backbone, against the built-in: the test accuracies must agree within 0.003.
# Usage: bench/backbones.sh [out-dir]   (datasets in /work/shared/datasets or $DATASETS)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-/tmp/mentor-backbones}
D=${DATASETS:-/work/shared/datasets}/clothing-small
mkdir -p "$OUT"
dotnet build "$ROOT/src/Mentor.Cli" -c Release > /dev/null
dotnet run --project "$ROOT/bench/TestBackbones" -c Release -- "$OUT/tb"
for b in resnet18 "$OUT/tb/resnet18-torchvision.json" "$OUT/tb/resnet18-torchvision.onnx" "$OUT/tb/resnet18-tensorflow.json"; do
  n=$(basename "$b")
  dotnet "$ROOT/src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll" train "$D/train" --val "$D/validation" --test "$D/test" \
    --backbone "$b" -o "$OUT/$n.model.onnx" --json > "$OUT/$n.json"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sys.argv[2], 'test', round(d['test']['accuracy'], 4))" "$OUT/$n.json" "$n"
done
