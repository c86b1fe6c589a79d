# Bounded damage from a failing spare: with spare slots 1..10 unwritable (a
# dm-error segment under the spare's data area), a failing write on main
# burns at most 3 slots, then the state becomes spare_error, the write
# returns its error and no new remap is tried; healthy blocks keep working.
# The failed slots are counted (persistent), and a reload that finds the
# spare working again resumes remapping.
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

step "slot 0 works; slots 1..10 fail"
nullb_bad nb_main 80 87
write_block 10 || fail "first remap failed"
data=$(remap_list safe | cut -d' ' -f2)
dmsetup reload sp --table "0 $((data + 8)) linear $spare_disk 0
$((data + 8)) 80 error
$((data + 88)) $((ssz - data - 88)) linear $spare_disk $((data + 88))"
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
dmsetup reload sp --table "0 $ssz linear $spare_disk 0"
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
dmsetup remove safe
dmsetup remove sp
echo PASS
