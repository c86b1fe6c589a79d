# A table of 1,000,000 remaps (written by dm-remap-meta) loads, answers
# `list` correctly at any offset and routes I/O to the right slots; kernel
# memory per remap (Slab delta, run with --no-debug) must be at most 48 bytes.
# Argument: the dm-remap-meta program.
. "$(dirname "$0")/../lib.sh"
require_module
meta=$1
count=1000000

modprobe dm-zero
modprobe loop
# Main: 8 GiB that reads as zeros; spare: a sparse 4.1 GiB file on tmpfs.
msz=$((16 * 1024 * 1024))
dmsetup create zmain --table "0 $msz zero"
truncate -s 4200M /tmp/spare.img
step "format and fill $count remaps (main block 2i+1 -> slot i)"
"$meta" format /tmp/spare.img --main-sectors $msz
"$meta" fill /tmp/spare.img $count --first 1 --stride 2
spare=$(losetup -f --show /tmp/spare.img)

mem() { awk -v k="$1" '$1 == k ":" { print $2 }' /proc/meminfo; }
settle() { sync; echo 3 > /proc/sys/vm/drop_caches; sleep 1; }
settle
slab0=$(mem Slab) free0=$(mem MemFree)
start=$(date +%s%N)
dmsetup create big --table "0 $msz remap /dev/mapper/zmain $spare"
load_ms=$(( ($(date +%s%N) - start) / 1000000 ))
settle
slab1=$(mem Slab) free1=$(mem MemFree)
per_remap=$(( (slab1 - slab0) * 1024 / count ))
step "loaded in ${load_ms} ms; Slab +$((slab1 - slab0)) KiB = $per_remap bytes per remap (MemFree -$((free0 - free1)) KiB)"
grep -q 'slub_debug' /proc/cmdline \
    && echo "   (slub_debug is on: the memory figure is not meaningful, not checked)" \
    || [ "$per_remap" -le 48 ] || fail "$per_remap bytes of Slab per remap, more than 48"

remap_status big
expect_eq "$RS_USED" $count "remapped count"
cap=$RS_CAP
[ "$cap" -ge $count ] || fail "capacity $cap below $count"
step "list from several sectors"
# Remap i is at main sector (2i + 1) * 8: start in the free block before it.
for offset in 0 1 503 504 505 123457 500000 999000 999990; do
    dmsetup message big 0 list $(( 2 * offset * 8 + 1 )) 10 > "$OUT/page"
    want=$(( count - offset < 10 ? count - offset : 10 ))
    expect_eq "$(wc -l < "$OUT/page")" $want "lines of list $offset 10"
    read -r main_sector _ < "$OUT/page"
    expect_eq "$main_sector" $(( (2 * offset + 1) * 8 )) "first main sector of list $offset"
    awk -v o=$offset 'NR > 1 && ($1 != prev_main + 16 || $2 != prev_spare + 8) { exit 1 }
                      { prev_main = $1; prev_spare = $2 }' "$OUT/page" || fail "list $offset 10 not consecutive"
done
expect_eq "$(dmsetup message big 0 list $(( 2 * count * 8 )) 10 | wc -l)" 0 "lines past the end"
first_slot=$(dmsetup message big 0 list 0 1 | cut -d' ' -f2)
expect_eq "$(dmsetup message big 0 list $(( (2 * 999999 + 1) * 8 )) 1)" "$(( (2 * 999999 + 1) * 8 )) $(( first_slot + 999999 * 8 ))" "last remap"

step "I/O goes to the slots"
head -c 4096 /dev/urandom > "$OUT/blk"
dd if="$OUT/blk" of=/dev/mapper/big bs=4k seek=$(( 2 * 777777 + 1 )) count=1 oflag=direct conv=notrunc status=none
dd if="$spare" of="$OUT/slot" bs=512 skip=$(( first_slot + 777777 * 8 )) count=8 iflag=direct status=none
cmp -s "$OUT/blk" "$OUT/slot" || fail "write to remapped block 1555555 did not land in slot 777777"
dd if=/dev/mapper/big of="$OUT/r" bs=4k skip=$(( 2 * 777777 + 1 )) count=1 iflag=direct status=none
cmp -s "$OUT/blk" "$OUT/r" || fail "read of remapped block 1555555"
dd if=/dev/mapper/big of="$OUT/r" bs=4k skip=$(( 2 * 777777 )) count=1 iflag=direct status=none
cmp -s "$OUT/r" <(head -c 4096 /dev/zero) || fail "read of a block that is not remapped"
dmsetup remove big
settle
step "after remove: Slab $(( $(mem Slab) - slab0 )) KiB above the start"
losetup -d "$spare"
dmsetup remove zmain
echo PASS
