#!/bin/bash
# The end-to-end test: two boots of one VM with the same spare disk image
# (boot1.sh, boot2.sh). What must survive the power cycle besides the spare
# (the main disk's content, the data checksum, the app's settings) is carried
# in <out dir>/boot1/carry to boot 2.
# Usage: run.sh <vm-run> <kernel> <dm-remap.ko> <staging dir> <build dir> <out dir> <source dir>
set -euo pipefail
vm_run=$1 kernel=$2 module=$3 staging=$4 build=$5 out=$6 src=$7
here=$(dirname "$(readlink -f "$0")")
[ -x "$staging/usr/bin/dm-remapctl" ] || { echo "no installed tree in $staging (run the e2e.install test first)" >&2; exit 1; }
[ -f "$module" ] || { echo "no module $module" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/boot1" "$out/boot2"
truncate -s 64M "$out/spare.img"
"$here/module-index.sh" "$kernel" "$module" "$out/module-index"
common=(--kernel "$kernel" --writable-root --build-dir "$build/tests/vm/cache" --share "$build" --share "$src"
        --disk "nvme:$out/spare.img:SPARE0001" --timeout 600)
total=$(date +%s)
for boot in boot1 boot2; do
    start=$(date +%s)
    [ "$boot" = boot1 ] || mv "$out/boot1/carry" "$out/boot2/carry"
    if ! "$vm_run" "${common[@]}" --out "$out/$boot" "$here/$boot.sh" "$src" "$build" "$staging" "$module" "$out/module-index" \
            > "$out/$boot.log" 2>&1; then
        echo "--- $boot failed:"
        tail -n 80 "$out/$boot.log"
        exit 1
    fi
    grep "^== \|passed\|notification:" "$out/$boot/guest.log" || true
    echo "$boot: $(( $(date +%s) - start )) s"
done
echo "e2e: both boots passed in $(( $(date +%s) - total )) s"
