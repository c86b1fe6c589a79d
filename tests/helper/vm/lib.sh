# Guest-side helpers for the helper's VM test: a system bus, polkitd (with the
# project's action file and the test's rules bind-mounted over the read-only
# host root) and dm-remap-helper, as on a real machine but without systemd.
# Usage: . lib.sh <source dir> <build dir>
SRC=$1
BUILD=$2
# shellcheck source=../../vm/lib.sh
. "$SRC/tests/vm/lib.sh"
CTL=$BUILD/ctl/dm-remapctl
# The helper's state (the pair record); run.sh carries it to the next boot.
STATE=$OUT/state
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/dbus-test/system_bus_socket
PIDS=()
HELPER_ARGS=() # more options for dm-remap-helper, set before start_services
# The history database on tmpfs: SQLite's WAL needs shared memory, which the
# 9p share holding $STATE does not give.
HISTORY=/run/history.db

fail() {
    echo "FAIL: $*" >&2
    [ -f "$OUT/helper.log" ] && { echo "--- helper log" >&2; tail -n 40 "$OUT/helper.log" >&2; }
    exit 1
}

start_services() {
    mkdir -p /run/dbus-test /run/polkit-actions /run/polkit-rules
    chmod 755 /run/dbus-test
    sed -e "s|@SOCKET@|/run/dbus-test/system_bus_socket|" \
        -e "s|@DMREMAP_CONF@|$SRC/resources/org.dmremap.Manager1.conf|" \
        "$SRC/tests/helper/system-bus.conf.in" > /run/dbus-test/bus.conf
    dbus-daemon --config-file=/run/dbus-test/bus.conf --nofork > "$OUT/dbus.log" 2>&1 &
    PIDS+=($!)
    wait_for 10 test -S /run/dbus-test/system_bus_socket || fail "dbus-daemon did not start"
    cp "$SRC/resources/org.dmremap.Manager1.policy" /run/polkit-actions/
    mount --bind /run/polkit-actions /usr/share/polkit-1/actions
    mount --bind /run/polkit-rules /etc/polkit-1/rules.d
    /usr/lib/polkit-1/polkitd --no-debug > "$OUT/polkit.log" 2>&1 &
    PIDS+=($!)
    wait_for 20 gdbus introspect --system --dest org.freedesktop.PolicyKit1 --object-path /org/freedesktop/PolicyKit1/Authority \
        || fail "polkitd did not start"
    # $OUT outlives the boot: this boot's log only, or a check would find an
    # earlier run's lines.
    "$BUILD/helper/dm-remap-helper" --state-dir "$STATE" --history "$HISTORY" ${HELPER_ARGS[@]+"${HELPER_ARGS[@]}"} > "$OUT/helper.log" 2>&1 &
    HELPER_PID=$!
    PIDS+=($HELPER_PID)
    wait_for 30 "$CTL" disks || fail "dm-remap-helper did not answer"
}

# Stops the helper, runs a command (what happens meanwhile), starts it again.
restart_helper_with() {
    kill "$HELPER_PID"
    wait "$HELPER_PID" 2>/dev/null || true
    "$@" || fail "while the helper was stopped: $*"
    "$BUILD/helper/dm-remap-helper" --state-dir "$STATE" --history "$HISTORY" ${HELPER_ARGS[@]+"${HELPER_ARGS[@]}"} >> "$OUT/helper.log" 2>&1 &
    HELPER_PID=$!
    PIDS+=($HELPER_PID)
    wait_for 30 "$CTL" disks || fail "dm-remap-helper did not answer after its restart"
}

# --- the background scan of pair safe (scan.sh, metrics.sh) -----------------
main_sectors_read() {
    awk '{ print $3 }' "/sys/block/$(basename "$MAIN")/stat"
}

scan_field() { # <key of dm-remapctl --json scan status>
    ctl 0 --json scan status safe
    json "j['$1']"
}

scan_state_is() { # <state>; $RUN_OUT holds the status it read
    ctl 0 --json scan status safe
    [ "$(json "j['state']")" = "$1" ]
}

stop_services() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    # Only these: a suite's own background loop (fio) may outlive a failure.
    wait "${PIDS[@]}" 2>/dev/null || true
}

# A disk's path by serial, from the helper's list.
disk_by_serial() {
    ctl 0 --json disks
    json "[d['path'] for d in j if d['serial'] == '$1'][0]"
}

# nobody calls ImportPair on a disk path without a dry run: must be refused.
import_refused_to_nobody() {
    local object out
    ctl 0 --json disks
    object=$(json "[d['object'] for d in j if d['path'] == '$1'][0]")
    if out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups gdbus call --system --dest org.dmremap.Manager1 \
            --object-path /org/dmremap/Manager1 --method org.dmremap.Manager1.ImportPair "$object" "{}" 2>&1); then
        fail "nobody could import $1: $out"
    fi
    case $out in *org.freedesktop.DBus.Error.AccessDenied*) ;; *) fail "import as nobody: $out" ;; esac
}
