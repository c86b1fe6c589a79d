#!/bin/bash
# Regenerates docs/screenshots/*.png: builds the screenshot tool of tests/app
# and runs it under Xvfb (real X11 rendering, DejaVu fonts) against the
# helper test double on a private bus.
set -euo pipefail
src=$(dirname "$(dirname "$(readlink -f "$0")")")
build=${BUILD_DIR:-$src/build}

cmake -S "$src" -B "$build" -G Ninja
cmake --build "$build" --target dmremap-app-screenshots
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb
export XDG_RUNTIME_DIR=$(mktemp -d)
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24" \
    "$build/tests/app/dmremap-app-screenshots" "$src/docs/screenshots"
