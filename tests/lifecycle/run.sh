#!/bin/bash
# The lifecycle VM test: two boots of one system (vm-lifecycle.sh boot1 and
# boot2), same disks and the same root: vm-run --root-disk keeps the upper
# layer of the writable root (the installed packages, /etc/fstab, the pair
# record) on an ext4 image, as a reboot would.
# Usage: run.sh <vm-run> <module> <build dir> <out dir> <kernel> <source dir>
#   <packages dir> <version>
set -euo pipefail
vm_run=$1 module=$2 build=$3 out=$4 kernel=$5 src=$6 packages=$7 version=$8
here=$(dirname "$(readlink -f "$0")")
mkdir -p "$out"
rm -rf "$out"/*.img "$out"/boot1 "$out"/boot2
truncate -s 64M "$out/main.img"
truncate -s 32M "$out/spare.img"
truncate -s 64M "$out/new.img"
common=(--kernel "$kernel" --build-dir "$build/tests/vm/cache" --share "$build" --systemd --mem 2048
        --root-disk "$out/root.img" --disk "nvme:$out/main.img:LCMAIN1" --disk "nvme:$out/spare.img:LCSPARE1"
        --disk "nvme:$out/new.img:LCNEW1")
for phase in boot1 boot2; do
    mkdir -p "$out/$phase"
    # Boot 1 loads the build's module by hand and installs it for boot 2,
    # whose assembly at boot has the kernel load it.
    extra=(--timeout 1200 --module "$module")
    [ "$phase" = boot1 ] || extra=(--timeout 600)
    if ! "$vm_run" "${common[@]}" "${extra[@]}" --out "$out/$phase" "$here/vm-lifecycle.sh" \
            "$phase" "$packages" "$src" "$version" > "$out/$phase/vm-run.log" 2>&1; then
        tail -n 80 "$out/$phase/vm-run.log"
        echo "lifecycle: $phase failed (logs in $out/$phase)"
        exit 1
    fi
    grep "^== \|passed\|exited" "$out/$phase/vm-run.log"
done
