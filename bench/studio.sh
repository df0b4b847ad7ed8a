#!/usr/bin/env bash
# Studio against `mentor train` on the same folder, both from a cold feature cache, back to back, in rounds
# (this machine's speed drifts between minutes, so only a ratio inside one round means anything):
#   1. `mentor train <copy of clothing-small/train> --test-fraction 0.2` (the studio's held-out split), wall time;
#   2. `mentor studio` on the same copy, Train pressed at once (POST /api/train), wall time until the run is done;
#      meanwhile the page's calls (project, photo list, thumbnail) five a second, their p50/p95;
#   3. 10 photos added (from validation), background features allowed to finish, Train again: wall time until done.
# The script waits on the page's event stream (GET /api/events), not by polling.
# Usage: bench/studio.sh [dataset-dir] [rounds]   (default ../shared/datasets/clothing-small, 2; run from the repository root)
set -euo pipefail
data=${1:-../shared/datasets/clothing-small}
rounds=${2:-2}
mentor=(dotnet src/Mentor.Cli/bin/Release/net10.0/Mentor.Cli.dll)
work=$(mktemp -d)
studio=
trap 'kill $studio 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$data/train" "$work/project"
echo "photos: $(find "$work/project" -type f | wc -l); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
training() { curl -s "$url/api/project" | grep -o '"training":{[^}]*}'; }
wait_run() { # $1: run number; waits on the event stream the page listens to (no polling cost in the studio)
  grep -m1 -q "\"state\":\"\(done\|failed\)\",\"phase\":null,[^}]*\"run\":$1[,}]" < <(curl -sN "$url/api/events")
}

for round in $(seq 1 "$rounds"); do
  rm -rf "$work/cache-train" "$work/cache-studio" "$work/project/.mentor-studio" "$work"/project/shoes/new-*
  start=$(now)
  "${mentor[@]}" train "$work/project" --test-fraction 0.2 --cache "$work/cache-train" -o "$work/train.onnx" --json > "$work/train.json"
  train=$(since "$start")

  "${mentor[@]}" studio "$work/project" --cache "$work/cache-studio" --urls http://127.0.0.1:0 > "$work/studio.log" 2> "$work/studio.err" &
  studio=$!
  until grep -q "mentor: studio" "$work/studio.err"; do sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/studio.err" | head -1)
  start=$(now)
  curl -s -X POST "$url/api/train" > /dev/null
  # The page's calls while it trains, five a second from one client: the project, a class's photo list, a thumbnail.
  # (stdbuf: curl writes its timings line by line, so that none are lost when it is stopped.)
  thumb="$url/api/thumb?class=shoes&name=$(ls "$work/project/shoes" | head -1)"
  for i in $(seq 1 200); do for u in "$url/api/project" "$url/api/photos?class=shoes&offset=0&limit=40" "$thumb"; do printf 'url = "%s"\noutput = "/dev/null"\n' "$u"; done; done > "$work/calls.cfg"
  stdbuf -oL curl -s --rate 5/s -K "$work/calls.cfg" -w '%{time_total} %{http_code}\n' > "$work/latency.txt" &
  calls=$!
  wait_run 1
  first=$(since "$start")
  kill "$calls" 2>/dev/null || true
  latency=$(awk '$2 != 200 { bad++ } { print $1 * 1000 } END { if (bad) print "non-200:", bad > "/dev/stderr" }' "$work/latency.txt" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%d calls, p50 %.0f ms, p95 %.0f ms, max %.0f ms", NR, v[int(NR * 0.5)], v[int(NR * 0.95)], v[NR] }')
  training | grep -q '"state":"done"' || { echo "studio training failed: $(training)"; exit 1; }

  for f in $(ls "$data/validation/shoes" | head -10); do
    curl -s -X POST "$url/api/photos?class=shoes&name=new-$f" --data-binary "@$data/validation/shoes/$f" > /dev/null
  done
  grep -m1 -q '"features":{"queued":\([0-9]*\),"done":\1}' < <(curl -sN "$url/api/events")
  start=$(now)
  curl -s -X POST "$url/api/train" > /dev/null
  wait_run 2
  retrain=$(since "$start")
  head=$(curl -s "$url/api/report" | grep -o '"chosen":"[^"]*","searched":[a-z]*')
  rss=$(ps -o rss= -p "$studio")
  kill "$studio"; wait "$studio" 2>/dev/null || true; studio=
  printf 'round %d: mentor train %.1f s; studio first training %.1f s (%.2fx); its API calls meanwhile: %s; retraining after 10 photos %.1f s (%s); studio RSS %d MB; load %s\n' \
    "$round" "$train" "$first" "$(echo "$first / $train" | bc -l)" "$latency" "$retrain" "$head" "$((rss / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
