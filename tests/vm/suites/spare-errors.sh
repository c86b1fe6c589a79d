# Bounded damage from a failing spare: with spare slots 1..10 unwritable (a
# dm-error segment under the spare's data area), a failing write on main
# burns at most 3 slots, then the state becomes spare_error, the write
# returns its error and no new remap is tried; healthy blocks keep working.
# The failed slots are counted (persistent), and a reload that finds the
# spare working again resumes remapping. Once the fresh slots run out, each
# failed slot is tried again (once per table load): a write that succeeds
# makes it an ordinary remap, committed and kept.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 16)
spare_disk=$(nullb_new nb_spare 4)
msz=$(blockdev --getsz "$main")
ssz=$(blockdev --getsz "$spare_disk")
dmsetup create sp --table "0 $ssz linear $spare_disk 0"
table="0 $msz remap $main /dev/mapper/sp"
dev=/dev/mapper/safe
dmsetup create safe --table "$table 1 format"

write_block() { # <block>
    dd if=/dev/urandom of="$dev" bs=4k seek="$1" count=1 oflag=direct conv=notrunc status=none
}

spare_table() { # [<first failing slot> <slots>]: the spare, failing there
    if [ $# = 0 ]; then
        echo "0 $ssz linear $spare_disk 0"
        return
    fi
    local from=$((data + $1 * 8)) len=$(($2 * 8))
    echo "0 $from linear $spare_disk 0
$from $len error
$((from + len)) $((ssz - from - len)) linear $spare_disk $((from + len))"
}

step "slot 0 works; slots 1..10 fail"
nullb_bad nb_main 80 87
write_block 10 || fail "first remap failed"
data=$(remap_list safe | cut -d' ' -f2)
dmsetup reload sp --table "$(spare_table 1 10)"
dmsetup resume sp

step "a failing write: 3 slots tried, then spare_error and the error"
nullb_bad nb_main 160 167
if write_block 20 2> "$OUT/err"; then fail "write to a bad block succeeded with a failing spare"; fi
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "spare_error 1 3" "state, remapped, failed_slots"
nullb_bad nb_main 240 247
if write_block 30 2> "$OUT/err"; then fail "second failing write succeeded"; fi
remap_status safe
expect_eq "$RS_STATE $RS_FAILED" "spare_error 3" "no more slots tried in spare_error"
write_block 40 || fail "write to a healthy block failed in spare_error"
dd if="$dev" of=/dev/null bs=4k skip=10 count=1 iflag=direct status=none || fail "remapped block unreadable"

step "failed slots persist; a reload with a working spare remaps again"
dmsetup reload sp --table "$(spare_table)"
dmsetup resume sp
dmsetup reload safe --table "$table"
dmsetup resume safe
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "ok 1 3" "after reload"
write_block 20 || fail "remap after the reload failed"
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "ok 2 3" "remapped after reload"
dmsetup remove safe
dmsetup create safe --table "$table"
remap_status safe
expect_eq "$RS_USED $RS_FAILED" "2 3" "after recreate"

step "fresh slots used up: failed slots are tried again"
# Slots 0 and 4 hold blocks 10 and 20, 1..3 failed: fill 5..capacity-1.
fresh=$((RS_CAP - 5))
for s in $(seq 8000 512 $((8000 + fresh * 8 - 1))); do
    nullb_bad nb_main "$s" $((s + 511 < 8000 + fresh * 8 - 1 ? s + 511 : 8000 + fresh * 8 - 1))
done
dd if=/dev/urandom of="$dev" bs=$((fresh * 4096)) seek=$((1000 * 4096)) count=1 \
    oflag=direct,seek_bytes conv=notrunc status=none || fail "writes filling the spare failed"
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "spare_full $((RS_CAP - 3)) 3" "spare filled"
write_block 30 || fail "no failed slot taken again for a failing write"
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "spare_full $((RS_CAP - 2)) 2" "a failed slot reused"
expect_eq "$(remap_list safe | awk '$1 == 240 { print $2 }')" $((data + 8)) "block 30 in slot 1"
dd if="$dev" of=/dev/null bs=4k skip=30 count=1 iflag=direct status=none || fail "block in a reused slot unreadable"

step "a failed slot that fails again waits for the next load"
dmsetup reload sp --table "$(spare_table 2 2)"
dmsetup resume sp
nullb_bad nb_main 400 407
if write_block 50 2> "$OUT/err"; then fail "write succeeded with every slot failing"; fi
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "spare_full $((RS_CAP - 2)) 2" "failed slots failing again"
dmsetup reload sp --table "$(spare_table)"
dmsetup resume sp
if write_block 50 2> "$OUT/err"; then fail "a failed slot was tried twice in one load"; fi
dmsetup reload safe --table "$table"
dmsetup resume safe
write_block 50 || fail "failed slot not tried again after a reload"
write_block 20 || fail "write to a remapped block"
dmsetup remove safe
dmsetup create safe --table "$table"
remap_status safe
expect_eq "$RS_STATE $RS_USED $RS_FAILED" "spare_full $((RS_CAP - 1)) 1" "after recreate"
expect_eq "$(remap_list safe | awk '$1 == 240 || $1 == 400 { print $2 }' | tr '\n' ' ')" "$((data + 8)) $((data + 16)) " "reused slots"
dmsetup remove safe
dmsetup remove sp
echo PASS
