# The background scan of pair "safe" (scsi_debug main disk, 64 MiB) at a
# set rate (--scan-rate 2048 KiB/s): held to its rate, paused while others
# read the pair, stopped and kept across a restart of the helper, then left
# running when the first boot ends; the second boot goes on from where it was
# and finds the latent bad blocks, reading the disk no more than needed.
# Sourced by pair.sh and assemble.sh after lib.sh.
SCAN_RATE=$((2048 * 1024))
SCAN_CHUNK=$((512 * 1024)) # the reader's chunk at that rate
HELPER_ARGS+=(--scan-rate 2048)

scan_position_above() { # <bytes>
    [ "$(scan_field position)" -gt "$1" ]
}

scan_first_boot() {
    step "background scan: rate held"
    ctl 0 --json scan status safe
    [ "$(json "j['state'], j['position'], j['last-finished'], j['rate'], j['next'] > 0")" = "('idle', 0, 0, $SCAN_RATE, True)" ] \
        || fail "scan before a pass: $RUN_OUT"
    local before t0 t1 position read
    before=$(main_sectors_read)
    t0=$(date +%s.%N)
    ctl 0 scan start safe
    sleep 6
    [ "$(scan_field state)" = running ] || fail "scan not running: $RUN_OUT"
    ctl 0 scan stop safe
    t1=$(date +%s.%N)
    ctl 0 --json scan status safe
    position=$(json "j['position']")
    [ "$(json "j['state'], j['size'], j['pass-started'] > 0")" = "('stopped', 67108864, True)" ] || fail "scan stopped: $RUN_OUT"
    python3 -c "import sys; p, t = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); r = $SCAN_RATE
sys.exit(not (r * t * 0.5 <= p <= r * t + $SCAN_CHUNK))" "$position" "$t0" "$t1" \
        || fail "scan read $position bytes in $(python3 -c "print(round($t1 - $t0, 2))") s at $SCAN_RATE bytes/s"
    # Blocks 5000 and 20000 are on the spare: the main disk reads 8 KiB less.
    read=$(( ($(main_sectors_read) - before) * 512 ))
    [ "$read" -ge $((position - 8192)) ] && [ "$read" -le $((position + 2 * SCAN_CHUNK)) ] \
        || fail "the main disk read $read bytes for a scan at $position"
    ctl 0 scan start safe

    step "background scan: paused while the pair is busy"
    touch /run/busy
    sh -c 'while [ -e /run/busy ]; do dd if=/dev/mapper/safe of=/dev/null bs=1M count=8 iflag=direct status=none; done' &
    local busy=$! p1 p2
    wait_for 5 scan_state_is paused-busy || fail "no pause while busy: $RUN_OUT"
    p1=$(scan_field position)
    sleep 3
    p2=$(scan_field position)
    [ "$(scan_field state)" = paused-busy ] || fail "not paused while busy: $RUN_OUT"
    [ $((p2 - p1)) -le "$SCAN_CHUNK" ] || fail "the scan read $((p2 - p1)) bytes while the pair was busy"
    rm /run/busy
    wait "$busy" || true
    wait_for 5 scan_state_is running || fail "no resume once quiet: $RUN_OUT"

    step "background scan: stopped, kept across a restart of the helper"
    ctl 0 scan stop safe
    position=$(scan_field position)
    sleep 1
    [ "$(scan_field state) $(scan_field position)" = "stopped $position" ] || fail "scan after stop: $RUN_OUT"
    restart_helper_with true
    ctl 0 --json scan status safe
    [ "$(json "j['state'], j['position']")" = "('stopped', $position)" ] || fail "scan after the helper's restart: $RUN_OUT"
    ctl 0 scan start safe
    wait_for 10 scan_position_above "$position" || fail "the scan did not go on from $position: $RUN_OUT"
    # The helper is stopped while the scan runs (as at shutdown), then the
    # pair goes: the second boot takes the scan up from where it was then.
    echo "$position" > "$OUT/scan-position"
    restart_helper_with dmsetup remove safe
}

scan_second_boot() { # after assemble; the main disk's reads counted since before it
    step "background scan: goes on after the reboot and finds the latent blocks"
    local stopped from read
    stopped=$(cat "$OUT/scan-position")
    # Where the first boot's helper left it at SIGTERM, past where it was stopped.
    from=$(sed -n 's/^dm-remap-helper: pair safe: background scan goes on at byte \([0-9]*\) of 67108864$/\1/p' "$OUT/helper.log" | tail -n 1)
    [ -n "$from" ] && [ "$from" -gt "$stopped" ] || fail "the scan did not go on after the reboot from where it was (stopped at $stopped): ${from:-no resume in the log}"
    wait_for 60 scan_state_is idle || fail "the pass did not end: $RUN_OUT"
    ctl 0 --json scan status safe
    [ "$(json "j['state'], j['position'], j['read-errors'] >= 1, j['next'] > j['last-finished']")" = "('idle', 0, True, True)" ] \
        || fail "scan after its pass: $RUN_OUT"
    ctl 0 --json pending safe
    [ "$(json "j")" = "[126976, 126984]" ] || fail "pending after the scan: $RUN_OUT"
    # Only the rest of the pass was read from the main disk (less its blocks
    # on the spare; the failing chunk's blocks once more each, and what udev
    # reads), not the part before the reboot.
    local on_spare
    ctl 0 --json remaps safe
    on_spare=$(json "sum(4096 for r in j if r['main-sector'] * 512 >= $from)")
    read=$(( ($(main_sectors_read) - SCAN_MAIN_READ_BEFORE) * 512 ))
    [ "$read" -ge $((67108864 - from - on_spare)) ] && [ "$read" -le $((67108864 - from - on_spare + 4 * 1024 * 1024)) ] \
        || fail "the main disk read $read bytes to scan the $((67108864 - from)) left ($on_spare on the spare)"
}
