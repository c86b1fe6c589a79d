# First boot: the installed stack, started without systemd; the pair made
# with the app's wizard (the first call activates the helper), data written,
# bad blocks injected and written over while the installed app watches, an
# unprivileged user refused. Usage: boot1.sh <source dir> <build dir>
#   <staging dir> <dm-remap.ko> <module index dir>
. "$1/tests/e2e/boot-lib.sh" "$@"
mkdir -p "$CARRY"
install_stack
e2e_start_desktop
load_scsi_debug
[ -b "$SPARE" ] || fail "no NVMe spare disk"

step "1. pair the disks with the app's wizard; the first call activates the helper"
! e2e_helper_running || fail "the helper owns its name before any call"
! pidof dm-remap-helper > /dev/null || fail "the helper runs before any call"
app_test createPairWithTheWizard
e2e_helper_running || fail "the helper was not activated"
helper=$(pidof dm-remap-helper) || fail "no helper process"
[ "$(readlink "/proc/$helper/exe")" = /usr/libexec/dm-remap-helper ] \
    || fail "the running helper is $(readlink "/proc/$helper/exe"), not the installed one"
grep -q "Successfully activated service 'org.dmremap.Manager1'" "$E2E_LOG_DIR/dbus.log" \
    || fail "the system bus did not activate the helper"
[ "$(awk '/^Uid:/ {print $2}' "/proc/$helper/status")" = 0 ] || fail "the activated helper does not run as root"
ctl 0 --json pair list
[ "$(json "[(p['name'], p['main-path'], p['spare-path'], p['state'], p['remapped']) for p in j]")" \
    = "[('$PAIR', '$MAIN', '$SPARE', 'ok', 0)]" ] || fail "pair list: $RUN_OUT"
[ -b "/dev/mapper/$PAIR" ] || fail "no /dev/mapper/$PAIR"

step "2. write data"
size=$(blockdev --getsize64 "/dev/mapper/$PAIR")
[ "$size" -ge $((60 << 20)) ] || fail "the pair is only $size bytes"
head -c "$size" /dev/urandom > /run/data
dd if=/run/data of="/dev/mapper/$PAIR" bs=1M oflag=direct conv=fsync status=none || fail "writing the data failed"
[ "$(device_sum)" = "$(sha256sum < /run/data | cut -d' ' -f1)" ] || fail "the data read back differs"

step "the installed app starts and watches"
start_app
wait_for 60 app_has_checked || fail "the app never checked the pair: $(cat "$OUT/app.log")"

step "3. bad blocks appear on the main disk, live"
bad_sectors on
bytes=$((BAD_COUNT * 512)) offset=$((BAD_SECTOR * 512))
if dd if="/dev/mapper/$PAIR" of=/dev/null bs=$bytes skip=$offset count=1 iflag=direct,skip_bytes status=none 2>/dev/null; then
    fail "a read of the bad blocks succeeded"
fi
ctl 0 --json pair list
[ "$(json "j[0]['pending'], j[0]['remapped']")" = "($REMAPS, 0)" ] || fail "after the failed read: $RUN_OUT"
wait_notification "Bad blocks on pair “$PAIR”" "$REMAPS blocks of pair “$PAIR” could not be read" \
    "files stored there may be unreadable now"
# The user's program writes there again: the blocks move to the spare.
head -c $bytes /dev/urandom > /run/patch
dd if=/run/patch of=/run/data bs=$bytes seek=$offset oflag=seek_bytes conv=notrunc status=none
dd if=/run/patch of="/dev/mapper/$PAIR" bs=$bytes seek=$offset count=1 oflag=direct,seek_bytes conv=fsync status=none \
    || fail "writing over the bad blocks failed"
ctl 0 --json pair list
[ "$(json "j[0]['pending'], j[0]['remapped'], j[0]['state']")" = "(0, $REMAPS, 'ok')" ] || fail "after the write: $RUN_OUT"
ctl 0 --json remaps "$PAIR"
[ "$(json "[r['main-sector'] for r in j]")" = "$(python3 -c "print([$BAD_SECTOR + 8 * i for i in range($REMAPS)])")" ] \
    || fail "remaps: $RUN_OUT"
echo "$RUN_OUT" > "$CARRY/remaps.json"
wait_notification "Bad blocks on pair “$PAIR”" "$REMAPS new bad blocks on the main disk were moved to the spare." \
    "In total $REMAPS blocks have been moved."
app_test showsTheRemaps REMAPS=$REMAPS BAD_SECTOR=$BAD_SECTOR
# The main disk still fails there: the data comes from the spare.
sum=$(device_sum)
[ "$sum" = "$(sha256sum < /run/data | cut -d' ' -f1)" ] || fail "the data differs after the remaps"
echo "$sum" > "$CARRY/data.sha256"

step "4. an unprivileged user is refused"
for command in "pair remove $PAIR" "pair create other $MAIN $SPARE --erase-spare" "remap $PAIR 0"; do
    rc=0
    out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$CTL" $command 2>&1) || rc=$?
    [ "$rc" = 3 ] || fail "nobody: dm-remapctl $command exited $rc: $out"
    case $out in *"not authorized"*) ;; *) fail "nobody: dm-remapctl $command said: $out" ;; esac
    echo "   nobody: dm-remapctl $command: $out"
done
# dm-remapctl stops at its first call (reading the pair): the D-Bus calls that
# would change something, made directly, are refused for their own actions.
ctl 0 --json disks
main_object=$(json "[d['object'] for d in j if d['path'] == '$MAIN'][0]")
spare_object=$(json "[d['object'] for d in j if d['path'] == '$SPARE'][0]")
nobody_call() { # <action> <object> <method> [<argument>...]
    local action=$1 out
    shift
    if out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups gdbus call --system --dest org.dmremap.Manager1 \
            --object-path "$@" 2>&1); then
        fail "nobody could call $3: $out"
    fi
    case $out in *AccessDenied*"not authorized for org.dmremap.$action"*) ;; *) fail "$3 as nobody: $out" ;; esac
    echo "   nobody: $3: ${out#*AccessDenied: }"
}
nobody_call remove-pair "/org/dmremap/Manager1/pairs/$PAIR" --method org.dmremap.Pair1.Remove
nobody_call create-pair /org/dmremap/Manager1 --method org.dmremap.Manager1.CreatePair \
    other "$main_object" "$spare_object" "{'erase-spare': <true>}"
ctl 0 --json pair list
[ "$(json "[(p['name'], p['state'], p['remapped']) for p in j]")" = "[('$PAIR', 'ok', $REMAPS)]" ] \
    || fail "the pair changed: $RUN_OUT"
[ "$(device_sum)" = "$sum" ] || fail "the data changed"

! grep 'No icon found' "$OUT/dunst.log" || fail "the notification daemon found no icon for a notification"

step "power off with the pair in use; the main disk's content goes with the test"
stop_app
bad_sectors off
dd if="$MAIN" of="$CARRY/main.img" bs=1M iflag=direct status=none || fail "saving the main disk failed"
# /var persists on a real machine; the guest's root is a tmpfs overlay.
rm -rf "$CARRY/state"
cp -a /var/lib/dm-remap "$CARRY/state" || fail "the helper recorded no pair"
echo "first boot: all checks passed"
