# Read errors: a block that cannot be read returns EIO (after the retries),
# is counted and listed as pending; a write to it remaps it and succeeds.
. "$(dirname "$0")/../lib.sh"
require_module
meta=$1

main=$(nullb_new nb_main 32)
spare=$(nullb_new nb_spare 4)
sectors=$(blockdev --getsz "$main")
dmsetup create safe --table "0 $sectors remap $main $spare 3 format read_retries 3"
dev=/dev/mapper/safe
head -c 1M /dev/urandom > "$OUT/data"
dd if="$OUT/data" of="$dev" bs=4k oflag=direct status=none

read_block() { # <block> <file>
    dd if="$dev" of="$2" bs=4k skip="$1" count=1 iflag=direct status=none
}
write_block() { # <block> <file>
    dd if="$2" of="$dev" bs=4k seek="$1" count=1 oflag=direct conv=notrunc status=none
}

step "unreadable block 100 and unreadable sector 1203 (block 150)"
nullb_bad nb_main 800 807
nullb_bad nb_main 1203 1203
if read_block 100 "$OUT/r" 2> "$OUT/err"; then fail "read of a bad block succeeded"; fi
grep -q "Input/output error" "$OUT/err" || fail "read error is not EIO: $(cat "$OUT/err")"
if read_block 150 "$OUT/r" 2> "$OUT/err"; then fail "read of a block with a bad sector succeeded"; fi
read_block 101 "$OUT/r" || fail "read of a good neighbour failed"
cmp -s "$OUT/r" <(dd if="$OUT/data" bs=4k skip=101 count=1 status=none) || fail "neighbour data wrong"
remap_status safe
expect_eq "$RS_PENDING" 2 "pending count"
expect_eq "$RS_RERR" 2 "read errors"
expect_eq "$RS_USED" 0 "remapped before any write"
expect_eq "$(remap_pending safe | tr '\n' ' ')" "800 1200 " "pending list"
expect_eq "$(dmsetup message safe 0 remap 803)" "pending 800" "remap message on an unreadable block"

step "a write to a pending block remaps it and succeeds"
head -c 4096 /dev/urandom > "$OUT/new"
write_block 100 "$OUT/new" || fail "write to a pending block failed"
read_block 100 "$OUT/r" || fail "read after remap failed"
cmp -s "$OUT/r" "$OUT/new" || fail "remapped block reads wrong data"
remap_status safe
expect_eq "$RS_PENDING" 1 "pending after the write"
expect_eq "$(remap_pending safe)" "1200" "pending list after the write"
expect_eq "$(remap_list safe | cut -d' ' -f1)" "800" "list after the write"
write_block 150 "$OUT/new" || fail "write to the second pending block failed"
remap_status safe
expect_eq "$RS_PENDING" 0 "pending after both writes"
expect_eq "$RS_USED" 2 "remapped after both writes"
expect_eq "$RS_STATE" ok "state"

step "proactive remap of a readable block keeps its data"
answer=$(dmsetup message safe 0 remap 80)
case $answer in "remapped 80 "*) ;; *) fail "remap 80 answered '$answer'" ;; esac
read_block 10 "$OUT/r"
cmp -s "$OUT/r" <(dd if="$OUT/data" bs=4k skip=10 count=1 status=none) || fail "proactively remapped block changed"
expect_eq "$(dmsetup message safe 0 remap 87)" "already ${answer#remapped }" "remap of a remapped block"
check_list_consistent safe
expect_eq "$RS_USED" 3 "remapped in all"

step "a request that spans good, remapped and unreadable blocks"
nullb_bad nb_main 1600 1607
if dd if="$dev" of=/dev/null bs=64k skip=$((1536 * 512 / 65536)) count=1 iflag=direct status=none 2>/dev/null; then
    fail "a read covering an unreadable block succeeded"
fi
dd if="$dev" of="$OUT/r" bs=4k skip=96 count=8 iflag=direct status=none || fail "read across remapped block 100 failed"
{ dd if="$OUT/data" bs=4k skip=96 count=4 status=none; cat "$OUT/new"; dd if="$OUT/data" bs=4k skip=101 count=3 status=none; } > "$OUT/expect"
cmp -s "$OUT/r" "$OUT/expect" || fail "read across a remapped block returned wrong data"

step "a partial write into a block with an unreadable sector: that sector stays unreadable"
read_sectors() { # <first sector> <count> <file>
    dd if="$dev" of="$3" bs=512 skip="$1" count="$2" iflag=direct status=none
}
data_sectors() { # <first sector> <count>: what the test wrote there first
    dd if="$OUT/data" bs=512 skip="$1" count="$2" status=none
}
spare_versions() { # the format version in superblocks A and B
    for copy in 0 1; do
        dd if="$spare" bs=4096 skip=$copy count=1 iflag=direct status=none | od -An -tu4 -j12 -N4 | tr -d ' \n'
        echo -n ' '
    done
}
expect_eq "$(spare_versions)" "1 1 " "format version of a spare without unreadable sectors"
# block 60 = sectors 480..487; sector 485 fails on main
nullb_bad nb_main 485 485
if read_block 60 "$OUT/r" 2> /dev/null; then fail "read of a block with a bad sector succeeded"; fi
head -c 1024 /dev/urandom > "$OUT/part"
dd if="$OUT/part" of="$dev" bs=512 seek=481 count=2 oflag=direct conv=notrunc status=none \
    || fail "partial write into the pending block failed"
if read_sectors 485 1 "$OUT/r" 2> "$OUT/err"; then
    fail "the unreadable sector reads after the remap ($(od -An -tx1 -N8 "$OUT/r"))"
fi
grep -q "Input/output error" "$OUT/err" || fail "unreadable sector error is not EIO: $(cat "$OUT/err")"
if read_block 60 "$OUT/r" 2> /dev/null; then fail "read of the whole block succeeded"; fi
read_sectors 481 2 "$OUT/r" || fail "read of the written sectors failed"
cmp -s "$OUT/r" "$OUT/part" || fail "written sectors read back wrong"
read_sectors 480 1 "$OUT/r" || fail "read of sector 480 failed"
cmp -s "$OUT/r" <(data_sectors 480 1) || fail "sector 480 lost its data"
read_sectors 483 2 "$OUT/r" || fail "read of sectors 483-484 failed"
cmp -s "$OUT/r" <(data_sectors 483 2) || fail "sectors 483-484 lost their data"
read_sectors 486 2 "$OUT/r" || fail "read of sectors 486-487 failed"
cmp -s "$OUT/r" <(data_sectors 486 2) || fail "sectors 486-487 lost their data"
remap_status safe
expect_eq "$RS_UNREADABLE" 9 "unreadable sectors (pending block 200 and sector 485)"
expect_eq "$(remap_list safe | grep -c '^480 ')" 1 "block 60 remapped"
expect_eq "$(remap_pending safe | tr '\n' ' ')" "480 1600 " "pending lists the remapped block"
expect_eq "$(dmsetup message safe 0 pending 400 1)" "480" "pending paged from sector 400"
expect_eq "$(dmsetup message safe 0 pending 481 1)" "1600" "pending paged from sector 481"
expect_eq "$(spare_versions)" "2 2 " "format version once an unreadable sector is recorded"

step "...also after a reload"
dmsetup remove safe
dmsetup create safe --table "0 $sectors remap $main $spare 2 read_retries 3"
if read_sectors 485 1 "$OUT/r" 2> /dev/null; then fail "the unreadable sector reads after a reload"; fi
read_sectors 481 2 "$OUT/r" || fail "read of the written sectors after a reload failed"
cmp -s "$OUT/r" "$OUT/part" || fail "written sectors read back wrong after a reload"
remap_status safe
expect_eq "$RS_UNREADABLE" 1 "unreadable sectors after a reload"
expect_eq "$(remap_pending safe)" "480" "pending after a reload"

step "a write of the unreadable sector makes it readable, persistently"
head -c 512 /dev/urandom > "$OUT/sector"
dd if="$OUT/sector" of="$dev" bs=512 seek=485 count=1 oflag=direct conv=notrunc status=none \
    || fail "write of the unreadable sector failed"
read_sectors 485 1 "$OUT/r" || fail "read of the written sector failed"
cmp -s "$OUT/r" "$OUT/sector" || fail "written sector reads back wrong"
remap_status safe
expect_eq "$RS_UNREADABLE" 0 "unreadable sectors after the write"
expect_eq "$(remap_pending safe)" "" "pending after the write"
expect_eq "$(spare_versions)" "1 1 " "format version once no unreadable sector is left"
dmsetup remove safe
dmsetup create safe --table "0 $sectors remap $main $spare 2 read_retries 3"
read_block 60 "$OUT/r" || fail "read of block 60 after a reload failed"
{ data_sectors 480 1; cat "$OUT/part"; data_sectors 483 2; cat "$OUT/sector"; data_sectors 486 2; } > "$OUT/expect"
cmp -s "$OUT/r" "$OUT/expect" || fail "block 60 reads wrong after a reload"

step "at most 160 remapped blocks hold unreadable sectors: the 161st partial write fails, its block stays pending"
# 160 remaps of blocks 4000..4159 with sector 0 of each unreadable, written
# by dm-remap-meta into the spare (the kernel's own records take a read and
# a write each: minutes under TCG), then loaded by the kernel
dmsetup remove safe
"$meta" fill "$spare" 160 --first 4000 --unreadable-sector 0 > /dev/null || fail "dm-remap-meta fill"
dmsetup create safe --table "0 $sectors remap $main $spare 2 read_retries 3"
remap_status safe
expect_eq "$RS_UNREADABLE" 160 "unreadable sectors loaded"
expect_eq "$(remap_pending safe | wc -l)" 160 "pending lines"
if read_sectors 32000 1 "$OUT/r" 2> /dev/null; then fail "unreadable sector 32000 reads"; fi
read_sectors 33273 7 "$OUT/r" || fail "read of the readable sectors of block 4159 failed"
write_sector() { # <sector>
    dd if="$OUT/part" of="$dev" bs=512 seek="$1" count=1 oflag=direct conv=notrunc status=none
}
nullb_bad nb_main 33280 33280
if read_block 4160 "$OUT/r" 2> /dev/null; then fail "read of block 4160 succeeded"; fi
if write_sector 33281 2> /dev/null; then fail "a 161st partial write over an unreadable sector succeeded"; fi
remap_status safe
expect_eq "$RS_PENDING" 1 "pending blocks after the refused write"
expect_eq "$RS_UNREADABLE" 168 "unreadable sectors: 160 in remapped blocks, 8 of pending block 4160"
expect_eq "$(remap_list safe | grep -c '^33280 ')" 0 "block 4160 not remapped"
expect_eq "$(dmsetup message safe 0 pending 33000 | tail -n 1)" 33280 "block 4160 still pending"
# writing the unreadable sector of block 4000 frees its record
write_sector 32000 || fail "write of sector 32000 failed"
read_sectors 32000 1 "$OUT/r" || fail "read of sector 32000 failed"
cmp -s "$OUT/r" <(head -c 512 "$OUT/part") || fail "sector 32000 reads back wrong"
write_sector 33281 || fail "partial write into block 4160 failed once a record was free"
remap_status safe
expect_eq "$RS_PENDING" 0 "pending blocks at the end"
expect_eq "$RS_UNREADABLE" 160 "unreadable sectors at the end"
if read_sectors 33280 1 "$OUT/r" 2> /dev/null; then fail "the unreadable sector of block 4160 reads"; fi
dmsetup remove safe
dmsetup create safe --table "0 $sectors remap $main $spare 2 read_retries 3"
remap_status safe
expect_eq "$RS_UNREADABLE" 160 "unreadable sectors after a reload"
read_sectors 32000 1 "$OUT/r" || fail "read of sector 32000 after a reload failed"
dmsetup remove safe
echo PASS
