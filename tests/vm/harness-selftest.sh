#!/bin/bash
# vm-run's own contract: the guest script's exit status comes back, its
# arguments and $OUT arrive, a kernel crash in the guest fails the run, a
# writable root stays in the guest, and vm_qmp unplugs a disk live.
# usage: harness-selftest.sh <vm-run> <cache dir> <out dir>
set -euo pipefail
vm_run=$1 cache=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
cat > "$out/exit7.sh" <<'GUEST'
[ "$1 $2" = "one two words" ] || exit 1
[ "$DM_DISABLE_UDEV" = 1 ] || exit 1
! touch /usr/share/dm-remap-harness-marker 2> /dev/null || exit 1
echo written-in-guest > "$OUT/marker"
exit 7
GUEST
cat > "$out/crash.sh" <<'GUEST'
echo c > /proc/sysrq-trigger
sleep 30
GUEST

cat > "$out/writable-unplug.sh" <<'GUEST'
. "$VM_SRC/tests/vm/lib.sh"
touch /usr/share/dm-remap-harness-marker || fail "writable root is read-only"
[ -b /dev/vda ] && [ -b /dev/nvme0n1 ] || fail "disks missing: $(ls /sys/block)"
vm_qmp '{"execute":"device_del","arguments":{"id":"dev1"}}'
for _ in $(seq 100); do [ -e /sys/block/nvme0n1 ] || break; sleep 0.2; done
[ ! -e /sys/block/nvme0n1 ] || fail "dev1 still present after device_del"
[ -b /dev/vda ] || fail "dev0 went away too"
! vm_qmp '{"execute":"device_del","arguments":{"id":"no-such-device"}}' || fail "QMP error not reported"
GUEST

"$vm_run" --build-dir "$cache" --out "$out/rw" --writable-root \
    --scratch-disk virtio:16M --scratch-disk nvme:16M:UNPLUG1 "$out/writable-unplug.sh" \
    || { echo "FAIL: writable root or live unplug"; exit 1; }
[ ! -e /usr/share/dm-remap-harness-marker ] || { echo "FAIL: the guest wrote to the host root"; exit 1; }

rc=0
"$vm_run" --build-dir "$cache" --out "$out/a" "$out/exit7.sh" one "two words" || rc=$?
[ $rc = 7 ] || { echo "FAIL: exit status $rc, expected 7"; exit 1; }
grep -qx written-in-guest "$out/a/marker" || { echo "FAIL: \$OUT not written"; exit 1; }

rc=0
"$vm_run" --build-dir "$cache" --out "$out/b" "$out/crash.sh" > "$out/crash.log" 2>&1 || rc=$?
cat "$out/crash.log"
[ $rc = 1 ] || { echo "FAIL: a kernel crash gave status $rc"; exit 1; }
grep -q "kernel reported a problem" "$out/crash.log" || { echo "FAIL: crash not reported"; exit 1; }
echo PASS
