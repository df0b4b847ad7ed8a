#!/usr/bin/env bash
# Studio against `mentor train` on the same folder, both from a cold feature cache, back to back:
#   1. `mentor train <copy of clothing-small/train> --test-fraction 0.2` (the studio's held-out split), wall time;
#   2. `mentor studio` on the same copy, Train pressed at once (POST /api/train), time until the run is done;
#   3. 10 photos added (from validation), background features allowed to finish, Train again: time until done.
# Usage: bench/studio.sh [dataset-dir]   (default ../shared/datasets/clothing-small; run from the repository root)
set -euo pipefail
data=${1:-../shared/datasets/clothing-small}
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
work=$(mktemp -d)
trap 'kill $studio 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$data/train" "$work/project"
echo "photos: $(find "$work/project" -type f | wc -l); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
"${mentor[@]}" train "$work/project" --test-fraction 0.2 --cache "$work/cache-train" -o "$work/train.onnx" --json > "$work/train.json"
echo "mentor train (cold cache): $(echo "$(date +%s.%N) - $start" | bc) s; load: $(cut -d' ' -f1-3 /proc/loadavg)"

"${mentor[@]}" studio "$work/project" --cache "$work/cache-studio" --urls http://127.0.0.1:0 > "$work/studio.log" 2> "$work/studio.err" &
studio=$!
until grep -q "mentor: studio" "$work/studio.err"; do sleep 0.2; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/studio.err" | head -1)

wait_run() { # $1: run number; prints the run's own seconds
  until curl -s "$url/api/project" | python3 -c "import json,sys; t=json.load(sys.stdin)['training']; sys.exit(0 if t['run']==$1 and t['state'] in ('done','failed') else 1)"; do sleep 0.5; done
  curl -s "$url/api/project" | python3 -c "import json,sys; t=json.load(sys.stdin)['training']; print(t['state'], t['seconds'], t['message'] or '')"
}
start=$(date +%s.%N)
curl -s -X POST "$url/api/train" > /dev/null
echo "studio first training (cold cache): $(wait_run 1) s (run); $(echo "$(date +%s.%N) - $start" | bc) s wall; load: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "$url/api/report" | python3 -c "import json,sys; r=json.load(sys.stdin); print('studio held-out accuracy', r['accuracy'], 'on', r['heldOutPhotos'], 'photos;', r['trainPhotos'], 'trained on')"
python3 -c "import json; r=json.load(open('$work/train.json')); print('mentor train test accuracy', r.get('test',{}).get('metrics',{}).get('accuracy') if isinstance(r.get('test'),dict) else r)" 2>/dev/null | cut -c1-200 || true

for f in $(ls "$data/validation/shoes" | head -10); do
  curl -s -X POST "$url/api/photos?class=shoes&name=new-$f" --data-binary "@$data/validation/shoes/$f" > /dev/null
done
until curl -s "$url/api/project" | python3 -c "import json,sys; f=json.load(sys.stdin)['features']; sys.exit(0 if f['queued']==f['done'] else 1)"; do sleep 0.5; done
start=$(date +%s.%N)
curl -s -X POST "$url/api/train" > /dev/null
echo "studio retraining after adding 10 photos: $(wait_run 2) s (run); $(echo "$(date +%s.%N) - $start" | bc) s wall; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "studio RSS: $(ps -o rss= -p $studio) KB"
