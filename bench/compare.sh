#!/usr/bin/env bash
# Issues 7 and 14's figures: `mentor compare` with defaults on clothing-small (train/ + test/) and sign-digits (split 80/20, seed 42).
#   bench/compare.sh [clothing|sign-digits|both] [extra compare flags...]
# Writes bench/results/compare-<dataset>-<date>.json and .html (the report) and prints the claims and the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/datasets
which="${1:-both}"; shift || true
extra=("$@")
mkdir -p bench/results
dotnet build src/Mentor.Cli -c Release -v quiet -nologo >/dev/null
# A copy of the build, so that rebuilding the repository while the runs go on does not change what is measured.
cli=$(mktemp -d)
trap 'rm -rf "$cli"' EXIT
cp -r src/Mentor.Cli/bin/Release/net10.0/. "$cli"
mentor=(dotnet "$cli/Mentor.Cli.dll")
run() { # name, dataset
  local base="bench/results/compare-$1-$(date +%Y-%m-%d)"
  uptime
  # The JSON goes to a temporary file first: a run that fails or is stopped leaves the committed result as it was.
  /usr/bin/time -f '%e %M' -o "$cli/time" "${mentor[@]}" compare "$2" -o "$base.html" --json "${extra[@]}" > "$cli/result.json"
  mv "$cli/result.json" "$base.json"
  read -r seconds kb < "$cli/time"
  python3 - "$base.json" "$seconds" "$kb" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f'{sys.argv[1]}: {float(sys.argv[2]) / 60:.1f} min wall, peak {int(sys.argv[3]) // 1024} MB, claims {r["claims"]}')
for m in r["methods"]:
    print(f'  {m["method"]:<28}' + '  '.join(f'{s["shots"] or "all"}: {sum(s["accuracies"]) / len(s["accuracies"]):.3f} ({sum(s["seconds"]) / len(s["seconds"]):.0f} s)' for s in m["shots"]))
PY
}
if [ "$which" = clothing ] || [ "$which" = both ]; then run clothing "$shared/clothing-small"; fi
if [ "$which" = sign-digits ] || [ "$which" = both ]; then run sign-digits "$shared/sign-digits"; fi
