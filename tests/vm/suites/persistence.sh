# Persistence: remove and recreate (also after a module reload): the data and
# the remaps (`list`) come back identical, and the identity recorded at format
# time is enforced.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 64)
spare=$(nullb_new nb_spare 8)
other_main=$(nullb_new nb_other 32)
sectors=$(blockdev --getsz "$main")
for spot in $(seq 0 39); do
    first=$(( (spot * 397 + 11) * 8 ))
    nullb_bad nb_main "$first" $((first + 7))
done

step "format with identity, fill with random data"
dmsetup create safe --table "0 $sectors remap $main $spare 9 format main_id WD-WX1234.5:6 label pair_1 read_retries 1 block_size 8"
dev=/dev/mapper/safe
dd if=/dev/urandom of="$dev" bs=1M count=$((sectors / 2048)) oflag=direct status=none || fail "writing the device"
answer=$(dmsetup message safe 0 remap 12345)
case $answer in "remapped 12344 "*) ;; *) fail "proactive remap answered '$answer'" ;; esac
answer2=$(dmsetup message safe 0 remap 12351)
expect_eq "$answer2" "already ${answer#remapped }" "second remap of the same block"
check_list_consistent safe
expect_eq "$RS_USED" 41 "remaps after writing (40 bad blocks and one proactive)"
cp "$OUT/list.safe" "$OUT/list.before"
sum=$(sha256sum < "$dev")
table=$(dmsetup table safe)
case $table in
    *"main_id WD-WX1234.5:6"*"label pair_1"*) ;;
    *) fail "table line does not show the identity: $table" ;;
esac
echo "   table: $table"

check_same() { # <what>
    check_list_consistent safe
    cmp -s "$OUT/list.safe" "$OUT/list.before" || fail "$1: remaps differ"
    expect_eq "$(sha256sum < "$dev")" "$sum" "$1: data checksum"
}

step "recreate without format"
dmsetup remove safe
dmsetup create safe --table "0 $sectors remap $main $spare"
check_same "recreated"
step "recreate with format: metadata is loaded, not overwritten"
dmsetup remove safe
dmsetup create safe --table "0 $sectors remap $main $spare 1 format"
check_same "recreated with format"
dmsetup remove safe

step "reload the module, recreate"
rmmod dm_remap
insmod "$VM_MODULE"
dmsetup create safe --table "0 $sectors remap $main $spare 4 main_id WD-WX1234.5:6 label pair_1"
check_same "after module reload"
dmsetup remove safe

step "mismatches refused"
expect_fail "other label" dmsetup create bad --table "0 $sectors remap $main $spare 2 label pair_2"
expect_fail "other main_id" dmsetup create bad --table "0 $sectors remap $main $spare 2 main_id OTHER"
expect_fail "other block size" dmsetup create bad --table "0 $sectors remap $main $spare 2 block_size 16"
expect_fail "main of another size" dmsetup create bad --table "0 $(blockdev --getsz "$other_main") remap $other_main $spare"
dmsetup info bad > /dev/null 2>&1 && fail "a refused device exists"
dmsetup create safe --table "0 $sectors remap $main $spare"
check_same "after the refused attempts"
dmsetup remove safe
echo PASS
