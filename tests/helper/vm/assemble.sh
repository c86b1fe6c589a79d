# Second boot, same disk images and pair record: assemble starts the
# recorded pairs with the remaps of the first boot, and neither the forged
# USB stick (it names pair "safe" and its main disk) nor the old spare of the
# re-paired IDE disk.
. "$(dirname "$0")/lib.sh" "$@"
. "$(dirname "$0")/scan.sh"
trap stop_services EXIT
cp "$OUT/history.db" "$HISTORY"
start_services
load_scsi_debug
# Latent bad blocks at 62 MiB, past where the first boot's scan stopped.
medium_errors 126976 16
udevadm settle
SCAN_MAIN_READ_BEFORE=$(main_sectors_read)

step "assemble"
ctl 0 --json pair list
[ "$(json "j")" = "[]" ] || fail "a pair exists before assemble: $RUN_OUT"
NVME=$(disk_by_serial SPARE0001)
NEW=$(disk_by_serial NEW0001)
OLD=$(disk_by_serial OLD0001)
USB=$(disk_by_serial FORGED01)
ctl 0 --json assemble
[ "$(json "sorted(j)")" = "['/org/dmremap/Manager1/pairs/safe', '/org/dmremap/Manager1/pairs/second']" ] || fail "assemble: $RUN_OUT"
ctl 0 --json pair list
[ "$(json "sorted((p['name'], p['spare-path']) for p in j)")" = "[('safe', '$NVME'), ('second', '$NEW')]" ] \
    || fail "pairs after assemble: $RUN_OUT"
[ "$(dmsetup ls --target remap | wc -l)" = 2 ] || fail "remap devices: $(dmsetup ls --target remap)"
ctl 0 --json remaps safe
[ "$RUN_OUT" = "$(cat "$OUT/remaps-before.json")" ] || fail "remaps differ after reboot: $RUN_OUT"
ctl 0 --json pair list
[ "$(json "[(p['main-path'], p['state'], p['remapped']) for p in j if p['name'] == 'safe'][0]")" = "('$MAIN', 'ok', 302)" ] \
    || fail "pair after assemble: $RUN_OUT"
ctl 0 assemble
[ "$RUN_OUT" = "no pair to assemble" ] || fail "second assemble: $RUN_OUT"
scan_second_boot

step "unknown spares need an administrator's import"
import_refused_to_nobody "$USB"
import_refused_to_nobody "$OLD"
ctl 1 import "$USB" --dry-run
case $RUN_ERR in *"named safe is recorded"*org.dmremap.Error.Exists*) ;; *) fail "forged spare: $RUN_ERR" ;; esac
ctl 1 import "$OLD"
case $RUN_ERR in *"old spare"*org.dmremap.Error.Exists*) ;; *) fail "old spare: $RUN_ERR" ;; esac
[ "$(dmsetup ls --target remap | wc -l)" = 2 ] || fail "remap devices: $(dmsetup ls --target remap)"
ctl 0 pair remove safe
ctl 0 pair remove second
echo "second boot: all checks passed"
