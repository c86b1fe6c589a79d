# Guest-side helpers for the VM suites: sourced by tests/vm/suites/*.sh.
# Memory-backed null_blk devices with injectable bad sectors, dm-remap status
# parsing and assertions. Everything here runs inside the guest as root.
set -euo pipefail
shopt -s inherit_errexit

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

step() {
    echo "== $(cut -d' ' -f1 /proc/uptime)s: $*"
}

disk_with_serial() { # <serial>: the NVMe disk with that serial
    local d
    for d in /sys/block/nvme*n1; do
        [ "$(tr -d ' ' < "$d/device/serial")" = "$1" ] && { echo "/dev/$(basename "$d")"; return 0; }
    done
    return 1
}

expect_eq() { # <actual> <expected> <what>
    [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

# Runs a command that must fail; its error output goes to $OUT/last-error.
expect_fail() { # <what> <command...>
    local what=$1
    shift
    if "$@" > "$OUT/last-error" 2>&1; then
        fail "$what: '$*' succeeded"
    fi
    echo "   refused as expected: $(tr '\n' ' ' < "$OUT/last-error" | cut -c1-200)"
}

wait_for() { # <seconds> <command...>: until the command succeeds
    local tries=$(( $1 * 10 ))
    shift
    while ! "$@" > /dev/null 2>&1; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || return 1
        sleep 0.1
    done
}

# --- dm-remapctl ------------------------------------------------------------
# ctl <expected exit code> <args...>: runs $CTL (dm-remapctl), output in
# $RUN_OUT and $RUN_ERR.
ctl() {
    local want=$1 rc=0
    shift
    "$CTL" "$@" > /run/ctl.out 2> /run/ctl.err || rc=$?
    RUN_OUT=$(cat /run/ctl.out)
    RUN_ERR=$(cat /run/ctl.err)
    [ "$rc" = "$want" ] || fail "dm-remapctl $* exited $rc, not $want: $RUN_ERR $RUN_OUT"
}

json() { # <python expression on j>, evaluated on the JSON in $RUN_OUT
    python3 -c "import json,sys; j=json.loads(sys.argv[1]); v=($1); print(v if isinstance(v, str) else repr(v))" "$RUN_OUT"
}

# --- a scsi_debug main disk with medium errors ------------------------------
# It stands in for the ageing main disk: its medium errors can be switched on
# for a sector range at run time. Its WWN comes from its SCSI host number, the
# same on every boot of the VM. Sets MAIN.
load_scsi_debug() {
    local d
    modprobe sd_mod
    modprobe scsi_debug dev_size_mb=64 opts=0
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
    if [ "$2" -gt 0 ]; then echo 2; else echo 0; fi > /sys/module/scsi_debug/parameters/opts
}

# --- memory-backed null_blk with bad sectors -------------------------------
nullb_root=/sys/kernel/config/nullb

# The disk is named after its configfs folder: /dev/<name>. With a cache
# size, it has a volatile write cache and honours FUA and flushes.
nullb_new() { # <name> <size MiB> [<block size>] [<cache MiB>] -> prints /dev/<name>
    local name=$1 mib=$2 bs=${3:-512} cache=${4:-0} d
    [ -d $nullb_root ] || modprobe null_blk nr_devices=0
    d=$nullb_root/$name
    mkdir "$d"
    echo "$mib" > "$d/size"
    echo "$bs" > "$d/blocksize"
    echo "$cache" > "$d/cache_size"
    echo 1 > "$d/memory_backed"
    echo 1 > "$d/power"
    echo "/dev/$name"
}

nullb_del() { # <name>
    echo 0 > "$nullb_root/$1/power"
    rmdir "$nullb_root/$1"
}

# Sectors first..last (inclusive) fail every read and write until healed.
nullb_bad() { # <name> <first sector> <last sector>
    echo "+$2-$3" > "$nullb_root/$1/badblocks"
}

nullb_heal() { # <name> <first sector> <last sector>
    echo "-$2-$3" > "$nullb_root/$1/badblocks"
}

# --- dm-remap ---------------------------------------------------------------
# Sets RS_BS RS_USED RS_CAP RS_PENDING RS_RERR RS_WERR RS_STATE
# RS_UNREADABLE RS_WEAK RS_REPAIRED RS_FAILED from `dmsetup status` of a
# one-target remap device.
remap_status() { # <dm name>
    local line
    line=$(dmsetup status "$1") || fail "dmsetup status $1"
    set -- $line
    [ "$3" = remap ] || fail "status of a non-remap target: $line"
    RS_BS=$4
    RS_USED=${5%/*}
    RS_CAP=${5#*/}
    RS_PENDING=$6
    RS_RERR=$7
    RS_WERR=$8
    RS_STATE=$9
    RS_UNREADABLE=${10:-}
    RS_WEAK=${11:-}
    RS_REPAIRED=${12:-}
    RS_FAILED=${13:-}
}

# Every remap, "<main_sector> <spare_sector>" per line, paging through `list`
# by sector: each page starts after the last sector of the one before.
remap_list() { # <dm name>
    local from=0 page last
    while :; do
        page=$(dmsetup message "$1" 0 list "$from" 1000) || fail "list $from on $1"
        [ -n "$page" ] || break
        echo "$page"
        [ "$(printf '%s\n' "$page" | wc -l)" -eq 1000 ] || break
        last=$(printf '%s\n' "$page" | tail -n 1 | cut -d' ' -f1)
        from=$((last + 1))
    done
}

remap_pending() { # <dm name>
    dmsetup message "$1" 0 pending
}

# Remapped count from status equals the number of list lines; both sorted,
# block-aligned and without duplicates.
check_list_consistent() { # <dm name>
    local list n
    remap_status "$1"
    remap_list "$1" > "$OUT/list.$1"
    n=$(wc -l < "$OUT/list.$1")
    expect_eq "$n" "$RS_USED" "$1: list lines vs remapped in status"
    sort -n -k1,1 -c "$OUT/list.$1" || fail "$1: list is not sorted by main sector"
    [ -z "$(cut -d' ' -f1 "$OUT/list.$1" | uniq -d)" ] || fail "$1: a main block is listed twice"
    [ -z "$(cut -d' ' -f2 "$OUT/list.$1" | sort | uniq -d)" ] || fail "$1: a spare slot is used twice"
    awk -v bs="$RS_BS" '$1 % bs || $2 % bs { exit 1 }' "$OUT/list.$1" \
        || fail "$1: list entry not aligned to $RS_BS sectors"
}

# Number of failed remap constructors the kernel logged ("table: <dev>:
# remap: <why> (-E...)"): each refused table line must add one.
refusal_log_count() {
    dmesg | grep -c "device-mapper: table: .*: remap: " || true
}

# Creating <name> from <table> must fail with EINVAL (or the error given);
# afterwards the device must not exist.
refuse_table() { # <what> <name> <table> [<expected error>]
    expect_fail "$1" dmsetup create "$2" --table "$3"
    grep -q "${4:-Invalid argument}" "$OUT/last-error" || fail "$1: not ${4:-EINVAL}: $(cat "$OUT/last-error")"
    ! dmsetup info "$2" > /dev/null 2>&1 || fail "$1: device $2 exists after a refused create"
    REFUSED=$((${REFUSED:-0} + 1))
}

# Every refusal since <count> was logged with its reason.
check_refusals_logged() { # <count before>
    local now
    now=$(refusal_log_count)
    [ $((now - $1)) -ge "$REFUSED" ] || fail "only $((now - $1)) kernel log lines for $REFUSED refused tables"
}

# The module must be loaded by vm-run --module.
require_module() {
    grep -qw remap <(dmsetup targets) || fail "the remap target is not loaded"
}

# A random number in [0, n).
rand_below() { # <n>
    echo $(( (RANDOM * 32768 + RANDOM) % $1 ))
}

# --- QEMU monitor ------------------------------------------------------------
# One QMP command, run by vm-run on the host (e.g. device_del of a disk by its
# id dev<N>); prints QEMU's reply and fails on an error reply.
vm_qmp() { # <json command>
    local id=$$.$RANDOM ctl=/run/vm-out/.vm reply
    printf '%s\n' "$1" > "$ctl/qmp-tmp.$id"
    mv "$ctl/qmp-tmp.$id" "$ctl/qmp-request.$id"
    for _ in $(seq 300); do
        if [ -f "$ctl/qmp-reply.$id" ]; then
            reply=$(cat "$ctl/qmp-reply.$id")
            rm -f "$ctl/qmp-reply.$id"
            echo "$reply"
            case $reply in *'"error"'*) return 1 ;; esac
            return 0
        fi
        sleep 0.1
    done
    fail "vm_qmp: no reply from the host to $1"
}
