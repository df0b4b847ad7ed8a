#!/usr/bin/env bash
# Coverage-guided fuzzing of one of Mentor's parsers of untrusted bytes with SharpFuzz + afl-fuzz (afl++).
#   bench/fuzz.sh <image|model|head|spec|upload|parquet> <seconds>
# Installs afl++ (Debian) and the SharpFuzz instrumenter (NuGet) when missing, publishes bench/Fuzz, writes seeds (small
# real inputs, plus the target's regression corpus), instruments Mentor's assemblies (and Parquet.Net, Google.Protobuf),
# runs afl-fuzz for <seconds>, then prints minutes run, execs/s, paths found, crashes and hangs, and replays each crash
# and hang through the uninstrumented target to print what it threw. Findings stay in bench/Fuzz/out/<target>/findings
# (the published copies, about 0.8 GB each, are removed at the end).
# A crash to keep: copy it into tests/Mentor.Tests/FuzzCorpus/<target>/, fix src, and FuzzCorpusReplayTests replays it.
set -euo pipefail

if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
  echo "usage: bench/fuzz.sh <image|model|head|spec|upload|parquet> <seconds>" >&2
  exit 2
fi
target=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/bench/Fuzz/out/$target
tools=$root/bench/Fuzz/.tools
corpus=$root/tests/Mentor.Tests/FuzzCorpus/$target

if ! command -v afl-fuzz >/dev/null; then
  apt-get update && apt-get install -y afl++
fi
if [[ ! -x $tools/sharpfuzz ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

rm -rf "$work"
mkdir -p "$work/seeds"
dotnet publish "$root/bench/Fuzz/Mentor.Fuzz.csproj" -c Release -o "$work/plain" --artifacts-path "$root/bench/Fuzz/out/.build" --nologo -v q 2>&1 | grep -E "error|warn" || true
(cd "$root" && dotnet "$work/plain/Mentor.Fuzz.dll" seed "$target" "$work/seeds")
if [[ $target == image ]]; then
  for f in photo.bmp photo.webp cmyk.jpg two-frames-red-then-blue.gif; do cp "$root/tests/Mentor.Tests/Fixtures/$f" "$work/seeds/"; done
fi
if [[ -d $corpus ]]; then cp "$corpus"/* "$work/seeds/" 2>/dev/null || true; fi
find "$work/seeds" -type d -name ".*" -prune -exec rm -rf {} +

cp -r "$work/plain" "$work/app"
for dll in Mentor.dll Mentor.Server.dll Parquet.dll Google.Protobuf.dll; do
  "$tools/sharpfuzz" "$work/app/$dll" >/dev/null
done

# The targets that read paths write their input here (bench/Fuzz/ScratchFolder.cs); removed with the published copies at the end.
scratch=$(mktemp -d "$( [[ -d /dev/shm ]] && echo /dev/shm || echo /tmp )/mentor-fuzz-$target-XXXX")
trap 'rm -rf "$scratch" "$work/app" "$work/plain"' EXIT
export MENTOR_FUZZ_SCRATCH=$scratch

echo "fuzzing '$target' for $seconds s with $(ls "$work/seeds" | wc -l) seeds"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_FORKSRV_INIT_TMOUT=60000
afl-fuzz -V "$seconds" -i "$work/seeds" -o "$work/findings" -t 10000 -m none -- dotnet "$work/app/Mentor.Fuzz.dll" fuzz "$target" \
  > "$work/afl.log" 2>&1 || { tail -30 "$work/afl.log"; exit 1; }

stats=$work/findings/default/fuzzer_stats
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
run_time=$(value run_time)
execs=$(value execs_done)
echo "target:         $target"
echo "minutes run:    $(awk -v t="$run_time" 'BEGIN { printf "%.1f", t / 60 }')"
echo "execs:          $execs ($(awk -v e="$execs" -v t="$run_time" 'BEGIN { printf "%.1f", (t > 0 ? e / t : 0) }') execs/s, measured under load)"
echo "paths found:    $(value corpus_count) (seeds: $(ls "$work/seeds" | wc -l))"
echo "crashes:        $(value saved_crashes)"
echo "hangs:          $(value saved_hangs)"
for kind in crashes hangs; do
  for f in "$work/findings/default/$kind"/id:*; do
    [[ -e $f ]] || continue
    echo "--- $kind/$(basename "$f")"
    (cd "$root" && timeout 60 dotnet "$work/plain/Mentor.Fuzz.dll" replay "$target" "$f" 2>&1 | grep -v "^\s*at " | head -3) || echo "(replay timed out or failed)"
  done
done
