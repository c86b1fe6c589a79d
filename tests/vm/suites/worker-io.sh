# The worker's own I/O keeps what the caller asked for and what the disks
# answered. Main is a thin volume whose pool (error_if_no_space) is full: a
# write that reaches the worker and meets no space fails with ENOSPC, and
# nothing is remapped or made pending for it (only media errors are). A FUA
# write to a bad block of a main disk without a write cache (the block
# layer drops FUA from the clone sent there) is written to its spare slot
# with FUA (dm-log-writes under the spare shows it). A block whose read
# fails and then succeeds on the worker's retry is moved to the spare
# (weak_moved); the worker is held by a `remap` writing to a suspended spare
# while the bad sectors heal, so the retry finds them readable. While a bad
# block is read with retries, writes to other regions of main go on. A read
# of main that fails with an error that is not a media error (main on a
# loop device over a FUSE file whose reads fail with a chosen errno,
# tests/vm/errfs.py) reaches the caller unchanged and makes nothing pending
# or counted: on the fast path (ENOLINK, BLK_STS_TRANSPORT), on the worker's
# retry after a media error (EIO, then ENODEV, BLK_STS_OFFLINE), and in a
# `remap` message (ENOSPC, BLK_STS_NOSPC); an EIO read does make its block
# pending (the control). The `remap` reads main once: an error that is not
# bad media ends the worker's reads of a block at once.
# Argument: the log-replay program (tests/vm/log-replay.c).
. "$(dirname "$0")/../lib.sh"
require_module
replayer=$1
modprobe dm-thin-pool

step "main: a thin volume on a full pool of 16 blocks of 64 KiB"
tmeta=$(nullb_new nb_tmeta 8)
tdata=$(nullb_new nb_tdata 1)
dmsetup create pool --table "0 $(blockdev --getsz "$tdata") thin-pool $tmeta $tdata 128 0 1 error_if_no_space"
dmsetup message pool 0 "create_thin 0"
dmsetup create thin --table "0 32768 thin /dev/mapper/pool 0"
spare=$(nullb_new nb_spare 4)
dev=/dev/mapper/safe
dmsetup create safe --table "0 32768 remap /dev/mapper/thin $spare 1 format"
dd if=/dev/urandom of="$dev" bs=64k count=16 oflag=direct status=none || fail "cannot fill the pool"

step "fast path: a write to an unprovisioned block fails with ENOSPC"
if dd if=/dev/zero of="$dev" bs=4k seek=512 count=1 oflag=direct conv=notrunc status=none 2> "$OUT/err"; then
    fail "a write beyond the full pool succeeded"
fi
grep -q "No space left on device" "$OUT/err" || fail "not ENOSPC: $(cat "$OUT/err")"
remap_status safe
expect_eq "$RS_USED $RS_PENDING $RS_WERR" "0 0 0" "remapped, pending, write errors after ENOSPC"

step "a write held for a pending block meets ENOSPC in the worker"
# Every data block of the pool unreadable: block 255 (the last 4 KiB of
# thin block 15) fails to read and becomes pending. (null_blk's badblocks
# list keeps order only for ranges of at most 512 sectors.)
for s in 0 512 1024 1536; do nullb_bad nb_tdata $s $((s + 511)); done
if dd if="$dev" of=/dev/null bs=4k skip=255 count=1 iflag=direct status=none 2> /dev/null; then
    fail "read of a block on a bad data sector succeeded"
fi
remap_status safe
expect_eq "$RS_PENDING" 1 "pending after the failed read"
# One 8 KiB write over blocks 255 (pending) and 256 (thin block 16,
# unprovisioned): map() holds all of it for the worker, which remaps 255
# and meets ENOSPC on 256.
if dd if=/dev/urandom of="$dev" bs=8k seek=$((255 * 4096)) count=1 oflag=direct,seek_bytes conv=notrunc status=none 2> "$OUT/err"; then
    fail "a held write over an unprovisioned block of a full pool succeeded"
fi
grep -q "No space left on device" "$OUT/err" || fail "held write: not ENOSPC: $(cat "$OUT/err")"
remap_status safe
expect_eq "$RS_USED $RS_PENDING $RS_WERR" "1 0 0" "remapped, pending, write errors after the held write"
expect_eq "$(remap_list safe | cut -d' ' -f1)" 2040 "the remapped block"
for s in 0 512 1024 1536; do nullb_heal nb_tdata $s $((s + 511)); done
dmsetup remove safe
dmsetup remove thin
dmsetup remove pool

step "a FUA write remapped by the worker reaches its spare slot with FUA"
main=$(nullb_new nb_main 16)
spare=$(nullb_new nb_cached 4 512 4)
logdev=$(nullb_new nb_log 16)
dmsetup create logw --table "0 $(blockdev --getsz "$spare") log-writes $spare $logdev"
dmsetup create safe --table "0 $(blockdev --getsz "$main") remap $main /dev/mapper/logw 1 format"
[ "$(cat /sys/block/nb_main/queue/write_cache)" = "write through" ] || fail "main has a write cache"
[ "$(cat /sys/block/"$(dmsetup info -c --noheadings -o blkdevname safe)"/queue/fua)" = 1 ] || fail "the remap device does not take FUA"
nullb_bad nb_main 80 87
dd if=/dev/urandom of="$dev" bs=4k seek=10 count=1 oflag=direct,dsync conv=notrunc status=none \
    || fail "FUA write to a bad block"
slot=$(remap_list safe | awk '$1 == 80 { print $2 }')
[ -n "$slot" ] || fail "block 10 not remapped"
dmsetup remove safe
dmsetup remove logw
"$replayer" list "$logdev" > "$OUT/log-entries"
grep -q "^[0-9]* $slot 8 " "$OUT/log-entries" || fail "no write of slot sector $slot in the log"
awk -v s="$slot" '$2 == s && $3 == 8 && $4 !~ /U/ { bad = 1 } END { exit bad }' "$OUT/log-entries" \
    || fail "the slot write lost FUA: $(grep "^[0-9]* $slot 8 " "$OUT/log-entries" | tr '\n' ' ')"

step "a block read only on a retry is moved to the spare"
main=$(nullb_new nb_wmain 16)
spare=$(nullb_new nb_wspare 4)
dmsetup create wsp --table "0 $(blockdev --getsz "$spare") linear $spare 0"
dmsetup create safe --table "0 $(blockdev --getsz "$main") remap $main /dev/mapper/wsp 1 format"
dd if=/dev/urandom of="$dev" bs=4k count=32 oflag=direct status=none
dd if="$dev" of="$OUT/weak-before" bs=4k skip=10 count=1 iflag=direct status=none
wait_main_read() { # <reads completed before>: until main completes one more
    local i
    for i in $(seq 300); do
        [ "$(awk '{ print $1 }' /sys/block/nb_wmain/stat)" -gt "$1" ] && return 0
        sleep 0.1
    done
    fail "no read completed on main"
}
dmsetup suspend wsp
n=$(awk '{ print $1 }' /sys/block/nb_wmain/stat)
dmsetup message safe 0 remap 160 > "$OUT/remap-answer" &
held=$!
wait_main_read "$n"     # the worker read block 20; its slot write now waits
nullb_bad nb_wmain 80 87
n=$(awk '{ print $1 }' /sys/block/nb_wmain/stat)
dd if="$dev" of="$OUT/weak-read" bs=4k skip=10 count=1 iflag=direct status=none &
reader=$!
wait_main_read "$n"     # the read of block 10 failed and waits for the worker
nullb_heal nb_wmain 80 87
dmsetup resume wsp
wait $held || fail "remap 160"
wait $reader || fail "the read of a block readable on a retry failed"
cmp -s "$OUT/weak-before" "$OUT/weak-read" || fail "data of the read that succeeded on a retry"
remap_status safe
expect_eq "$RS_USED $RS_WEAK $RS_PENDING" "2 1 0" "remapped, weak_moved, pending"
# Not through a pipe: grep -q leaving early must not fail remap_list (pipefail).
moved=$(remap_list safe)
grep -q "^80 " <<< "$moved" || fail "the weak block was not moved: $moved"
nullb_bad nb_wmain 80 87
dd if="$dev" of="$OUT/weak-after" bs=4k skip=10 count=1 iflag=direct status=none || fail "moved block unreadable"
cmp -s "$OUT/weak-before" "$OUT/weak-after" || fail "data of the moved block"
dmsetup remove safe
dmsetup remove wsp

step "a bad block read with retries holds back writes to its own region only"
# dm-delay makes each read of main take 2 s (writes are not delayed): the
# remap of a bad block reads it three times, with its region's writes held;
# a write to another region goes on after the first read failed.
main=$(nullb_new nb_smain 16)
spare=$(nullb_new nb_sspare 4)
dmsetup create slow --table "0 $(blockdev --getsz "$main") delay $main 0 2000 $main 0 0"
dmsetup create safe --table "0 $(blockdev --getsz "$main") remap /dev/mapper/slow $spare 1 format"
nullb_bad nb_smain 0 7
n=$(awk '{ print $1 }' /sys/block/nb_smain/stat)
dmsetup message safe 0 remap 0 > /dev/null 2>&1 &
remap=$!
for i in $(seq 200); do   # the first of the three reads failed; two to go
    [ "$(awk '{ print $1 }' /sys/block/nb_smain/stat)" -gt "$n" ] && break
    sleep 0.05
done
[ "$i" -lt 200 ] || fail "the remap's read never reached main"
dd if=/dev/urandom of="$OUT/far" bs=4k count=1 status=none
dd if="$OUT/far" of="$dev" bs=4k seek=2048 count=1 oflag=direct status=none || fail "write to another region"
far_done=$(date +%s%N)
kill -0 $remap 2> /dev/null || fail "the write to another region waited for the remap of a bad block"
wait $remap
remap_done=$(date +%s%N)
held_ms=$(( (remap_done - far_done) / 1000000 ))
[ "$held_ms" -gt 1000 ] || fail "the write to another region completed only ${held_ms} ms before the remap"
echo "the write to another region completed ${held_ms} ms before the remap"
remap_status safe
expect_eq "$RS_USED $RS_PENDING" "0 1" "remapped, pending after the bad block's remap"
dd if="$dev" bs=4k skip=2048 count=1 iflag=direct status=none | cmp -s - "$OUT/far" || fail "data written to another region"
dmsetup remove safe
dmsetup remove slow
step "a read that fails with an error other than a media error is passed through"
# errfs serves a 16 MiB file whose reads fail as $OUT/errfs.rules says;
# loop with direct I/O turns the errno of the file's read into the bio's
# status (errno_to_blk_status), which reaches dm-remap as the main disk's.
modprobe fuse
modprobe loop
rm -f "$OUT/errfs.rules"
python3 "$(dirname "$0")/../errfs.py" /run/errfs 16 "$OUT/errfs.rules" > "$OUT/errfs.log" 2>&1 &
errfs=$!
wait_for 20 grep -q mounted "$OUT/errfs.log" || fail "errfs did not mount: $(cat "$OUT/errfs.log")"
main=$(losetup --direct-io=on --find --show /run/errfs/disk)
expect_eq "$(cat /sys/block/"${main#/dev/}"/loop/dio)" 1 "direct I/O of the loop device"
spare=$(nullb_new nb_espare 4)
dmsetup create safe --table "0 $(blockdev --getsz "$main") remap $main $spare 1 format"
dd if=/dev/urandom of="$dev" bs=4k count=64 oflag=direct status=none
rules() { # <rule lines...>: replaces errfs's rules at once
    printf '%s\n' "$@" > "$OUT/errfs.rules.new"
    mv "$OUT/errfs.rules.new" "$OUT/errfs.rules"
}
main_reads() { # <block>: reads within that 4 KiB block that errfs served
    awk -v b="$1" '$1 == "read" && int($2 / 4096) == b { n++ } END { print n + 0 }' "$OUT/errfs.log"
}
expect_read_error() { # <block> <error text>
    if dd if="$dev" of=/dev/null bs=4k skip="$1" count=1 iflag=direct status=none 2> "$OUT/err"; then
        fail "read of block $1 succeeded"
    fi
    grep -q "$2" "$OUT/err" || fail "read of block $1: not '$2': $(cat "$OUT/err")"
}
# Fast path: end_io passes the error on, the worker never sees the bio.
rules "$((10 * 4096)) $((11 * 4096)) ENOLINK"
expect_read_error 10 "Link has been severed"
expect_eq "$(main_reads 10)" 1 "reads of main for block 10 (no retry)"
# Worker: the first read's EIO sends the bio to the worker, whose retry
# meets ENODEV; that ends the retries and is what the reader gets.
rules "$((12 * 4096)) $((13 * 4096)) EIO 1" "$((12 * 4096)) $((13 * 4096)) ENODEV"
expect_read_error 12 "No such device"
expect_eq "$(main_reads 12)" 2 "reads of main for block 12 (one retry)"
# The remap message reads main in the worker (serve_request): the first
# read's ENOSPC ends it, no retry and no reads sector by sector.
rules "$((14 * 4096)) $((15 * 4096)) ENOSPC"
expect_fail "remap of a block whose read fails with ENOSPC" dmsetup message safe 0 remap 112
grep -q "No space left on device" "$OUT/last-error" || fail "remap 112: not ENOSPC: $(cat "$OUT/last-error")"
expect_eq "$(main_reads 14)" 1 "reads of main for the remap of block 14"
remap_status safe
expect_eq "$RS_USED $RS_PENDING $RS_RERR $RS_UNREADABLE $RS_STATE" "0 0 0 0 ok" \
    "remapped, pending, read errors, unreadable sectors, state after non-media read errors"
expect_eq "$(remap_pending safe)" "" "pending list after non-media read errors"
# The control: an EIO that the retries do not cure makes the block pending.
rules "$((16 * 4096)) $((17 * 4096)) EIO"
expect_read_error 16 "Input/output error"
remap_status safe
expect_eq "$RS_PENDING $RS_RERR" "1 1" "pending, read errors after an EIO read"
expect_eq "$(remap_pending safe)" 128 "pending list after an EIO read"
dmsetup remove safe
losetup --detach "$main"
umount /run/errfs
wait $errfs || fail "errfs exited with an error: $(tail -n 5 "$OUT/errfs.log")"
echo PASS
