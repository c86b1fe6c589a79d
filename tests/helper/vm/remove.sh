# Removing a pair whose blocks were moved: the helper writes every moved block
# back to the main disk (a scsi_debug disk) and checks it, so the raw disk
# then holds what was written through the pair; a block whose read-back fails
# refuses the removal with DataOnSpare (also for the old Remove()), until
# force; an import of the spare still brings the pair back. Then a pair of
# 400,000 remaps: GetVersion keeps answering while ListRemaps and GetMap read
# its whole list, and every device-mapper call ran on the worker thread.
# Replacing the main disk runs in the same boot (replace.sh).
. "$(dirname "$0")/lib.sh" "$@"
trap stop_services EXIT
start_services
load_scsi_debug
ctl 0 --json disks
NVME=$(json "[d['path'] for d in j if d['serial'] == 'SPARE0001'][0]")
PAIR=/org/dmremap/Manager1/pairs/safe
MIB=16

direct() { [ -b "$1" ] && echo iflag=direct || echo iflag=fullblock; } # tmpfs has no O_DIRECT
sum() { # <device or file>: checksum of its first $MIB MiB, devices read around the page cache
    dd if="$1" bs=1M count=$MIB "$(direct "$1")" 2>/dev/null | sha256sum | cut -d' ' -f1
}
read_fails() { # <block>: a 4 KiB read through the pair fails
    ! dd if=/dev/mapper/safe of=/dev/null bs=4096 skip="$1" count=1 iflag=direct 2>/dev/null
}

step "a pair with three moved blocks and one unreadable block"
ctl 0 pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8 --read-retries 0
dd if=/dev/urandom of=/run/old bs=1M count=$MIB 2>/dev/null
dd if=/dev/urandom of=/run/new bs=1M count=$MIB 2>/dev/null
dd if=/run/old of=/dev/mapper/safe bs=1M oflag=direct conv=fsync 2>/dev/null || fail "writing the old data"
ctl 0 remap safe 1000
ctl 0 remap safe 8000
medium_errors 20000 8
read_fails 2500 || fail "a read of a bad block succeeded"
# The new data: the moved blocks' copies go to the spare only, the main disk
# keeps the old data there.
dd if=/run/new of=/dev/mapper/safe bs=1M oflag=direct conv=fsync 2>/dev/null || fail "writing the new data"
medium_errors 30000 8
read_fails 3750 || fail "a read of the second bad block succeeded"
ctl 0 --json remaps safe
[ "$(json "[r['main-sector'] for r in j]")" = "[1000, 8000, 20000]" ] || fail "remaps: $RUN_OUT"
ctl 0 --json pending safe
[ "$(json "j")" = "[30000]" ] || fail "pending: $RUN_OUT"

step "history: the moved and pending blocks and the SMART readings are recorded; too little for a forecast"
ctl 0 map safe # reads the pair's status: the helper has seen every count
since=$(( $(date +%s) - 86400 ))
ctl 0 --json history safe --from "$since" --resolution 3600
[ "$(json "len(j) >= 24, sum(b['moved'] for b in j), sum(b['pending'] for b in j) >= 1")" = "(True, 3, True)" ] \
    || fail "the pair's history does not hold the 3 moved blocks and the pending ones: $RUN_OUT"
ctl 0 --json forecast safe
[ "$(json "j['forecast'], j['reason'], j['history-available'], j['used']")" = "(False, 'too-little-history', True, 3)" ] \
    || fail "forecast of a pair with minutes of history: $RUN_OUT"
ctl 0 forecast safe
case $RUN_OUT in *"forecast: none. Too little history"*) ;; *) fail "forecast in words: $RUN_OUT" ;; esac
ctl 0 smart "$NVME" --refresh
ctl 0 --json history "$NVME" --from "$since" --resolution 3600
[ "$(json "sum(b['readings'] for b in j) >= 1 and any('temperature-last' in b for b in j)")" = True ] \
    || fail "no SMART reading of the spare in its history: $RUN_OUT"
ctl 1 history safe --from "$since" --resolution 1
case $RUN_ERR in *"buckets asked for, at most 10000"*InvalidArgument*) ;; *) fail "too many buckets: $RUN_ERR" ;; esac

step "60 days of synthetic remaps: a forecast date, and the days-left metric"
uuid=$(sed -n 's/^pair name=safe uuid=\([0-9a-f]*\) .*/\1/p' "$STATE/pairs")
[ -n "$uuid" ] || fail "no uuid for pair safe in $(cat "$STATE/pairs")"
# A burst of 10 moved blocks every 12 hours: 20 a day.
ctl 0 --json pair list
free=$(json "[p['capacity'] - p['remapped'] for p in j if p['name'] == 'safe'][0]")
prefill() {
    sqlite3 "$HISTORY" "INSERT OR IGNORE INTO pairs (pair_id) VALUES ('$uuid');
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1199)
        INSERT INTO remap_events (time, pair, main_sector, kind)
        SELECT $(date +%s) - 60 * 86400 + (i / 10) * 43200, (SELECT pair FROM pairs WHERE pair_id = '$uuid'), 0, 1 FROM n;"
}
mkdir -p /run/metrics
HELPER_ARGS+=(--metrics-dir /run/metrics)
restart_helper_with prefill
ctl 0 --json forecast safe
[ "$(json "j['forecast'], j['reason'], j['earliest'] <= j['likely'] <= j['latest'], 0.5 < j['days-left'] / ($free / 20) < 2")" = "(True, '', True, True)" ] \
    || fail "forecast from 60 days of remaps: $RUN_OUT"
ctl 0 forecast safe
case $RUN_OUT in *"forecast: full on "*"80% between"*) ;; *) fail "forecast in words: $RUN_OUT" ;; esac
ctl 0 --json forecast safe
likely=$(json "__import__('time').strftime('%Y-%m-%d', __import__('time').gmtime(j['likely']))")
ctl 0 pair list
case $RUN_OUT in *"spare full around $likely ("*" days; 80% from "*) ;; *) fail "pair list has no forecast line: $RUN_OUT" ;; esac
wait_for 20 grep -q '^dmremap_pair_spare_days_left{pair="safe",' /run/metrics/dm-remap.prom \
    || fail "no dmremap_pair_spare_days_left: $(cat /run/metrics/dm-remap.prom 2>&1 | grep spare)"
medium_errors 0 0 # the block stays pending, now readable for the checksums
[ "$(sum /dev/mapper/safe)" = "$(sum /run/new)" ] || fail "the pair does not read back the new data"
block() { dd if="$1" bs=4096 skip="$2" count=1 "$(direct "$1")" 2>/dev/null | sha256sum; }
[ "$(block "$MAIN" 125)" = "$(block /run/old 125)" ] || fail "the main disk does not hold the old data of a moved block"

step "write-back fails: refused, naming the count, the pair still works"
medium_errors 20000 8
ctl 1 pair remove safe
case $RUN_ERR in *org.dmremap.Error.DataOnSpare*"1 of 3 moved blocks"*|*"1 of 3 moved blocks"*org.dmremap.Error.DataOnSpare*) ;;
    *) fail "removal with a block that cannot go back: $RUN_ERR" ;; esac
if out=$(gdbus call --system --dest org.dmremap.Manager1 --object-path $PAIR --method org.dmremap.Pair1.Remove 2>&1); then
    fail "the old Remove() removed a pair whose data is on the spare: $out"
fi
case $out in *org.dmremap.Error.DataOnSpare*) ;; *) fail "Remove(): $out" ;; esac
if out=$(gdbus call --system --dest org.dmremap.Manager1 --object-path $PAIR --method org.dmremap.Pair1.RemoveWithOptions \
        "{'forse': <true>}" 2>&1); then
    fail "an unknown option was accepted: $out"
fi
case $out in *org.dmremap.Error.UnknownOption*) ;; *) fail "unknown option: $out" ;; esac
dmsetup info safe | grep -q "State: *ACTIVE" || fail "the pair was left suspended: $(dmsetup info safe)"
[ "$(sum /dev/mapper/safe)" = "$(sum /run/new)" ] || fail "the pair's data changed after the refusal"
dd if=/run/new of=/dev/mapper/safe bs=4096 count=1 oflag=direct conv=fsync 2>/dev/null || fail "the pair is not writable"

step "write-back succeeds: the raw main disk holds the pair's data"
medium_errors 0 0
ctl 0 --json pair remove safe
[ "$(json "j['written-back'], j['lost'], j['unreadable']")" = "(3, 0, 1)" ] || fail "remove: $RUN_OUT"
! dmsetup info safe > /dev/null 2>&1 || fail "the pair is still there"
[ "$(sum "$MAIN")" = "$(sum /run/new)" ] || fail "the raw main disk does not hold what was written through the pair"

step "a moved block with a sector the main disk could not read is never written back as zeros"
ctl 0 pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8 --read-retries 0
medium_errors 4003 1
read_fails 500 || fail "a read of block 500 succeeded with sector 4003 bad"
# One sector of the pending block: the kernel moves the block, sector 4003
# recorded as unreadable (its slot has no data for it).
dd if=/run/old of=/dev/mapper/safe bs=512 seek=4000 skip=4000 count=1 oflag=direct conv=fsync 2>/dev/null \
    || fail "the partial write to a pending block failed"
ctl 0 --json remaps safe
[ "$(json "[r['main-sector'] for r in j]")" = "[4000]" ] || fail "remaps: $RUN_OUT"
ctl 0 --json pending safe
[ "$(json "j")" = "[4000]" ] || fail "the block with an unreadable sector is not listed as pending: $RUN_OUT"
medium_errors 0 0
ctl 1 pair remove safe
case $RUN_ERR in *org.dmremap.Error.DataOnSpare*"could not be read from the main disk"*|*"could not be read from the main disk"*org.dmremap.Error.DataOnSpare*) ;;
    *) fail "removal of a pair with an unreadable sector on the spare: $RUN_ERR" ;; esac
ctl 0 pair remove safe --force
one() { dd if="$1" bs=512 skip=4003 count=1 "$(direct "$1")" 2>/dev/null | sha256sum; }
[ "$(one "$MAIN")" = "$(one /run/new)" ] || fail "the forced removal wrote the unreadable sector's zeros over the main disk"

step "forced removal"
ctl 0 pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8
ctl 0 remap safe 1000
dd if=/run/old of=/dev/mapper/safe bs=4096 seek=125 skip=125 count=1 oflag=direct conv=fsync 2>/dev/null || fail "write"
medium_errors 1000 8
ctl 1 pair remove safe
case $RUN_ERR in *"1 of 1 moved blocks"*) ;; *) fail "removal not refused: $RUN_ERR" ;; esac
ctl 0 pair remove safe --force
case $RUN_OUT in *"1 moved blocks could not be written back"*) ;; *) fail "forced removal does not warn: $RUN_OUT" ;; esac
! dmsetup info safe > /dev/null 2>&1 || fail "the pair is still there after the forced removal"

step "the spare still brings the pair back, by an import (the removal dropped its record)"
medium_errors 0 0
ctl 0 --json assemble
[ "$(json "j")" = "[]" ] || fail "assemble started a removed pair: $RUN_OUT"
ctl 0 import "$NVME"
ctl 0 --json pair list
[ "$(json "[p['name'] for p in j]")" = "['safe']" ] || fail "import: $RUN_OUT"
dd if=/dev/mapper/safe of=/run/back bs=4096 skip=125 count=1 iflag=direct 2>/dev/null || fail "read after assemble"
cmp /run/back <(dd if=/run/old bs=4096 skip=125 count=1 2>/dev/null) || fail "the moved block's newest data is gone"

step "a failed self-test's LBA in the main disk's SMART log: its block moves to the spare, once"
# scsi_debug keeps no self-test log: smartctl's real output on it gets the
# entry an ATA disk's log has after an extended test met a read failure.
cp /usr/sbin/smartctl /run/smartctl.real
cat > /run/smartctl-failed-test <<EOF
#!/bin/sh
/run/smartctl.real "\$@" > /run/smartctl.out
rc=\$?
case " \$* " in
*" $MAIN "*) python3 "$SRC/tests/helper/vm/add-failed-self-test.py" /run/smartctl.out 50003 ;;
*) cat /run/smartctl.out ;;
esac
exit \$rc
EOF
chmod +x /run/smartctl-failed-test
mount --bind /run/smartctl-failed-test /usr/sbin/smartctl
asked() { grep -c 'reports sector 50003 failing' "$OUT/helper.log" || true; }
asked_before=$(asked)
ctl 0 --json smart "$MAIN" --refresh
[ "$(json "[t['failing-lba'] for t in j['self-tests']]")" = "[50003]" ] || fail "the forged self-test log: $RUN_OUT"
moved_50000() { ctl 0 --json remaps safe; [ "$(json "50000 in [r['main-sector'] for r in j]")" = True ]; }
wait_for 20 moved_50000 || fail "the block of the failing LBA was not moved: $RUN_OUT"
ctl 0 smart "$MAIN" --refresh
sleep 2
[ $(( $(asked) - asked_before )) = 1 ] \
    || fail "the failing sector was not asked for once: $(grep 'reports sector' "$OUT/helper.log")"
umount /usr/sbin/smartctl
ctl 0 smart "$MAIN" --refresh # the real log again, for the pairs made later on this disk
ctl 0 pair remove safe

. "$SRC/tests/helper/vm/replace.sh"

step "long reads run on the helper's device-mapper worker: GetVersion answers meanwhile"
# 400,000 remaps made cheaply: dm-remap-meta writes them in one commit (main
# block 2i+1 -> slot i) on a sparse spare over a main of zeros.
count=400000
msz=$(( (2 * count + 2) * 8 ))
modprobe dm-zero
modprobe loop
dmsetup create zmain --table "0 $msz zero"
truncate -s $(( (count + 4096) * 4 ))K /run/big-spare.img
"$BUILD/tests/unit/dm-remap-meta" format /run/big-spare.img --main-sectors $msz > /dev/null
"$BUILD/tests/unit/dm-remap-meta" fill /run/big-spare.img $count --first 1 --stride 2 > /dev/null
BIG_SPARE=$(losetup -f --show /run/big-spare.img)
dmsetup create big --table "0 $msz remap /dev/mapper/zmain $BIG_SPARE"
wait_for 10 gdbus introspect --system --dest org.dmremap.Manager1 --object-path /org/dmremap/Manager1/pairs/big     || fail "the helper did not see pair big"
# ListRemaps at the end walks every page of the kernel's list; GetMap reads
# the whole list. Before, both ran on the main thread and GetVersion waited
# for them.
for call in "ListRemaps $((count - 10)) 10" "GetMap 0 $msz 4"; do
    "$BUILD/tests/helper/tst_helper_latency" /org/dmremap/Manager1/pairs/big $call > /run/latency.out || fail "latency probe: $call"
    cat /run/latency.out
    read -r took answer remaps calls longest < <(sed -n 's/^during [A-Za-z]*: \([0-9]*\) ms, answer \([^,]*\), \([0-9]*\) remaps; \([0-9]*\) GetVersion, longest \([0-9]*\) ms$/\1 \2 \3 \4 \5/p' /run/latency.out)
    [ "$answer" = reply ] || fail "$call: $answer"
    want=$count; [ "${call%% *}" = ListRemaps ] && want=10
    [ "$remaps" = "$want" ] || fail "$call answered $remaps remaps, not $want"
    # The call must be long enough to show anything. Blocked, GetVersion
    # answers once, after the whole call; served, it answers throughout (its
    # time varies with the machine's load: it is printed, idle too).
    [ "$took" -ge 1000 ] || fail "$call took only $took ms: too short to measure"
    [ "$calls" -ge 10 ] && [ $(( longest * 2 )) -lt "$took" ] \
        || slow+="GetVersion during $call ($took ms): $calls calls, longest $longest ms; "
done
[ -z "${slow:-}" ] || fail "$slow"
dmsetup remove big
losetup -d "$BIG_SPARE"
dmsetup remove zmain
! grep "outside the device-mapper worker thread" "$OUT/helper.log" || fail "device-mapper was called outside its worker thread"
echo "remove: all checks passed"
