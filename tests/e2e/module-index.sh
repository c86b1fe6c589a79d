#!/bin/bash
# Runs on the host: the module indexes (modules.dep, modules.alias ... and
# their .bin forms) that `depmod -a` writes once dm-remap.ko sits in
# /lib/modules/<kernel>/updates/, computed over a tree of symlinks to the
# same module files. depmod inside the VM reads every module over the 9p root
# and takes about three minutes under TCG; here it takes seconds.
# Usage: module-index.sh <kernel> <dm-remap.ko> <out dir>
set -euo pipefail
kernel=$1 module=$2 out=$3
src=/lib/modules/$kernel
root=$out/root
tree=$root/lib/modules/$kernel
rm -rf "$root"
mkdir -p "$tree/updates"
cp -rs "$src/kernel" "$tree/"
cp "$src"/modules.order "$src"/modules.builtin "$src"/modules.builtin.modinfo "$tree/"
cp "$module" "$tree/updates/dm-remap.ko"
depmod -b "$root" "$kernel"
grep -q '^updates/dm-remap.ko:' "$tree/modules.dep" || { echo "module-index: dm-remap.ko not indexed" >&2; exit 1; }
cp "$tree"/modules.* "$out/"
rm -rf "$root"
