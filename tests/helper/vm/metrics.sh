# Fleet monitoring on a live pair: the helper writes its metrics into the
# default textfile directory, Debian's prometheus-node-exporter serves them,
# Debian's prometheus scrapes them and loads the shipped alerting rules; bad
# blocks injected into the main disk (scsi_debug medium errors) show in
# Prometheus' answers, and the event hook gets each event with its
# environment, a hanging hook neither blocks the helper nor outlives its
# timeout. Then the background scan: paused while the main disk sleeps, and
# finding weak blocks on a second disk (QEMU's blkdebug) for the target to
# move.
. "$(dirname "$0")/lib.sh" "$@"
trap stop_services EXIT
TEXTFILE_DIR=/var/lib/prometheus/node-exporter # the helper's and node_exporter's default
HOOK=/run/hook/event-hook
EVENTS=$OUT/hook-events
PROM=http://127.0.0.1:9090

ip link set lo up
# The shared root is read-only: the default directory becomes writable here.
mount -t tmpfs -o mode=0755 tmpfs "$TEXTFILE_DIR"
mkdir -m 0755 /run/hook
cat > "$HOOK" <<HOOK
#!/bin/sh
env | grep '^DMREMAP_' | sort > "$EVENTS.\$(date +%s%N)"
[ -e /run/hook/hang ] && [ "\$DMREMAP_EVENT" = blocks-moved ] && { echo "hook hangs"; sleep 600; }
echo "hook saw \$DMREMAP_EVENT of \$DMREMAP_PAIR"
HOOK
chmod 0755 "$HOOK"
rm -f "$EVENTS".*
HELPER_ARGS=(--event-hook "$HOOK" --event-hook-timeout 30) # generous: TCG on a loaded machine
start_services
modprobe sd_mod
load_scsi_debug
ctl 0 --json disks
NVME=$(json "[d['path'] for d in j if d['serial'] == 'SPARE0001'][0]")
MAIN_SERIAL=$(json "[d['serial'] for d in j if d['path'] == '$MAIN'][0]")

prometheus-node-exporter --web.listen-address=127.0.0.1:9100 --collector.disable-defaults --collector.textfile \
    > "$OUT/node-exporter.log" 2>&1 &
PIDS+=($!)
mkdir -p /run/prometheus
cat > /run/prometheus/prometheus.yml <<YML
global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: [$SRC/monitoring/prometheus/dm-remap.rules.yml]
scrape_configs: [{job_name: node, static_configs: [{targets: ['127.0.0.1:9100']}]}]
YML
prometheus --config.file=/run/prometheus/prometheus.yml --storage.tsdb.path=/run/prometheus/data \
    --web.listen-address=127.0.0.1:9090 > "$OUT/prometheus.log" 2>&1 &
PIDS+=($!)

# query <PromQL>: the answer's samples as "labels=value" lines, sorted.
query() {
    python3 - "$PROM" "$1" <<'PY'
import json, sys, urllib.parse, urllib.request
url = sys.argv[1] + "/api/v1/query?" + urllib.parse.urlencode({"query": sys.argv[2]})
answer = json.load(urllib.request.urlopen(url, timeout=5))
assert answer["status"] == "success", answer
for r in sorted(answer["data"]["result"], key=lambda r: sorted(r["metric"].items())):
    labels = ",".join(f"{k}={v}" for k, v in sorted(r["metric"].items()) if k not in ("instance", "job", "__name__"))
    print(f"{labels}={r['value'][1]}")
PY
}
# expect <seconds> <PromQL> <answer>: Prometheus gives that answer in time.
expect() {
    local deadline=$(( $(date +%s) + $1 )) got=
    while [ "$(date +%s)" -lt "$deadline" ]; do
        got=$(query "$2" 2>/dev/null || true)
        [ "$got" = "$3" ] && return 0
        sleep 0.5
    done
    fail "Prometheus answers \"$2\" with \"$got\", not \"$3\""
}
status() { # the pair's status, read by the helper now (it learns of a failed read only so, or by its poll)
    gdbus call --system --dest org.dmremap.Manager1 --object-path /org/dmremap/Manager1/pairs/safe \
        --method org.dmremap.Pair1.GetStatus > /dev/null
}
event_with() { # <grep pattern...>: some hook run saw every pattern
    local f p ok
    for f in "$EVENTS".*; do
        [ -e "$f" ] || continue
        ok=1
        for p in "$@"; do grep -qx -- "$p" "$f" || ok=; done
        [ -n "$ok" ] && return 0
    done
    return 1
}

step "a pair: its metrics file, as promtool and Prometheus read it"
ctl 0 pair create safe "$MAIN" "$NVME" --erase-spare --block-size 8 --read-retries 0
wait_for 10 grep -q '^dmremap_pairs 1$' "$TEXTFILE_DIR/dm-remap.prom" || fail "no pair in the metrics file: $(cat "$TEXTFILE_DIR/dm-remap.prom" 2>&1)"
[ "$(stat -c %a "$TEXTFILE_DIR/dm-remap.prom")" = 644 ] || fail "the metrics file is not readable to node_exporter"
promtool check metrics < "$TEXTFILE_DIR/dm-remap.prom" > /run/promtool.out 2>&1 || fail "promtool: $(cat /run/promtool.out)"
[ ! -s /run/promtool.out ] || fail "promtool: $(cat /run/promtool.out)"
# Only the documented labels: never a sector number.
! grep -Eo '[a-z_]+="' "$TEXTFILE_DIR/dm-remap.prom" | sort -u | grep -vxE '(pair|main_serial|spare_serial|state|serial|model|verdict)="' \
    || fail "unexpected labels in the metrics file"
wait_for 60 query up || fail "Prometheus does not answer: $(tail -5 "$OUT/prometheus.log")"
start=$(date +%s)
expect 60 'dmremap_pair_moved_blocks' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=0"
echo "first scrape of the pair after $(( $(date +%s) - start )) s"
expect 10 'dmremap_pair_state == 1' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001,state=ok=1"
expect 10 'count(dmremap_disk_smart_verdict{serial="SPARE0001"})' "=4"
expect 10 'count(ALERTS)' ""
# Every rule the file ships is loaded and evaluates without error (a rule is
# "unknown" until its first evaluation, so wait for that).
shipped=$(grep -cE '^\s*- (alert|record):' "$SRC/monitoring/prometheus/dm-remap.rules.yml")
healthy_rules() {
    python3 -c 'import json, urllib.request
r = json.load(urllib.request.urlopen("'$PROM'/api/v1/rules"))
print(sum(1 for g in r["data"]["groups"] for x in g["rules"] if x["health"] == "ok"))'
}
all_rules_healthy() { [ "$(healthy_rules)" = "$shipped" ]; }
wait_for 10 all_rules_healthy || fail "Prometheus has $(healthy_rules) healthy dm-remap rules, not the $shipped shipped"

step "an unreadable block: pending in Prometheus, the hook told"
medium_errors 20000 8
! dd if=/dev/mapper/safe of=/dev/null bs=4096 skip=2500 count=1 iflag=direct 2>/dev/null || fail "a read of a bad block succeeded"
injected=$(date +%s)
status
expect 30 'dmremap_pair_pending_blocks{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=1"
echo "pending block in Prometheus $(( $(date +%s) - injected )) s after the failed read"
expect 10 'dmremap_pair_unreadable_sectors{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=8"
expect 10 'count(dmremap_pair_read_errors_total{pair="safe"} > 0)' "=1"
wait_for 45 event_with DMREMAP_EVENT=blocks-pending DMREMAP_PAIR=safe DMREMAP_PENDING=1 DMREMAP_MOVED=0 DMREMAP_STATE=ok \
    "DMREMAP_MAIN_SERIAL=$MAIN_SERIAL" DMREMAP_SPARE_SERIAL=SPARE0001 DMREMAP_DEVICE=/dev/mapper/safe \
    || fail "the hook did not get blocks-pending with its environment: $(cat "$EVENTS".* 2>&1)"
grep -q 'event hook blocks-pending: hook saw blocks-pending of safe' "$OUT/helper.log" || fail "the hook's output is not in the helper's log"

step "a hook that hangs: the helper serves on, the metrics move on, the hook is killed"
touch /run/hook/hang
dd if=/dev/zero of=/dev/mapper/safe bs=4096 seek=2500 count=1 oflag=direct conv=fsync 2>/dev/null || fail "the write that moves the block failed"
wait_for 45 grep -q 'event hook blocks-moved: hook hangs' "$OUT/helper.log" || fail "the hook did not start for blocks-moved"
hung=$(date +%s%N)
ctl 0 --json disks
answered=$(( ($(date +%s%N) - hung) / 1000000 ))
[ "$answered" -lt 2000 ] || fail "the helper took $answered ms to answer while the hook hung"
echo "helper answered in $answered ms while the hook hung"
expect 20 'dmremap_pair_moved_blocks{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=1"
expect 10 'dmremap_pair_pending_blocks{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=0"
expect 10 'dmremap_pair_spare_slots_used{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=1"
wait_for 45 grep -q 'event hook for blocks-moved still runs after 30 s: killed' "$OUT/helper.log" || fail "the hanging hook was not killed"
! pgrep -f 'sleep 600' > /dev/null || fail "the hook's sleep outlived the kill"
rm /run/hook/hang
ctl 0 remap safe 8000
wait_for 45 event_with DMREMAP_EVENT=blocks-moved DMREMAP_PAIR=safe DMREMAP_MOVED=2 DMREMAP_PENDING=0 \
    || fail "the next event's hook did not run: $(cat "$EVENTS".* 2>&1)"
expect 20 'dmremap_pair_moved_blocks{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=2"

step "the background scan as Prometheus reads it, then the pair removed while it runs"
expect 10 'dmremap_pair_scan_state{pair="safe",state="idle"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001,state=idle=1"
expect 10 'dmremap_pair_scan_progress_ratio{pair="safe"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001=0"
medium_errors 0 0
ctl 0 scan start safe
expect 20 'dmremap_pair_scan_state{pair="safe",state="running"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001,state=running=1"
scan_progress_scraped() { [ -n "$(query 'dmremap_pair_scan_progress_ratio{pair="safe"} > 0' 2>/dev/null)" ]; }
wait_for 30 scan_progress_scraped || fail "no scan progress in Prometheus: $(grep scan_progress "$TEXTFILE_DIR/dm-remap.prom")"
promtool check metrics < "$TEXTFILE_DIR/dm-remap.prom" || fail "promtool with a scan running"

step "the main disk in standby: the scan waits for it, and wakes it only within --scan-window"
# QEMU's disks never sleep: smartctl answers for the main disk what it
# answers for a disk in standby (the fixture of tests/helper/fixtures).
cp /usr/sbin/smartctl /run/smartctl.real
cat > /run/smartctl-standby <<SH
#!/bin/sh
case " \$* " in
*" -n standby "*" $MAIN "*) cat "$SRC/tests/helper/fixtures/ide-damaged-standby.json"; exit 2 ;;
esac
exec /run/smartctl.real "\$@"
SH
chmod +x /run/smartctl-standby
mount --bind /run/smartctl-standby /usr/sbin/smartctl
main_read_since() { [ "$(main_sectors_read)" -gt "$1" ]; }
ctl 0 smart "$MAIN" --refresh
wait_for 10 scan_state_is paused-asleep || fail "the scan goes on while the main disk sleeps: $RUN_OUT"
expect 20 'dmremap_pair_scan_state{pair="safe",state="paused-asleep"}' "main_serial=$MAIN_SERIAL,pair=safe,spare_serial=SPARE0001,state=paused-asleep=1"
before=$(main_sectors_read)
sleep 3
! main_read_since "$before" || fail "the sleeping main disk was read: $before, then $(main_sectors_read) sectors"
# A window that holds now (and the next half hour): the pass may wake it.
window="$(date -d '-1 min' +%H:%M)-$(date -d '+30 min' +%H:%M)"
HELPER_ARGS+=(--scan-window "$window")
restart_helper_with true
main_asleep() { ctl 0 --json smart "$MAIN"; [ "$(json "j.get('asleep')")" = True ]; }
wait_for 30 main_asleep || fail "the main disk is not asleep to the restarted helper: $RUN_OUT"
sleep 1 # what the helper decided once it knew
scan_state_is running || fail "no scan within the window $window: $RUN_OUT"
before=$(main_sectors_read)
wait_for 10 main_read_since "$before" || fail "the scan read nothing within the window"
umount /usr/sbin/smartctl

step "the pair removed: gone from the file"
ctl 0 pair remove safe
expect 20 'dmremap_pairs' "=0"
expect 10 'count(dmremap_pair_moved_blocks)' ""
promtool check metrics < "$TEXTFILE_DIR/dm-remap.prom" || fail "promtool after the removal"

step "weak blocks: the scan reads them on a retry, the target moves them with their data"
# WEAK0001 fails the first two reads of sectors 30000 and 40000 with EIO and
# reads them after (vm-run --weak-sectors, QEMU's blkdebug): the scan's read
# of a chunk fails, the target's read of each of its blocks finds the one
# that fails once more and reads on a retry. Nothing reads the middle of the
# disk before the scan.
WEAK=
for d in /sys/block/vd*; do [ "$(cat "$d/serial" 2>/dev/null)" = WEAK0001 ] && WEAK=/dev/$(basename "$d"); done
[ -n "$WEAK" ] || fail "no virtio disk WEAK0001"
head -c 32M /dev/urandom > /run/weak-data
dd if=/run/weak-data of="$WEAK" bs=1M oflag=direct conv=fsync status=none || fail "writing the weak disk's data"
HELPER_ARGS+=(--scan-rate 8192)
restart_helper_with true
ctl 0 pair create weak "$WEAK" "$NVME" --erase-spare --block-size 8 --read-retries 2
ctl 0 scan start weak
pass_done() { ctl 0 --json scan status weak; [ "$(json "j['state']")" = idle ] && [ "$(json "j['last-finished'] > 0")" = True ]; }
wait_for 120 pass_done || fail "the scan of the weak disk did not end: $RUN_OUT"
[ "$(json "j['read-errors']")" = 0 ] || fail "a weak block failed the scan's read: $RUN_OUT"
ctl 0 --json remaps weak
[ "$(json "sorted(r['main-sector'] for r in j)")" = "[30000, 40000]" ] || fail "the weak blocks were not moved: $RUN_OUT"
ctl 0 --json pair list
[ "$(json "[p['pending'] for p in j if p['name'] == 'weak'][0]")" = 0 ] || fail "pending blocks after the scan: $RUN_OUT"
for block in 3750 5000; do
    cmp <(dd if=/dev/mapper/weak bs=4096 skip=$block count=1 iflag=direct status=none) \
        <(dd if=/run/weak-data bs=4096 skip=$block count=1 status=none) || fail "moved block $block lost its data"
done
expect 20 'dmremap_pair_moved_blocks{pair="weak"}' "main_serial=WEAK0001,pair=weak,spare_serial=SPARE0001=2"
ctl 0 pair remove weak
echo "metrics: all checks passed"
