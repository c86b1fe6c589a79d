#!/bin/bash
# Installs what the project needs, builds everything and runs every test
# (unit, service and VM). This is what .ci/run calls.
set -euo pipefail
src=$(dirname "$(dirname "$(readlink -f "$0")")")
build=${BUILD_DIR:-$src/build}

"$src/scripts/install-deps.sh"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build"
cd "$build"
ctest --output-on-failure --timeout 1800 "$@"
