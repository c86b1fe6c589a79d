# Second boot, same spare image: assemble finds the pair again from the
# spare's metadata alone, with the remaps of the first boot.
. "$(dirname "$0")/lib.sh" "$@"
trap stop_services EXIT
start_services
load_scsi_debug

step "assemble"
ctl 0 --json pair list
[ "$(json "j")" = "[]" ] || fail "a pair exists before assemble: $RUN_OUT"
ctl 0 --json assemble
[ "$(json "j")" = "['/org/dmremap/Manager1/pairs/safe']" ] || fail "assemble: $RUN_OUT"
ctl 0 --json remaps safe
[ "$RUN_OUT" = "$(cat "$OUT/remaps-before.json")" ] || fail "remaps differ after reboot: $RUN_OUT"
ctl 0 --json pair list
[ "$(json "j[0]['main-path'], j[0]['state'], j[0]['remapped']")" = "('$MAIN', 'ok', 302)" ] || fail "pair after assemble: $RUN_OUT"
ctl 0 assemble
[ "$RUN_OUT" = "no pair to assemble" ] || fail "second assemble: $RUN_OUT"
ctl 0 pair remove safe
echo "second boot: all checks passed"
