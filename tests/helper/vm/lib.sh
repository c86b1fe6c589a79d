# Guest-side helpers for the helper's VM test: a system bus, polkitd (with the
# project's action file and the test's rules bind-mounted over the read-only
# host root) and dm-remap-helper, as on a real machine but without systemd.
# Usage: . lib.sh <source dir> <build dir>
set -euo pipefail
SRC=$1
BUILD=$2
CTL=$BUILD/ctl/dm-remapctl
# The helper's state (the pair record); run.sh carries it to the next boot.
STATE=$OUT/state
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/dbus-test/system_bus_socket
PIDS=()
HELPER_ARGS=() # more options for dm-remap-helper, set before start_services

fail() {
    echo "FAIL: $*" >&2
    [ -f "$OUT/helper.log" ] && { echo "--- helper log" >&2; tail -n 40 "$OUT/helper.log" >&2; }
    exit 1
}

step() { echo "== $*"; }

# ctl <expected exit code> <args...>: runs dm-remapctl, output in $RUN_OUT/$RUN_ERR.
ctl() {
    local want=$1 rc=0
    shift
    "$CTL" "$@" > /run/ctl.out 2> /run/ctl.err || rc=$?
    RUN_OUT=$(cat /run/ctl.out)
    RUN_ERR=$(cat /run/ctl.err)
    [ "$rc" = "$want" ] || fail "dm-remapctl $* exited $rc, not $want: $RUN_ERR $RUN_OUT"
}

wait_for() { # <seconds> <command...>
    local tries=$(( $1 * 10 ))
    shift
    while ! "$@" > /dev/null 2>&1; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || return 1
        sleep 0.1
    done
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
    "$BUILD/helper/dm-remap-helper" --state-dir "$STATE" ${HELPER_ARGS[@]+"${HELPER_ARGS[@]}"} >> "$OUT/helper.log" 2>&1 &
    HELPER_PID=$!
    PIDS+=($HELPER_PID)
    wait_for 30 "$CTL" disks || fail "dm-remap-helper did not answer"
}

stop_services() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}

# A scsi_debug disk stands in for the ageing main disk: its medium errors can
# be switched on for a sector range at run time. Its WWN comes from its SCSI
# host number, the same on every boot of this VM.
load_scsi_debug() {
    modprobe scsi_debug dev_size_mb=64 opts=0
    local d
    for _ in $(seq 100); do
        for d in /sys/block/sd*; do
            if grep -q scsi_debug "$d/device/model" 2>/dev/null; then
                MAIN=/dev/$(basename "$d")
                return 0
            fi
        done
        sleep 0.1
    done
    fail "scsi_debug disk did not appear"
}

# Reads of [start, start + count) sectors fail with a medium error (or stop).
medium_errors() { # <start> <count>
    echo "$1" > /sys/module/scsi_debug/parameters/medium_error_start
    echo "$2" > /sys/module/scsi_debug/parameters/medium_error_count
    if [ "$2" -gt 0 ]; then echo 2 > /sys/module/scsi_debug/parameters/opts; else echo 0 > /sys/module/scsi_debug/parameters/opts; fi
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

json() { # <python expression on j>, evaluated on the JSON in $RUN_OUT
    python3 -c "import json,sys; j=json.loads(sys.argv[1]); v=($1); print(v if isinstance(v, str) else repr(v))" "$RUN_OUT"
}
