#!/bin/bash
# The helper's VM test: two boots of the same VM (same disk images), see
# pair.sh and assemble.sh. Usage: run.sh <vm-run> <module> <build dir> <out dir>
#   <kernel> <source dir>
set -euo pipefail
vm_run=$1 module=$2 build=$3 out=$4 kernel=$5 src=$6
here=$(dirname "$(readlink -f "$0")")
mkdir -p "$out"
rm -rf "$out"/*.img "$out"/*.log "$out"/*/state "$out/remaps-before.json"
truncate -s 64M "$out/ide.img"
truncate -s 32M "$out/spare.img" "$out/forged.img"
truncate -s 8M "$out/old.img" "$out/new.img"
# forged.img is a USB stick: the first boot writes metadata on it that names
# pair "safe" and its main disk, the second boot must not believe it.
common=(--kernel "$kernel" --module "$module" --build-dir "$build/tests/vm/cache" --share "$build" --share "$src"
        --disk "ide:$out/ide.img:MAIN0001:TestHDD" --disk "nvme:$out/spare.img:SPARE0001"
        --disk "virtio:$out/old.img:OLD0001" --disk "virtio:$out/new.img:NEW0001" --disk "usb:$out/forged.img:FORGED01"
        --timeout 900)
for phase in pair assemble; do
    mkdir -p "$out/$phase"
    # The helper's state directory (the pair record) and history survive the reboot.
    [ "$phase" = pair ] || cp -a "$out/pair/remaps-before.json" "$out/pair/state" "$out/pair/history.db" \
        "$out/pair/scan-position" "$out/$phase/"
    if ! "$vm_run" "${common[@]}" --out "$out/$phase" "$here/$phase.sh" "$src" "$build"; then
        echo "--- $phase: guest log"
        tail -n 60 "$out/$phase/guest.log"
        exit 1
    fi
    grep "^== \|passed" "$out/$phase/guest.log"
done
