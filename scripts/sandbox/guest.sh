#!/bin/bash
# The sandbox's guest side, run by sandbox.sh in a tests/vm/vm-run
# --writable-root VM: installs the staged tree as a distribution would,
# starts the system bus and polkitd (the helper is started by D-Bus
# activation on the first call), pairs a scsi_debug main disk with the
# emulated NVMe spare, writes data, lets the main disk grow bad sectors and
# the data be rewritten over them, and photographs the installed app and its
# notifications under Xvfb with dunst. Screenshots go to $OUT/screenshots,
# the facts to $OUT/summary.env.
# Usage: guest.sh <source dir> <build dir> <staging dir> <dm-remap.ko>
#   <module index dir> (tests/e2e/module-index.sh)
set -euo pipefail
src=$1 build=$2 staging=$3 module=$4 modules=$5
# Wide enough that dunst's notifications (top right) leave the window free.
export E2E_SCREEN=1500x800x24
. "$src/tests/e2e/guest-lib.sh"
. "$src/tests/vm/lib.sh"
fail() { e2e_fail "$@"; }

pair=data
data_mib=48
grab=$build/tests/app/dmremap-screengrab
shots=$OUT/screenshots
summary=$OUT/summary.env
app_pid=

log() { echo "== $(cut -d' ' -f1 /proc/uptime)s: $*"; }
# Progress for the user (sandbox.sh shows these lines as they come).
say() {
    log "$*"
    echo "sandbox: $*"
}

cleanup() {
    [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
    e2e_stop_desktop
    e2e_stop_system
}

# ctl and json (tests/vm/lib.sh) run the installed dm-remapctl.
CTL=dm-remapctl

# The whole X screen once it has settled (the app has drawn what the helper
# told it).
screenshot() { # <file name>
    log "waiting for the screen to settle for $1"
    "$grab" "$shots/$1" 120 || { mv "$shots/$1" "$OUT/unsettled-$1" 2> /dev/null; e2e_fail "no screenshot $1"; }
    say "screenshot $1"
}

mkdir -p "$shots"
rm -f "$summary" "$shots"/*.png
trap cleanup EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8

say "installing the staged tree and the module as DKMS would"
e2e_install "$staging" "$module" "$modules"
e2e_start_system
! e2e_helper_running || e2e_fail "the helper runs before anyone asked for it"

say "disks: a 64 MiB scsi_debug main disk and the NVMe spare"
load_scsi_debug
main=$MAIN
spare=$(disk_with_serial SPARE0001) || e2e_fail "no NVMe disk SPARE0001"
[ -b "$spare" ] || e2e_fail "no NVMe spare disk"

ctl 0 --json disks
disks=$RUN_OUT
e2e_helper_running || e2e_fail "the first call did not start the helper by D-Bus activation"
say "dm-remap-helper started by D-Bus activation"
describe_disk() { # <path>
    RUN_OUT=$disks json "[f\"{d['path']} ({d['model'].strip()}, serial {d['serial']}, {int(d['size']) // 2**20} MiB)\" for d in j if d['path'] == '$1'][0]"
}
main_text=$(describe_disk "$main")
spare_text=$(describe_disk "$spare")

say "pair '$pair': main $main, spare $spare"
dm-remapctl pair create "$pair" "$main" "$spare" --erase-spare || e2e_fail "pair create failed"
dev=/dev/mapper/$pair
[ -b "$dev" ] || e2e_fail "no $dev"

say "writing $data_mib MiB of data"
head -c ${data_mib}M /dev/urandom > /run/data.bin
dd if=/run/data.bin of="$dev" bs=1M oflag=direct conv=fsync status=none || e2e_fail "writing the data failed"
written_sha=$(sha256sum < /run/data.bin | cut -d' ' -f1)

e2e_start_desktop
log "starting dm-remap-manager --show $pair --page overview"
QT_QPA_PLATFORM=xcb /usr/bin/dm-remap-manager --show "$pair" --page overview >> "$OUT/app.log" 2>&1 &
app_pid=$!
screenshot 01-pair-created.png

# Three places on the main disk go bad one after the other (the last one
# stays bad): a read pass finds the blocks unreadable (pending), the data is
# written again over them, and dm-remap puts those blocks on the spare.
expected=0
for range in 8192:128 40000:192 90000:64; do
    start=${range%:*} count=${range#*:}
    say "main disk: sectors $start-$((start + count - 1)) unreadable"
    medium_errors "$start" "$count"
    first=$((start / 8 - 8)) blocks=$((count / 8 + 16))
    dd if="$dev" of=/dev/null bs=4096 skip=$first count=$blocks iflag=direct conv=noerror \
        2> /dev/null || true
    ctl 0 --json pending "$pair"
    pending=$(json "len(j)")
    [ "$pending" = $((count / 8)) ] || e2e_fail "pending blocks: $pending, expected $((count / 8))"
    dd if=/run/data.bin of="$dev" bs=4096 skip=$first seek=$first count=$blocks oflag=direct \
        conv=notrunc,fsync status=none || e2e_fail "rewriting over the bad blocks failed"
    expected=$((expected + count / 8))
done

ctl 0 --json pair list
remapped=$(json "int(j[0]['remapped'])")
capacity=$(json "int(j[0]['capacity'])")
pending=$(json "int(j[0]['pending'])")
state=$(json "j[0]['state']")
[ "$remapped" = $expected ] || e2e_fail "remapped blocks: $remapped, expected $expected"
[ "$pending" = 0 ] || e2e_fail "$pending blocks still pending after the rewrite"
say "$remapped blocks moved to the spare ($capacity slots), $pending pending, state $state"

# The last bad range is still unreadable on the main disk: its blocks come
# from the spare now.
read_sha=$(dd if="$dev" bs=1M count=$data_mib iflag=direct status=none | sha256sum | cut -d' ' -f1) \
    || e2e_fail "reading the data back failed"
say "data read back: $([ "$read_sha" = "$written_sha" ] && echo intact || echo DIFFERENT)"

# Increases soon after a notice are told together when the app's 20-second
# window ends.
wait_for 60 grep -q "In total $expected blocks have been moved" "$E2E_NOTIFICATIONS" \
    || e2e_fail "no notification of $expected moved blocks: $(cat "$E2E_NOTIFICATIONS")"
notification=$(grep "In total $expected blocks" "$E2E_NOTIFICATIONS" | tail -n1 | cut -f2,3 | sed 's/\t/: /')
screenshot 02-bad-blocks-notification.png
# Read and dismissed, as a user would: dunst counts the age of a notification
# on screen every second, so the screen would never settle either.
dunstctl close-all
# A second start hands over to the running app (one per session) and exits.
log "starting dm-remap-manager --show $pair --page map while it runs"
QT_QPA_PLATFORM=xcb /usr/bin/dm-remap-manager --show "$pair" --page map >> "$OUT/app.log" 2>&1 \
    || e2e_fail "a second start of the app failed"
kill -0 "$app_pid" 2> /dev/null || e2e_fail "the running app went away"
screenshot 03-remap-map.png

# A place that stays unreadable and is never written again: files there
# cannot be read now, which the overview must say plainly.
say "main disk: sectors 120000-120007 unreadable, read and not written again"
medium_errors 120000 8
dd if="$dev" of=/dev/null bs=4096 skip=$((120000 / 8)) count=1 iflag=direct 2> /dev/null && e2e_fail "the unreadable block was read"
ctl 0 --json pair list
unreadable=$(json "int(j[0]['pending'])")
[ "$unreadable" = 1 ] || e2e_fail "pending blocks: $unreadable, expected 1"
wait_for 60 grep -q "could not be read" "$E2E_NOTIFICATIONS" \
    || e2e_fail "no notification of the unreadable block: $(cat "$E2E_NOTIFICATIONS")"
dunstctl close-all
QT_QPA_PLATFORM=xcb /usr/bin/dm-remap-manager --show "$pair" --page overview >> "$OUT/app.log" 2>&1 \
    || e2e_fail "showing the overview failed"
screenshot 04-pair-unreadable.png

# A disk that fails: the NVMe disk reports its spare area below threshold
# (critical warning bit 0), as QEMU lets the host set it on a live disk.
old_disk=$(disk_with_serial OLD00001) || e2e_fail "no NVMe disk OLD00001"
vm_qmp '{"execute":"qom-set","arguments":{"path":"/machine/peripheral/dev1","property":"smart_critical_warning","value":1}}' > /dev/null
dm-remapctl smart "$old_disk" --refresh > "$OUT/failing-smart.txt" || e2e_fail "reading SMART of $old_disk failed"
grep -qi failing "$OUT/failing-smart.txt" || e2e_fail "$old_disk is not failing: $(cat "$OUT/failing-smart.txt")"
say "$old_disk reports its spare area below threshold: $(grep -i -m1 verdict "$OUT/failing-smart.txt")"
wait_for 60 grep -q "Disk $old_disk" "$E2E_NOTIFICATIONS" \
    || e2e_fail "no notification of the failing disk: $(cat "$E2E_NOTIFICATIONS")"
dunstctl close-all
QT_QPA_PLATFORM=xcb /usr/bin/dm-remap-manager --show "$old_disk" --page smart >> "$OUT/app.log" 2>&1 \
    || e2e_fail "showing the SMART page failed"
screenshot 05-failing-disk-smart.png

# The menu entry's Pair Disks action: the wizard over the running window,
# its candidates as the real helper describes them (the paired disks named
# as such).
QT_QPA_PLATFORM=xcb /usr/bin/dm-remap-manager --pair-disks >> "$OUT/app.log" 2>&1 \
    || e2e_fail "opening the pairing wizard failed"
screenshot 06-pair-wizard.png

# A dark colour scheme, as a desktop without KDE sets one for Qt programs
# (qt6ct): the pair with moved and unreadable blocks again.
kill "$app_pid"
wait "$app_pid" 2> /dev/null || true
app_pid=
qt6ct_conf=${XDG_CONFIG_HOME:-$HOME/.config}/qt6ct/qt6ct.conf
mkdir -p "$(dirname "$qt6ct_conf")"
cat > "$qt6ct_conf" <<CONF
[Appearance]
color_scheme_path=/usr/share/qt6ct/colors/darker.conf
custom_palette=true
style=Fusion
CONF
log "starting dm-remap-manager in a dark colour scheme"
QT_QPA_PLATFORMTHEME=qt6ct QT_QPA_PLATFORM=xcb \
    /usr/bin/dm-remap-manager --show "$pair" --page overview >> "$OUT/app.log" 2>&1 &
app_pid=$!
screenshot 07-dark-pair-unreadable.png

{
    printf 'MAIN=%q\nSPARE=%q\nPAIR=%q\n' "$main_text" "$spare_text" "$pair ($dev)"
    printf 'REMAPPED=%q\nCAPACITY=%q\nPENDING=%q\nSTATE=%q\n' "$remapped" "$capacity" "$unreadable" "$state"
    printf 'DATA_MIB=%q\nWRITTEN_SHA256=%q\nREAD_SHA256=%q\n' "$data_mib" "$written_sha" "$read_sha"
    printf 'NOTIFICATION=%q\n' "$notification"
    printf 'SCREEN=%q\n' "${E2E_SCREEN%x*}"
} > "$summary"
[ "$read_sha" = "$written_sha" ] || e2e_fail "the data read back differs from what was written"
say "done"
