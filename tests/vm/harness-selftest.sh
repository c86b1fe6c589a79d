#!/bin/bash
# vm-run's own contract: the guest script's exit status comes back, its
# arguments and $OUT arrive, and a kernel crash in the guest fails the run.
# usage: harness-selftest.sh <vm-run> <cache dir> <out dir>
set -euo pipefail
vm_run=$1 cache=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
cat > "$out/exit7.sh" <<'GUEST'
[ "$1 $2" = "one two words" ] || exit 1
[ "$DM_DISABLE_UDEV" = 1 ] || exit 1
echo written-in-guest > "$OUT/marker"
exit 7
GUEST
cat > "$out/crash.sh" <<'GUEST'
echo c > /proc/sysrq-trigger
sleep 30
GUEST

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
