# Spare exhaustion: with a tiny spare, spare_low at 90% of the slots, then
# spare_full; further failing writes fail, everything else keeps working and
# the device can be removed.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 16)
backing=$(nullb_new nb_spare 4)
sectors=$(blockdev --getsz "$main")
# 4 metadata blocks and 20 slots of 4 KiB.
dmsetup create tinyspare --table "0 192 linear $backing 0"
dmsetup create safe --table "0 $sectors remap $main /dev/mapper/tinyspare 1 format"
dev=/dev/mapper/safe
remap_status safe
cap=$RS_CAP
[ "$cap" -ge 5 ] && [ "$cap" -le 40 ] || fail "capacity $cap of a 96 KiB spare"
low=$(( (cap * 9 + 9) / 10 ))
step "capacity $cap, spare_low expected from $low used"
head -c 4096 /dev/urandom > "$OUT/blk"
for i in $(seq 1 $((cap + 5))); do
    block=$((i * 13))
    nullb_bad nb_main $((block * 8)) $((block * 8 + 7))
    if dd if="$OUT/blk" of="$dev" bs=4k seek=$block count=1 oflag=direct conv=notrunc status=none 2>/dev/null; then
        [ "$i" -le "$cap" ] || fail "write $i succeeded with a full spare"
    else
        [ "$i" -gt "$cap" ] || fail "write $i to a bad block failed with free slots"
    fi
    remap_status safe
    if [ "$i" -lt "$low" ]; then want=ok
    elif [ "$i" -lt "$cap" ]; then want=spare_low
    else want=spare_full
    fi
    expect_eq "$RS_STATE" $want "state after $i bad blocks written"
done
expect_eq "$RS_USED" "$cap" "remapped with a full spare"
expect_eq "$RS_WERR" $((cap + 5)) "write errors"
check_list_consistent safe

step "still readable and writable where the disk is good"
dd if="$dev" of="$OUT/r" bs=4k skip=13 count=1 iflag=direct status=none || fail "reading a remapped block"
cmp -s "$OUT/r" "$OUT/blk" || fail "remapped block data wrong"
dd if="$OUT/blk" of="$dev" bs=4k seek=1 count=1 oflag=direct conv=notrunc status=none || fail "writing a good block"
dd if="$dev" of=/dev/null bs=1M skip=2 count=4 iflag=direct status=none || fail "reading the good part of the device"
expect_fail "remap message with a full spare" dmsetup message safe 0 remap 16
grep -qi "space" "$OUT/last-error" || fail "remap with a full spare did not fail with ENOSPC"
dmsetup remove safe

step "recreated: still full, same remaps"
cp "$OUT/list.safe" "$OUT/list.before"
dmsetup create safe --table "0 $sectors remap $main /dev/mapper/tinyspare"
check_list_consistent safe
cmp -s "$OUT/list.safe" "$OUT/list.before" || fail "remaps changed after recreate"
expect_eq "$RS_STATE" spare_full "state after recreate"
dmsetup remove safe
dmsetup remove tinyspare
echo PASS
