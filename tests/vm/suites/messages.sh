# Messages never lie: answers larger than the buffer come back whole (the
# target sets DM_BUFFER_FULL and libdevmapper asks again with a larger one),
# `list` and `pending` page by sector and stay stable under remaps made
# between two pages, and `remap` on a read-only table is EROFS.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 128)
spare=$(nullb_new nb_spare 40)
sectors=$(blockdev --getsz "$main")
table="0 $sectors remap $main $spare 2 read_retries 0"
dmsetup create safe --table "0 $sectors remap $main $spare 3 format read_retries 0"

step "list pages by sector; a remap between two pages repeats nothing"
for i in $(seq 0 9); do
    dmsetup message safe 0 remap $((200000 + i * 16)) > /dev/null
done
dmsetup message safe 0 list 0 5 > "$OUT/page1"
expect_eq "$(cut -d' ' -f1 "$OUT/page1" | tr '\n' ' ')" "200000 200016 200032 200048 200064 " "first page"
last=$(tail -n 1 "$OUT/page1" | cut -d' ' -f1)
dmsetup message safe 0 remap 200008 > /dev/null
dmsetup message safe 0 list $((last + 1)) 5 > "$OUT/page2"
expect_eq "$(cut -d' ' -f1 "$OUT/page2" | tr '\n' ' ')" "200080 200096 200112 200128 200144 " "second page after a remap below it"
expect_eq "$(dmsetup message safe 0 list 200144 | wc -l)" 1 "list from the last sector"
expect_eq "$(dmsetup message safe 0 list 200145)" "" "list past the last remap"
expect_eq "$(dmsetup message safe 0 list 200001 1 | cut -d' ' -f1)" 200008 "list from an unaligned sector starts at the next block"
check_list_consistent safe
expect_eq "$RS_USED" 11 "remaps"

step "8,192 pending blocks: every one answered"
# Blocks 8192..16383, in runs of 512 sectors (one null_blk bad-block entry each).
for first in $(seq 65536 512 131071); do
    nullb_bad nb_main "$first" $((first + 511))
done
dd if=/dev/mapper/safe of=/dev/null bs=1M skip=32 count=32 iflag=direct conv=noerror status=none 2> /dev/null || true
remap_status safe
expect_eq "$RS_PENDING" 8192 "pending in status"
remap_pending safe > "$OUT/pending"
expect_eq "$(wc -l < "$OUT/pending")" 8192 "lines of pending"
expect_eq "$(sort -n -c "$OUT/pending" && uniq -d "$OUT/pending")" "" "pending sorted without duplicates"
expect_eq "$(tail -n 1 "$OUT/pending")" 131064 "last pending block"
expect_eq "$(dmsetup message safe 0 pending 98303 3 | tr '\n' ' ')" "98304 98312 98320 " "pending 98303 3"
expect_eq "$(dmsetup message safe 0 pending 131064 | wc -l)" 1 "pending from the last block"
expect_eq "$(dmsetup message safe 0 pending 131065)" "" "pending past the last block"

step "8,192 more remaps by writes: list answers all of them at once"
dd if=/dev/zero of=/dev/mapper/safe bs=1M seek=32 count=32 oflag=direct status=none
remap_status safe
expect_eq "$RS_PENDING" 0 "pending after the writes"
expect_eq "$RS_USED" $((8192 + 11)) "remaps after the writes"
dmsetup message safe 0 list 0 65536 > "$OUT/all"
expect_eq "$(wc -l < "$OUT/all")" $((8192 + 11)) "lines of one list"
check_list_consistent safe
cmp -s "$OUT/all" "$OUT/list.safe" || fail "one list differs from the paged list"

step "bad pages are refused"
for msg in "list" "list 0 0" "list 0 65537" "pending 0 0" "list 1x" "pending 0 1 2"; do
    # shellcheck disable=SC2086
    expect_fail "message '$msg'" dmsetup message safe 0 $msg
    grep -q "Invalid argument" "$OUT/last-error" || fail "$msg: not EINVAL"
done

step "remap on a read-only table: EROFS, the spare untouched"
dmsetup remove safe
spare_sum=$(sha256sum < "$spare")
dmsetup create ro --readonly --table "$table"
expect_fail "remap on a read-only table" dmsetup message ro 0 remap 100000
grep -q "Read-only file system" "$OUT/last-error" || fail "remap on a read-only table: not EROFS"
remap_status ro
expect_eq "$RS_USED" $((8192 + 11)) "remaps of the read-only table"
dmsetup remove ro
expect_eq "$(sha256sum < "$spare")" "$spare_sum" "spare after a read-only table"
nullb_del nb_main
nullb_del nb_spare
echo PASS
