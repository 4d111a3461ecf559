#!/usr/bin/env bash
# fuzz.sh — run the libFuzzer targets of tests/fuzz for a while each.
#   scripts/fuzz.sh            60 s per target
#   scripts/fuzz.sh 600 npz    10 minutes, npz only
# Each target starts from its seeds in tests/fuzz/corpus/<target>/ (read
# only) and keeps what it discovers in build/fuzz/work/<target>/, so a later
# run continues from there. A crash, a hang (-timeout) or an allocation above
# -malloc_limit_mb stops the target; the input is saved in
# build/fuzz/crashes/<target>/ — add it to the corpus and a regression test.
# Prints one line per target: "fuzz <target>: N executions in S s, ok|FAILED".
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(idx npz)
bash scripts/build.sh fuzz >/dev/null || exit 1

# Inputs stay small (a few digits, a tiny network): bugs live in the headers
# and sizes, not in megabytes of pixels, and small inputs run fast. 256 MiB is
# far above what a valid input of that size may need — a bigger single
# allocation means a size was trusted before it was checked.
declare -A max_len=([idx]=16384 [npz]=65536)
status=0
for t in "${targets[@]}"; do
  work=build/fuzz/work/$t; crashes=build/fuzz/crashes/$t
  mkdir -p "$work" "$crashes"
  log=build/fuzz/$t.log
  build/fuzz/${t}_fuzz "$work" "tests/fuzz/corpus/$t" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=256 -print_final_stats=1 \
    -artifact_prefix="$crashes/" >"$log" 2>&1
  rc=$?
  runs=$(grep -E "^stat::number_of_executed_units:" "$log" | awk '{print $2}')
  secs=$(grep -oE "^Done [0-9]+ runs in [0-9]+ second" "$log" | awk '{print $5}')
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $t: ${runs:-0} executions in ${secs:-$seconds} s, ok"
  else
    status=1
    echo "fuzz $t: ${runs:-0} executions, FAILED (exit $rc) — see $log and $crashes/"
    grep -E "ERROR|violated|undocumented|SUMMARY" "$log" | head -5
  fi
done
exit $status
