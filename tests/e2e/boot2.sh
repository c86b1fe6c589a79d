# Second boot, same spare image, the main disk's content and the helper's
# state written back and the main disk's sectors bad again: the boot-time
# assembly (the installed unit's ExecStart) brings the recorded pair back
# with its remaps and the data; the app removes it once the main disk takes
# writes again; then the spare is unplugged from the pair imported again. Usage: boot2.sh <source dir>
#   <build dir> <staging dir> <dm-remap.ko> <module index dir>
. "$1/tests/e2e/boot-lib.sh" "$@"
install_stack
load_scsi_debug
[ -b "$SPARE" ] || fail "no NVMe spare disk"
dd if="$CARRY/main.img" of="$MAIN" bs=1M oflag=direct conv=fsync status=none || fail "restoring the main disk failed"
bad_sectors on
rm -rf /var/lib/dm-remap
cp -a "$CARRY/state" /var/lib/dm-remap || fail "restoring the helper's state failed"

# What systemd would run at boot: the unit's ExecStart line, as installed.
assemble() {
    local unit line
    for unit in /usr/lib/systemd/system/dm-remap-assemble.service /lib/systemd/system/dm-remap-assemble.service; do
        [ -f "$unit" ] && break
    done
    [ -f "$unit" ] || fail "no dm-remap-assemble.service installed"
    line=$(sed -n 's/^ExecStart=//p' "$unit")
    [ -n "$line" ] || fail "$unit has no ExecStart"
    line=${line#[-@:+!]}
    echo "   $unit: $line"
    read -ra command <<< "$line"
    "${command[@]}" || fail "$line failed"
}

step "5. boot-time assembly"
! e2e_helper_running || fail "the helper owns its name before any call"
assemble
# Assembly at boot runs before the bus: no helper on it yet.
! e2e_helper_running || fail "boot-time assembly activated the helper"
dmsetup info "$PAIR" > /dev/null 2>&1 || fail "boot-time assembly did not start $PAIR"
ctl 0 --json pair list
[ "$(json "[(p['name'], p['main-path'], p['spare-path'], p['state'], p['remapped'], p['pending']) for p in j]")" \
    = "[('$PAIR', '$MAIN', '$SPARE', 'ok', $REMAPS, 0)]" ] || fail "pair after assembly: $RUN_OUT"
ctl 0 --json remaps "$PAIR"
[ "$RUN_OUT" = "$(cat "$CARRY/remaps.json")" ] || fail "the remaps differ after the reboot: $RUN_OUT"
[ "$(device_sum)" = "$(cat "$CARRY/data.sha256")" ] || fail "the data differs after the reboot"
echo "   data checksum intact: $(cat "$CARRY/data.sha256")"
e2e_start_desktop
start_app
app_test showsTheRemaps REMAPS=$REMAPS BAD_SECTOR=$BAD_SECTOR

step "7. remove the pair with the app, once the main disk takes writes again"
# The moved blocks go back to the main disk first: a drive reallocates a bad
# sector when it is written.
bad_sectors off
app_test removeThePair
! dmsetup info "$PAIR" > /dev/null 2>&1 || fail "the dm device is still there"
[ ! -e "/dev/mapper/$PAIR" ] || fail "/dev/mapper/$PAIR is still there"
ctl 0 --json disks
[ "$(json "sorted((d['path'], d['role']) for d in j) == sorted([('$MAIN', 'free'), ('$SPARE', 'free')])")" = True ] \
    || fail "disks after removal: $RUN_OUT"

step "6. the spare is unplugged while paired"
# The removal dropped the pair's record: assembly leaves the pair alone, an
# administrator's import brings it back.
assemble
ctl 0 --json pair list
[ "$(json "len(j)")" = 0 ] || fail "assembly started a removed pair: $RUN_OUT"
ctl 0 import "$SPARE"
ctl 0 --json pair list
[ "$(json "j[0]['state'], j[0]['remapped']")" = "('ok', $REMAPS)" ] || fail "pair assembled again: $RUN_OUT"
vm_qmp '{"execute": "device_del", "arguments": {"id": "dev0"}}' > /dev/null
wait_for 30 test ! -e /sys/block/nvme0n1 || fail "the spare is still there after device_del"
# The helper hears of it from the kernel's uevent: give it a moment.
helper_says() { # <python expression on j> <expected> <dm-remapctl arguments...>
    local expression=$1 expected=$2
    shift 2
    ctl 0 --json "$@"
    [ "$(json "$expression")" = "$expected" ]
}
wait_for 30 helper_says "[d['path'] for d in j]" "['$MAIN']" disks || fail "disks after the unplug: $RUN_OUT"
wait_for 30 helper_says "j[0]['name'], j[0]['state'], j[0]['spare-present'], j[0]['main-present']" \
    "('$PAIR', 'missing', False, True)" pair list || fail "pair after the unplug: $RUN_OUT"
wait_notification "Pair “$PAIR”: A disk is missing" "The spare disk of pair “$PAIR” ($SPARE) is gone"
app_test showsTheMissingSpare
# A block that lives on the spare fails, never returns the main disk's stale
# data; nothing hangs.
rc=0
timeout 60 dd if="/dev/mapper/$PAIR" of=/dev/null bs=4096 skip=$((BAD_SECTOR / 8)) count=1 iflag=direct status=none 2> /run/dd.err || rc=$?
[ "$rc" != 124 ] || fail "a read of a remapped block hangs"
[ "$rc" != 0 ] || fail "a remapped block was readable without its spare"
echo "   read of a remapped block: $(cat /run/dd.err)"
for io in "if=/dev/mapper/$PAIR of=/dev/null iflag=direct" "if=/dev/zero of=/dev/mapper/$PAIR oflag=direct"; do
    rc=0
    timeout 60 dd $io bs=4096 count=1 status=none 2> /run/dd.err || rc=$?
    [ "$rc" != 124 ] || fail "dd $io hangs"
    echo "   dd $io on a healthy block: exit $rc $(cat /run/dd.err)"
done
ctl 0 --json disks
# Without its spare the moved blocks cannot go back to the main disk: the
# removal is refused, naming them, until it is forced.
ctl 1 pair remove "$PAIR"
case $RUN_ERR in *"$REMAPS of $REMAPS moved blocks"*) ;; *) fail "removal without the spare: $RUN_ERR" ;; esac
ctl 0 pair remove "$PAIR" --force
! dmsetup info "$PAIR" > /dev/null 2>&1 || fail "the dm device is still there"
kill -0 "$APP_PID" || fail "the installed app died: $(cat "$OUT/app.log")"
# The app's restart in this boot repeated none of the first boot's news.
! grep -q "Bad blocks on pair" "$E2E_NOTIFICATIONS" || fail "the app repeated old news: $(cat "$E2E_NOTIFICATIONS")"
echo "second boot: all checks passed"
