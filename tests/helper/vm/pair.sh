# First boot: SMART of the emulated IDE and NVMe disks, path tricks, a pair
# created with dm-remapctl, injected bad blocks and the signals they raise,
# every Pair1 method refused to an unauthorized caller, the pair removed;
# last, the spare swapped for another disk while CreatePair waits for polkit.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/identity.sh"
. "$(dirname "$0")/scan.sh"
trap stop_services EXIT
start_services

step "monitor"
"$CTL" --json monitor > "$OUT/monitor1.log" 2> "$OUT/monitor1.err" &
PIDS+=($!)
wait_for 10 grep -q monitoring "$OUT/monitor1.err" || fail "monitor did not start"

step "SMART of the emulated disks"
ctl 0 --json disks
[ "$(json "sorted(d['serial'] for d in j)")" = "['FORGED01', 'MAIN0001', 'NEW0001', 'OLD0001', 'SPARE0001']" ] || fail "disks: $RUN_OUT"
[ "$(json "[d['transport'] for d in j if d['serial'] == 'FORGED01'][0]")" = usb ] || fail "USB transport: $RUN_OUT"
IDE=$(json "[d['path'] for d in j if d['serial'] == 'MAIN0001'][0]")
NVME=$(json "[d['path'] for d in j if d['serial'] == 'SPARE0001'][0]")
[ "$(json "[d['transport'] for d in j if d['serial'] == 'MAIN0001'][0]")" = ata ] || fail "IDE transport: $RUN_OUT"
ctl 0 --json smart --refresh "$IDE"
[ "$(json "j['available'], j['verdict'], j['temperature'] > 0, len(j['attributes']) > 0")" = "(True, 'passed', True, True)" ] \
    || fail "IDE SMART: $RUN_OUT"
ctl 0 --json smart "$NVME"
[ "$(json "j['available'], j['verdict'], 'nvme-media-errors' in j")" = "(True, 'passed', True)" ] || fail "NVMe SMART: $RUN_OUT"
ctl 0 self-test "$IDE" short
ctl 0 --json smart --refresh "$IDE"
[ "$(json "j['self-tests'][0]['type']")" = "Short offline" ] || fail "self-test log: $RUN_OUT"
ctl 0 --json smart --raw "$IDE"
[ "$(json "j['serial_number']")" = MAIN0001 ] || fail "raw JSON: $RUN_OUT"

step "disk added while monitoring"
load_scsi_debug
wait_for 10 grep -q '"event":"DiskAdded"' "$OUT/monitor1.log" || fail "no DiskAdded signal"

step "path tricks and disks in use"
# One MBR partition on the IDE disk, then an ext4 on it, mounted.
python3 - "$IDE" <<'PY'
import struct, sys
mbr = bytearray(512)
mbr[446:462] = struct.pack('<B3sB3sII', 0, b'\0\0\0', 0x83, b'\0\0\0', 2048, 32768)
mbr[510:512] = b'\x55\xaa'
with open(sys.argv[1], 'r+b') as f:
    f.write(mbr)
PY
blockdev --rereadpt "$IDE"
wait_for 5 test -b "${IDE}1" || fail "no partition node"
ln -s "${IDE}1" /run/part-link
ctl 2 smart /run/part-link
case $RUN_ERR in *partition*) ;; *) fail "partition not refused clearly: $RUN_ERR" ;; esac
ln -s /dev/null /run/null-link
ctl 2 smart /run/null-link
ctl 0 --json smart "/dev/../dev/$(basename "$IDE")"
mkfs.ext4 -q "${IDE}1"
mkdir -p /run/mnt && mount "${IDE}1" /run/mnt
ctl 1 pair create bad "$IDE" "$NVME" --erase-spare
case $RUN_ERR in *org.dmremap.Error.InUse*"mounted on /run/mnt"*|*"mounted on /run/mnt"*org.dmremap.Error.InUse*) ;; *) fail "mounted main not refused: $RUN_ERR" ;; esac
umount /run/mnt
ctl 1 pair create bad "$IDE" "$IDE" --erase-spare
case $RUN_ERR in *SameDisk*) ;; *) fail "same disk: $RUN_ERR" ;; esac
[ -z "$(dmsetup ls --target remap | grep -v 'No devices')" ] || fail "a refused create left a device"

step "pair create"
write_signatures "$NVME"
ctl 0 --json pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8 --read-retries 1
check_no_signatures "$NVME"
ctl 1 pair create safe "$MAIN" "$NVME" --erase-spare
case $RUN_ERR in *Exists*|*InUse*) ;; *) fail "second create: $RUN_ERR" ;; esac
wait_for 10 grep -q '"event":"PairAdded"' "$OUT/monitor1.log" || fail "no PairAdded signal"
ctl 0 --json pair list
[ "$(json "j[0]['name'], j[0]['main-path'], j[0]['spare-path'], j[0]['state'], j[0]['block-size']")" = "('safe', '$MAIN', '$NVME', 'ok', 8)" ] \
    || fail "pair list: $RUN_OUT"
dmsetup table safe | grep -q "main_id naa\." || fail "main_id not recorded: $(dmsetup table safe)"

step "every Pair1 method refuses an unauthorized caller"
PAIR=/org/dmremap/Manager1/pairs/safe
for call in "GetStatus" "ListRemaps 0 10" "ListPending" "GetMap 0 8 1" "Remap 0" "Remove" "GetHistory 0 86400 3600" "GetForecast"; do
    set -- $call
    if out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups gdbus call --system --dest org.dmremap.Manager1 \
            --object-path $PAIR --method org.dmremap.Pair1.$call 2>&1); then
        fail "nobody could call $1: $out"
    fi
    case $out in *org.freedesktop.DBus.Error.AccessDenied*) ;; *) fail "$1 as nobody: $out" ;; esac
done
dmsetup info safe > /dev/null || fail "the pair went away"

step "bad blocks"
ctl 0 --json remap safe 5000
[ "$(json "j['result'], j['main-sector']")" = "('remapped', 5000)" ] || fail "proactive remap: $RUN_OUT"
medium_errors 20000 16
if dd if=/dev/mapper/safe of=/dev/null bs=4096 skip=2500 count=1 iflag=direct 2>/dev/null; then
    fail "a read of a bad block succeeded"
fi
wait_for 10 grep -q '"event":"Changed".*"pending":1' "$OUT/monitor1.log" || fail "no Changed signal for the pending block"
ctl 0 --json pending safe
[ "$(json "j")" = "[20000]" ] || fail "pending: $RUN_OUT"
ctl 0 --json remap safe 20008
[ "$(json "j['result']")" = pending ] || fail "remap of an unreadable block: $RUN_OUT"
dd if=/dev/urandom of=/run/block bs=4096 count=1 2>/dev/null
dd if=/run/block of=/dev/mapper/safe bs=4096 seek=2500 count=1 oflag=direct conv=fsync 2>/dev/null || fail "write to a pending block failed"
wait_for 10 grep -q '"event":"Changed".*"remapped":2' "$OUT/monitor1.log" || fail "no Changed signal for the remap"
dd if=/dev/mapper/safe of=/run/back bs=4096 skip=2500 count=1 iflag=direct 2>/dev/null || fail "remapped block unreadable"
cmp /run/block /run/back || fail "remapped block reads back different data"
medium_errors 0 0
ctl 0 --json remaps safe
[ "$(json "[r['main-sector'] for r in j]")" = "[5000, 20000]" ] || fail "remaps: $RUN_OUT"
ctl 0 --json map safe --buckets 4
[ "$(json "[(b['remaps'], b['pending']) for b in j]")" = "[(2, 1), (0, 0), (0, 0), (0, 0)]" ] || fail "map: $RUN_OUT"

step "remap lists longer than one kernel answer"
# 300 more bad blocks in the last quarter of the disk: one read makes them
# pending, one write remaps them all; the helper reads the list in pages of
# 256 by sector (list <from_sector> 256), skipping 256 for --offset 256.
medium_errors 100000 2400
if dd if=/dev/mapper/safe of=/dev/null bs=1228800 skip=51200000 iflag=direct,skip_bytes count=1 2>/dev/null; then
    fail "a read of 300 bad blocks succeeded"
fi
dd if=/dev/urandom of=/dev/mapper/safe bs=1228800 seek=51200000 iflag=fullblock oflag=direct,seek_bytes count=1 conv=fsync 2>/dev/null \
    || fail "a write over 300 pending blocks failed"
medium_errors 0 0
ctl 0 --json remaps safe
[ "$(json "len(j), j[-1]['main-sector'], all(a['main-sector'] < b['main-sector'] for a, b in zip(j, j[1:]))")" = "(302, 102392, True)" ] \
    || fail "long remap list: $(json "len(j)")"
echo "$RUN_OUT" > "$OUT/remaps-before.json"
ctl 0 --json remaps safe --offset 256 --count 10
[ "$(json "[r['main-sector'] for r in j][:2]")" = "[102032, 102040]" ] || fail "remaps page: $RUN_OUT"
ctl 0 --json map safe --buckets 4
[ "$(json "[(b['remaps'], b['pending']) for b in j]")" = "[(2, 1), (0, 0), (0, 0), (300, 0)]" ] || fail "map: $RUN_OUT"
ctl 0 --json pair list
[ "$(json "j[0]['remapped'], j[0]['pending'], j[0]['read-errors'] >= 1")" = "(302, 1, True)" ] || fail "status: $RUN_OUT"
ctl 0 --json disks
[ "$(json "sorted(d['role'] for d in j if d['role'] != 'free')")" = "['main', 'spare']" ] || fail "roles: $RUN_OUT"
grep -q "^pair name=safe uuid=[0-9a-f]\{32\} main-id=$(dmsetup table safe | sed 's/.* main_id \([^ ]*\).*/\1/') main-sectors=131072 spare-id=SPARE0001 spare-sectors=65536\$" "$STATE/pairs" \
    || fail "pair record: $(cat "$STATE/pairs")"
[ "$(stat -c %a "$STATE/pairs")" = 600 ] || fail "pair record mode $(stat -c %a "$STATE/pairs")"

step "remove"
exec 3< /dev/mapper/safe
ctl 1 pair remove safe
case $RUN_ERR in *org.dmremap.Error.Busy*) ;; *) fail "removing an open pair: $RUN_ERR" ;; esac
exec 3<&-
ctl 0 pair remove safe
wait_for 10 grep -q '"event":"PairRemoved"' "$OUT/monitor1.log" || fail "no PairRemoved signal"
! dmsetup info safe > /dev/null 2>&1 || fail "the pair is still there"
! grep -q "name=safe" "$STATE/pairs" || fail "the removed pair is still recorded: $(cat "$STATE/pairs")"

step "import"
# The removed pair's spare is unknown now: only an import brings it back,
# after showing what it would do, and only for an administrator.
ctl 0 assemble
[ "$RUN_OUT" = "no pair to assemble" ] || fail "assemble without a record: $RUN_OUT"
import_refused_to_nobody "$NVME"
ctl 0 import "$NVME" --dry-run
[ "$RUN_OUT" = "would import pair safe: spare $NVME, main $MAIN, 302 blocks remapped" ] || fail "import dry run: $RUN_OUT"
! dmsetup info safe > /dev/null 2>&1 || fail "a dry run started the pair"
ctl 0 import "$NVME"
[ "$RUN_OUT" = "importing pair safe: spare $NVME, main $MAIN, 302 blocks remapped
imported /dev/mapper/safe" ] || fail "import: $RUN_OUT"
grep -q "^pair name=safe .*spare-id=SPARE0001" "$STATE/pairs" || fail "import not recorded: $(cat "$STATE/pairs")"
ctl 1 import "$NVME"
case $RUN_ERR in *org.dmremap.Error.Exists*) ;; *) fail "second import: $RUN_ERR" ;; esac
# Gone without Remove, as at power-off (the helper stopped first): the record
# and the scan's position stay for the next boot.
scan_first_boot

step "dialog text"
dialog_name_escaped "$IDE" "$(disk_by_serial OLD0001)"

step "forged USB spare and a re-paired main disk"
# The stick claims to be the spare of "safe" on the scsi_debug disk: label,
# main id and size are all readable by anyone.
USB=$(disk_by_serial FORGED01)
"$BUILD/tests/unit/dm-remap-meta" format "$USB" --main-sectors 131072 --label safe \
    --main-id "$(sed -n 's/^pair name=safe .*main-id=\([^ ]*\) .*/\1/p' "$STATE/pairs")" > /dev/null
# The IDE disk is paired with OLD0001, then re-paired with NEW0001.
OLD=$(disk_by_serial OLD0001)
NEW=$(disk_by_serial NEW0001)
ctl 0 pair create first "$IDE" "$OLD" --erase-spare
ctl 0 pair remove first
ctl 0 pair create second "$IDE" "$NEW" --erase-spare
dmsetup remove second
[ "$(grep -c "^pair " "$STATE/pairs")" = 2 ] || fail "records: $(cat "$STATE/pairs")"
rmmod scsi_debug
wait_for 10 grep -q '"event":"DiskRemoved"' "$OUT/monitor1.log" || fail "no DiskRemoved signal"

# Last: the NVMe spare is gone for the rest of this boot (not its image).
step "the spare swapped while polkit asks"
swap_while_authorizing "$IDE" SPARE0001 dev1
# The history (the scan's position) goes to the next boot as the disk would keep it.
stop_services
cp "$HISTORY" "$OUT/history.db"
echo "first boot: all checks passed"
