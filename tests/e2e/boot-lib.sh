# Shared by boot1.sh and boot2.sh: the installed stack started, the disks and
# the assertions' tools. Usage: . boot-lib.sh <source dir> <build dir>
#   <staging dir> <dm-remap.ko> <module index dir>
SRC=$1 BUILD=$2 STAGING=$3 MODULE=$4 MODULE_INDEX=$5
. "$SRC/tests/vm/lib.sh"
. "$SRC/tests/e2e/guest-lib.sh"
fail() { e2e_fail "$@"; }

TST=$BUILD/tests/e2e/tst_e2e
CTL=/usr/bin/dm-remapctl
PAIR=e2e
SPARE=/dev/nvme0n1
# Eight 4 KiB blocks of the main disk go bad: sectors [BAD_SECTOR, +BAD_COUNT).
BAD_SECTOR=40960 BAD_COUNT=64 REMAPS=8
CARRY=$OUT/carry
APP_PID=

# One function of the QtTest program driving the app's classes.
app_test() { # <test function> [VAR=value ...]
    local function=$1
    shift
    env MAIN="$MAIN" SPARE="$SPARE" PAIR="$PAIR" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@" \
        "$TST" "$function" > "$OUT/tst_e2e-$function.log" 2>&1 \
        || { cat "$OUT/tst_e2e-$function.log"; fail "the app's $function failed"; }
    grep "^QDEBUG\|^QINFO\|^Totals" "$OUT/tst_e2e-$function.log" || true
}

install_stack() {
    step "install the staged tree, the module as DKMS would leave it"
    e2e_install "$STAGING" "$MODULE" "$MODULE_INDEX"
    modprobe dm-remap || fail "modprobe dm-remap failed after install"
    [ "$(modinfo -n dm-remap)" = "/lib/modules/$(uname -r)/updates/dm-remap.ko" ] || fail "modprobe found $(modinfo -n dm-remap)"
    dmsetup targets | grep -qw remap || fail "no remap target after modprobe"
    trap stop_all EXIT
    e2e_start_system
}

stop_all() {
    stop_app
    e2e_stop_desktop
    e2e_stop_system
}

# Reads of the main disk's bad sectors fail from now on (on), or never (off).
bad_sectors() { # on|off
    if [ "$1" = on ]; then medium_errors "$BAD_SECTOR" "$BAD_COUNT"; else medium_errors 0 0; fi
}

# The installed app, as root (a guest has no other desktop user), with its
# settings in $CARRY/home so they survive the reboot like a real home.
start_app() {
    mkdir -p "$CARRY/home"
    HOME=$CARRY/home LANG=C.UTF-8 LC_ALL=C.UTF-8 /usr/bin/dm-remap-manager > "$OUT/app.log" 2>&1 &
    APP_PID=$!
    wait_for 60 app_window || fail "the installed app shows no window: $(cat "$OUT/app.log")"
}

app_window() {
    kill -0 "$APP_PID" && xwininfo -root -tree | grep -q '"Disk Remap Manager"'
}

stop_app() {
    [ -n "$APP_PID" ] || return 0
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

# The app's notifier records what it has told the user once it has checked.
app_has_checked() {
    grep -q "pair-$PAIR" "$CARRY/home/.config/dm-remap/dm-remap-manager.conf"
}

# A notification dunst showed, matching all the fixed strings given.
notification_shown() { # <text>...
    local line text
    while IFS= read -r line; do
        for text in "$@"; do
            case $line in *"$text"*) ;; *) continue 2 ;; esac
        done
        return 0
    done < "$E2E_NOTIFICATIONS"
    return 1
}

wait_notification() { # <text>...
    wait_for 60 notification_shown "$@" \
        || fail "no notification with '$*'; dunst showed: $(cat "$E2E_NOTIFICATIONS")"
    echo "   notification: $(grep -F "$1" "$E2E_NOTIFICATIONS" | tail -n1 | tr '\t' '|')"
}

device_sum() {
    sha256sum < "/dev/mapper/$PAIR" | cut -d' ' -f1
}
