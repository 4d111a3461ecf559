#!/usr/bin/env bash
# test.sh — `npm test`: every test of the project, exit non-zero on any failure.
#   1. native GoogleTest suite (CTest), Release build
#   2. the same suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   3. each libFuzzer target (tests/fuzz) for $FUZZ_SECONDS s (default 20), ASan + UBSan
#   4. Node tests of the built wasm module through the JavaScript API (tests/node)
#   5. browser tests in headless Chromium (tests/browser), when present
#   6. the smoke suite in headless Firefox over WebDriver BiDi (tests/firefox)
#   7. the smoke suite in WebKit (WebKitGTK MiniBrowser under Xvfb, WebKitWebDriver; tests/webkit)
# The last line is "scratchnet: N passed, N failed" over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/build.sh || exit 1

mkdir -p build/logs
passed=0; failed=0; status=0

count_ctest() {  # "100% tests passed, 0 tests failed out of 57"
  local line; line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$1" | tail -1)
  local total fail
  total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line"); fail=$(sed -E 's/.* ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((passed + ${total:-0} - ${fail:-0})); failed=$((failed + ${fail:-0}))
}
count_node() {  # node --test prints "# pass N" and "# fail N"
  local p f
  p=$(grep -E "^# pass [0-9]+" "$1" | tail -1 | awk '{print $3}'); f=$(grep -E "^# fail [0-9]+" "$1" | tail -1 | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
}

echo "== native tests (build/native)"
ctest --test-dir build/native --output-on-failure -j2 2>&1 | tee build/logs/native.log | tail -3
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1; count_ctest build/logs/native.log

echo "== native tests under ASan + UBSan (build/asan)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j2 2>&1 | tee build/logs/asan.log | tail -3
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1; count_ctest build/logs/asan.log

echo "== fuzzing the file parsers, ${FUZZ_SECONDS:-20} s per target (tests/fuzz; longer: scripts/fuzz.sh)"
: > build/logs/fuzz.log
for target in idx npz; do  # one pass (no crash, hang or oversized allocation) or fail per target
  if bash scripts/fuzz.sh "${FUZZ_SECONDS:-20}" "$target" | tee -a build/logs/fuzz.log; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); status=1
  fi
done

echo "== wasm tests through the JavaScript API (tests/node)"
node --test --test-reporter=tap tests/node/ > build/logs/node.log 2>&1 || status=1
grep -E "^not ok|^# (tests|pass|fail)" build/logs/node.log; count_node build/logs/node.log
[ "$status" -eq 0 ] || grep -B2 -A30 "^not ok" build/logs/node.log | head -80

if compgen -G "tests/browser/*.test.mjs" >/dev/null; then
  echo "== browser tests in headless Chromium (tests/browser)"
  node --test --test-concurrency=1 --test-reporter=tap tests/browser/ > build/logs/browser.log 2>&1 || status=1
  grep -E "^not ok|^# (tests|pass|fail)" build/logs/browser.log; count_node build/logs/browser.log
fi

if compgen -G "tests/firefox/*.test.mjs" >/dev/null; then
  echo "== smoke tests in headless Firefox (tests/firefox)"
  node --test --test-concurrency=1 --test-reporter=tap tests/firefox/ > build/logs/firefox.log 2>&1 || status=1
  grep -E "^not ok|^# (tests|pass|fail)" build/logs/firefox.log; count_node build/logs/firefox.log
fi

if compgen -G "tests/webkit/*.test.mjs" >/dev/null; then
  echo "== smoke tests in WebKit (tests/webkit)"
  node --test --test-concurrency=1 --test-reporter=tap tests/webkit/ > build/logs/webkit.log 2>&1 || status=1
  grep -E "^not ok|^# (tests|pass|fail|skip)" build/logs/webkit.log; count_node build/logs/webkit.log
fi

echo "scratchnet: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
