# Replacing the main disk online (Pair1.ReplaceMain), sourced by remove.sh in
# the same boot: a mounted ext4 pair under fio verify=crc32c is copied to a
# new disk while blocks move to the spare; at the end /dev/mapper/safe is the
# new disk alone, the old disks are released and their signatures erased.
# Then a copy that meets an unreadable block stops and the pair goes on; a
# pair with pending blocks is refused; a running copy can be cancelled.
NEW=$(disk_by_serial NEW0001)
modprobe dm-mirror
MNT=/run/safe-mnt
mkdir -p $MNT
monitor_start() {
    gdbus monitor --system --dest org.dmremap.Manager1 > /run/monitor.log 2>&1 &
    MONITOR=$!
    wait_for 10 grep -q . /run/monitor.log || true
}
monitor_stop() { kill "$MONITOR" 2>/dev/null || true; wait "$MONITOR" 2>/dev/null || true; }
slow_main() { echo "$1" > /sys/module/scsi_debug/parameters/delay; } # jiffies per command

step "replace the main disk of a mounted pair under fio verify, moving blocks during the copy"
medium_errors 0 0
ctl 0 pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8
ctl 0 remap safe 4000
mkfs.ext4 -q -F /dev/mapper/safe || fail "mkfs.ext4 on the pair"
mount /dev/mapper/safe $MNT || fail "mounting the pair"
fio_loop() {
    while [ ! -e /run/fio.stop ]; do
        fio --name=verify --filename=$MNT/fio.dat --size=2M --rw=randwrite --bs=4k --direct=1 \
            --verify=crc32c --verify_fatal=1 --do_verify=1 --randrepeat=0 --output=/run/fio.out \
            || { cp /run/fio.out /run/fio.failed; break; }
        echo run >> /run/fio.runs
    done
}
rm -f /run/fio.stop /run/fio.failed /run/fio.runs
fio_loop &
FIO=$!
wait_for 60 test -s /run/fio.runs || fail "fio did not complete a first run: $(cat /run/fio.out 2>/dev/null)"
monitor_start
# A slow main disk keeps the copy running while blocks move to the spare:
# 100 jiffies per command make the copy of 128 regions last about a minute,
# far longer than the four ctl calls even on a loaded host (at 10 the copy
# took 5 s and sometimes ended before the last remap).
slow_main 100
ctl 0 --json pair replace safe "$NEW" --erase-new-disk --no-wait
[ "$(json "j['result']")" = started ] || fail "replace --no-wait: $RUN_OUT"
for sector in 20000 60000 100000; do ctl 0 remap safe $sector; done
ctl 0 --json pair list
[ "$(json "[p['replace-state'] for p in j]")" = "['copying']" ] || fail "the copy ended before the blocks moved: $RUN_OUT"
slow_main 0
wait_for 300 sh -c "dmsetup table safe | grep -q ' linear '" || fail "the copy did not finish: $(dmsetup status safe)"
runs=$(wc -l < /run/fio.runs)
wait_for 120 sh -c "[ \$(wc -l < /run/fio.runs) -gt $runs ] || [ -e /run/fio.failed ]" || fail "fio did not finish a run on the new disk"
touch /run/fio.stop
wait "$FIO"
[ ! -e /run/fio.failed ] || fail "fio verify failed during the replacement: $(cat /run/fio.failed)"
monitor_stop
grep -q "org.dmremap.Pair1.ReplaceProgress" /run/monitor.log || fail "no ReplaceProgress signal"
grep -q "org.dmremap.Pair1.ReplaceFinished ('done',)" /run/monitor.log || fail "no ReplaceFinished('done'): $(grep Replace /run/monitor.log)"
! dmsetup info safe+replacing > /dev/null 2>&1 || fail "the private remap device is still there"
[ "$(dmsetup table safe | cut -d' ' -f3-4)" = "linear $(lsblk -dno MAJ:MIN "$NEW" | tr -d ' ')" ] \
    || fail "/dev/mapper/safe is not the new disk alone: $(dmsetup table safe)"
ctl 0 --json pair list
[ "$(json "[p['name'] for p in j]")" = "[]" ] || fail "the pair still exists after the replacement: $RUN_OUT"
fio --name=verify --filename=$MNT/fio.dat --size=2M --rw=randwrite --bs=4k --direct=1 --verify=crc32c \
    --verify_only=1 --output=/run/fio.out > /dev/null || true
umount $MNT
fsck.ext4 -n -f /dev/mapper/safe > /run/fsck.out 2>&1 || fail "the file system on the new disk is damaged: $(cat /run/fsck.out)"
[ "$(dd if=/dev/mapper/safe bs=1M count=64 iflag=direct 2>/dev/null | sha256sum)" = \
  "$(dd if="$NEW" bs=1M count=64 iflag=direct 2>/dev/null | sha256sum)" ] || fail "the device does not read the new disk"
[ -z "$(blkid -p "$MAIN" 2>/dev/null)" ] || fail "the old main disk still carries signatures: $(blkid -p "$MAIN")"
[ "$(dd if="$NVME" bs=4096 count=2 iflag=direct 2>/dev/null | tr -d '\0' | wc -c)" = 0 ] \
    || fail "the spare still carries dm-remap metadata"
! grep -q "name=safe " "$STATE/pairs" || fail "the pair's record is still there: $(cat "$STATE/pairs")"
dmsetup remove safe

step "a copy that meets an unreadable block stops; the pair goes on"
ctl 0 pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8 --read-retries 0
dd if=/run/new of=/dev/mapper/safe bs=1M oflag=direct conv=fsync 2>/dev/null || fail "writing the data"
medium_errors 120000 8
monitor_start
ctl 0 pair replace safe "$NEW" --erase-new-disk --no-wait
wait_for 120 grep -q "ReplaceFinished" /run/monitor.log || fail "the failed copy did not end: $(dmsetup status safe)"
monitor_stop
grep -q "org.dmremap.Pair1.ReplaceFinished ('failed',)" /run/monitor.log || fail "$(grep Replace /run/monitor.log)"
[ "$(dmsetup table safe | cut -d' ' -f3)" = remap ] || fail "the pair is not on its own disks again: $(dmsetup table safe)"
! dmsetup info safe+replacing > /dev/null 2>&1 || fail "the private remap device is still there"
ctl 0 --json pair list
[ "$(json "[(p['name'], p['replace-state']) for p in j]")" = "[('safe', '')]" ] || fail "after the failed copy: $RUN_OUT"
[ "$(sum /dev/mapper/safe)" = "$(sum /run/new)" ] || fail "the pair's data changed"
grep -q "replacing the main disk failed" "$OUT/helper.log" || fail "the failure is not logged"

step "a pair with pending blocks is refused: their data cannot be copied"
# Pending blocks live in the target's memory: the reload at the stop
# forgot the copy's; a read makes the block pending again.
read_fails 15000 || fail "a read of the bad block succeeded"
ctl 0 --json pending safe
[ "$(json "j")" = "[120000]" ] || fail "pending: $RUN_OUT"
ctl 1 pair replace safe "$NEW" --erase-new-disk --no-wait
case $RUN_ERR in *org.dmremap.Error.UnreadableBlocks*|*"could not be read from the main disk"*) ;;
    *) fail "replacement of a pair with pending blocks: $RUN_ERR" ;; esac
medium_errors 0 0
dd if=/dev/urandom of=/dev/mapper/safe bs=4096 seek=15000 count=1 oflag=direct conv=fsync 2>/dev/null \
    || fail "rewriting the pending block"
ctl 0 --json pending safe
[ "$(json "j")" = "[]" ] || fail "the rewritten block is still pending: $RUN_OUT"

step "a running copy is cancelled: the pair goes on, the new disk is released"
slow_main 100
monitor_start
ctl 0 pair replace safe "$NEW" --erase-new-disk --no-wait
ctl 0 remap safe 8000
ctl 0 --json pair list
[ "$(json "[p['replace-state'] for p in j]")" = "['copying']" ] || fail "status while copying: $RUN_OUT"
[ "$(json "j[0]['replace-disk-path']")" = "$NEW" ] || fail "replace-disk-path: $RUN_OUT"
ctl 0 pair replace safe --cancel
slow_main 0
wait_for 10 grep -q "ReplaceFinished ('cancelled',)" /run/monitor.log || fail "$(grep Replace /run/monitor.log)"
monitor_stop
[ "$(dmsetup table safe | cut -d' ' -f3)" = remap ] || fail "the pair is not on its own disks again: $(dmsetup table safe)"
[ "$(sum /dev/mapper/safe)" = "$(sum /run/new)" ] || fail "the pair's data changed"
! grep -q "replace-id" "$STATE/pairs" || fail "the record still names the new disk: $(cat "$STATE/pairs")"
ctl 0 --json remaps safe
[ "$(json "8000 in [r['main-sector'] for r in j]")" = True ] || fail "the remap made during the copy is lost: $RUN_OUT"

step "a restart during the copy: the pair comes back on its own disks, interrupted, and the copy starts over"
slow_main 100
ctl 0 pair replace safe "$NEW" --erase-new-disk --no-wait
restart_helper_with dmsetup remove safe safe+replacing # what a restart does to device-mapper
slow_main 0
ctl 0 assemble
ctl 0 --json pair list
[ "$(json "[(p['replace-state'], p['replace-disk-path']) for p in j]")" = "[('interrupted', '$NEW')]" ] \
    || fail "after the restart: $RUN_OUT"
ctl 0 pair list
case $RUN_OUT in *"interrupted by a restart"*"--cancel"*) ;; *) fail "pair list does not say the copy was interrupted: $RUN_OUT" ;; esac
ctl 0 --json pair replace safe "$NEW" --erase-new-disk
[ "$(json "j['result']")" = "done" ] || fail "the copy started again: $RUN_OUT"
[ "$(sum /dev/mapper/safe)" = "$(sum /run/new)" ] || fail "the new disk does not hold the pair's data"
dmsetup remove safe
