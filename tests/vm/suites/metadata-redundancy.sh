# Metadata that survives its own disk: on a live pair with 640 remaps (two
# table blocks), each metadata block in use (superblocks A and B, both
# copies of both table blocks) is in turn overwritten with garbage and the
# table reloaded: every remap and all data are still there, the copy is
# rewritten from the good one and counted in metadata_repaired, and new
# remaps go on. Then each block in turn made unreadable and unwritable
# (a dm-error segment under the spare): the pair still loads with every
# remap. A read-only table never writes the spare: no format, no repair,
# no remap.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 64)
spare_disk=$(nullb_new nb_spare 8)
msz=$(blockdev --getsz "$main")
ssz=$(blockdev --getsz "$spare_disk")
dmsetup create sp --table "0 $ssz linear $spare_disk 0"
spare=/dev/mapper/sp
table="0 $msz remap $main $spare"
dev=/dev/mapper/safe

step "a read-only table neither formats nor writes the spare"
expect_fail "read-only format" dmsetup create ro --readonly --table "$table 1 format"
grep -q "Read-only file system" "$OUT/last-error" || fail "read-only format: not EROFS: $(cat "$OUT/last-error")"
cmp -s <(head -c 8192 "$spare") <(head -c 8192 /dev/zero) || fail "a refused read-only format wrote the spare"

dmsetup create safe --table "$table 1 format"
remap_status safe
expect_eq "$(dmsetup status safe | wc -w)" 13 "status fields"
expect_eq "$RS_REPAIRED $RS_FAILED $RS_UNREADABLE $RS_WEAK" "0 0 0 0" "new fields after format"
cmp -s <(dd if="$spare" bs=4k count=1 status=none) <(dd if="$spare" bs=4k skip=1 count=1 status=none) \
    || fail "format left the two superblock copies different"

step "640 remaps over two table blocks"
dd if=/dev/urandom of="$OUT/data" bs=1M count=8 status=none
dd if="$OUT/data" of="$dev" bs=1M oflag=direct status=none
# Blocks 1024..1663, in runs of 64 (null_blk takes at most 512 sectors a run).
for run in $(seq 1024 64 1600); do
    nullb_bad nb_main $((run * 8)) $(((run + 64) * 8 - 1))
done
dd if="$OUT/data" of="$dev" bs=64k skip=64 seek=64 count=40 oflag=direct conv=notrunc status=none \
    || fail "writes over bad blocks failed"
remap_status safe
expect_eq "$RS_USED" 640 "remaps"
remap_list safe > "$OUT/list.good"
sum_good=$(dd if="$dev" bs=1M count=8 iflag=direct status=none | md5sum)
blocks=6 # superblocks A, B; table block 0 copies 0, 1; table block 1 copies 0, 1

check_pair() { # <what>
    remap_list safe > "$OUT/list.now"
    cmp -s "$OUT/list.now" "$OUT/list.good" \
        || fail "$1: remaps lost or changed ($(wc -l < "$OUT/list.now") of $(wc -l < "$OUT/list.good"))"
    expect_eq "$(dd if="$dev" bs=1M count=8 iflag=direct status=none | md5sum)" "$sum_good" "$1: data"
}

repairs_logged() { dmesg | grep -c "rewrote the stale or damaged .* from" || true; }

step "each metadata block overwritten on the live pair, then a reload"
next=2000
logged=$(repairs_logged)
for b in $(seq 0 $((blocks - 1))); do
    dd if=/dev/urandom of="$spare_disk" bs=4k seek="$b" count=1 oflag=direct conv=notrunc status=none
    dmsetup reload safe --table "$table"
    dmsetup resume safe
    check_pair "block $b overwritten"
    remap_status safe
    expect_eq "$RS_REPAIRED" 1 "block $b overwritten: metadata_repaired"
    expect_eq "$(repairs_logged)" $((logged + 1)) "block $b: repairs logged"
    logged=$((logged + 1))
    # Both copies current again: the next remap still works.
    nullb_bad nb_main $((next * 8)) $((next * 8 + 7))
    dd if=/dev/urandom of="$dev" bs=4k seek=$next count=1 oflag=direct conv=notrunc status=none \
        || fail "remap after repairing block $b failed"
    remap_list safe > "$OUT/list.good"
    sum_good=$(dd if="$dev" bs=1M count=8 iflag=direct status=none | md5sum)
    next=$((next + 1))
done
expect_eq "$(wc -l < "$OUT/list.good")" 646 "remaps after the overwrites"
# A reload of intact metadata repairs nothing.
dmsetup reload safe --table "$table"
dmsetup resume safe
remap_status safe
expect_eq "$RS_REPAIRED" 0 "metadata_repaired with intact metadata"

step "each metadata block unreadable and unwritable (dm-error) at load"
dmsetup remove safe
for b in $(seq 0 $((blocks - 1))); do
    s=$((b * 8))
    {
        [ $s -eq 0 ] || echo "0 $s linear $spare_disk 0"
        echo "$s 8 error"
        echo "$((s + 8)) $((ssz - s - 8)) linear $spare_disk $((s + 8))"
    } > "$OUT/sp.table"
    dmsetup reload sp "$OUT/sp.table"
    dmsetup resume sp
    dmsetup create safe --table "$table" || fail "block $b unreadable: pair refused"
    check_pair "block $b unreadable"
    dmsetup remove safe
    dmsetup reload sp --table "0 $ssz linear $spare_disk 0"
    dmsetup resume sp
done

step "a read-only table on a damaged spare loads, repairs nothing, remaps nothing"
dd if=/dev/urandom of="$spare_disk" bs=4k seek=3 count=1 oflag=direct conv=notrunc status=none
before=$(dd if="$spare_disk" bs=4k count=$blocks status=none | md5sum)
dmsetup create ro --readonly --table "$table"
remap_status ro
expect_eq "$RS_USED $RS_REPAIRED" "646 0" "read-only: remaps, repaired"
expect_fail "remap on a read-only table" dmsetup message ro 0 remap 80000
expect_eq "$(dd if="$spare_disk" bs=4k count=$blocks status=none | md5sum)" "$before" "spare metadata after read-only use"
dmsetup remove ro
dmsetup create safe --table "$table"
remap_status safe
expect_eq "$RS_REPAIRED" 1 "read-write after read-only: repaired"
check_pair "after the read-only table"
dmsetup remove safe
dmsetup remove sp
echo PASS
