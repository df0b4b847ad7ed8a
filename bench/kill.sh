#!/usr/bin/env bash
# Issue 18's kill harness at full strength: extract, train, train --fine-tune, quantize and studio uploads, each killed
# with SIGKILL at MENTOR_KILLS (default 20) seeded moments and run again (tests/Mentor.Tests/Cli/KillAnywhereTests.cs and
# KillStudioUploadTests.cs; the normal suite runs 1 kill each). Every kill must leave the final name absent or whole and
# no damaged cache entry; every re-run must succeed with the uninterrupted run's result and a consistent cache.
# Prints one line per kill (command, seed, moment, outcome) and a tally per command. Seeds start at MENTOR_KILL_SEED
# (default 1800; command k uses 1800 + 1000k, 1800 + 1000k + 1, ...). --no-build skips the build; MENTOR_TESTS_DLL runs
# a copy of the built tests instead (so that building while it runs does not swap files under it).
set -euo pipefail
cd "$(dirname "$0")/.."
export MENTOR_KILLS="${MENTOR_KILLS:-20}" MENTOR_KILL_SEED="${MENTOR_KILL_SEED:-1800}"
export MENTOR_KILL_LOG="${MENTOR_KILL_LOG:-/tmp/mentor-kills.log}"
rm -f "$MENTOR_KILL_LOG"
[ "${1:-}" = --no-build ] || dotnet build tests/Mentor.Tests -c Release --nologo -v q > /dev/null

run() { # filter name
    if dotnet test "${MENTOR_TESTS_DLL:-tests/Mentor.Tests}" -c Release --no-build --filter "FullyQualifiedName~$1" > "$MENTOR_KILL_LOG.$2.out" 2>&1
    then echo "$2: passed"; else echo "$2: FAILED, see $MENTOR_KILL_LOG.$2.out"; fi
}
# Three streams: fine-tuning alone takes about as long as the four others together.
run KillAnywhereTests.Fine_tuning fine-tune &
(run KillAnywhereTests.Train_ train; run KillAnywhereTests.Extract extract) &
(run KillAnywhereTests.Quantize quantize; run KillStudioUploadTests studio-upload) &
wait

cat "$MENTOR_KILL_LOG"
awk -F'\t' '{ k[$1] += ($4 == "killed"); f[$1] += ($4 != "killed"); s[$1] = s[$1] " " substr($2, 6) }
    END { for (c in k) printf "%-14s %d kills recovered (%d runs finished before their moment, not counted); seeds%s\n", c, k[c], f[c], s[c] }' "$MENTOR_KILL_LOG"
