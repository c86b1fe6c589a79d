# Data integrity: fio verify=crc32c over a main disk with more than 500 bad
# 4 KiB blocks, then again while 100 more blocks go bad live. Every write
# must succeed, every read must return what was written, and the remaps must
# be exactly the bad blocks.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 128)
spare=$(nullb_new nb_spare 16)
sectors=$(blockdev --getsz "$main")
blocks=$((sectors / 8))

# Bad ranges at spots 64 blocks apart (ranges never touch): whole blocks,
# single sectors and runs of 2..8 blocks. Spots 0..299 go bad before the
# writes, spots 300..399 while fio writes.
awk -v seed=20261125 -v blocks=$blocks 'BEGIN {
    srand(seed)
    for (spot = 0; spot < 400; spot++) {
        b = spot * 64 + int(rand() * 40)
        kind = spot < 300 ? spot % 6 : 0
        if (kind <= 3)      { first = b * 8; last = first + 7 }
        else if (kind == 4) { first = b * 8 + int(rand() * 8); last = first }
        else                { first = b * 8 + int(rand() * 8); last = (b + 1 + int(rand() * 7)) * 8 + int(rand() * 8) }
        print (spot < 300 ? "before" : "live"), first, last
    }
}' > "$OUT/bad-ranges"
# The 4 KiB blocks (as block-aligned main sectors) each range touches.
awk '{ for (b = int($2 / 8); b <= int($3 / 8); b++) print $1, b * 8 }' "$OUT/bad-ranges" > "$OUT/bad-blocks"
# Sets of sectors, sorted as comm wants them.
grep '^before' "$OUT/bad-blocks" | cut -d' ' -f2 | sort > "$OUT/bad-before"
grep '^live' "$OUT/bad-blocks" | cut -d' ' -f2 | sort > "$OUT/bad-live"
n_before=$(wc -l < "$OUT/bad-before")
[ "$n_before" -ge 500 ] || fail "only $n_before bad blocks planned"
step "$n_before bad blocks in $(grep -c '^before' "$OUT/bad-ranges") ranges before the writes"
grep '^before' "$OUT/bad-ranges" | while read -r _ first last; do nullb_bad nb_main "$first" "$last"; done

dmsetup create safe --table "0 $sectors remap $main $spare 1 format"
dev=/dev/mapper/safe
fio_common=(--filename=$dev --direct=1 --ioengine=libaio --iodepth=16 --rw=randwrite
            --bsrange=4k-64k --size=100% --verify=crc32c --verify_fatal=1
            --group_reporting --minimal)

step "pass 1: write every block, then verify"
fio --name=pass1 "${fio_common[@]}" --randseed=1 --do_verify=1 > "$OUT/fio-pass1" \
    || { cat "$OUT/fio-pass1"; fail "fio pass 1 reported errors"; }
check_list_consistent safe
cut -d' ' -f1 "$OUT/list.safe" | sort > "$OUT/remapped"
cmp -s "$OUT/remapped" "$OUT/bad-before" \
    || { diff "$OUT/remapped" "$OUT/bad-before" | head; fail "remapped blocks differ from the bad ones"; }
remap_status safe
expect_eq "$RS_PENDING" 0 "pending after pass 1"
expect_eq "$RS_RERR" 0 "read errors after pass 1"
[ "$RS_WERR" -gt 0 ] || fail "no write errors counted"
expect_eq "$RS_STATE" ok "state after pass 1"
step "pass 1 clean: $RS_USED remapped, $RS_WERR write errors"

step "pass 2: 100 more blocks go bad while fio rewrites everything"
fio --name=pass2 "${fio_common[@]}" --randseed=2 --do_verify=0 > "$OUT/fio-pass2" 2>&1 &
fio_pid=$!
grep '^live' "$OUT/bad-ranges" | while read -r _ first last; do
    nullb_bad nb_main "$first" "$last"
    sleep 0.05
done
wait $fio_pid || { cat "$OUT/fio-pass2"; fail "fio pass 2 writes reported errors"; }
# Blocks that went bad after fio rewrote them hold their data on main: heal
# them all. Remapped blocks must still be read from the spare (main holds
# stale data there), the others from main.
grep '^live' "$OUT/bad-ranges" | while read -r _ first last; do nullb_heal nb_main "$first" "$last"; done
fio --name=pass2 "${fio_common[@]}" --randseed=2 --verify_only > "$OUT/fio-verify2" \
    || { cat "$OUT/fio-verify2"; fail "fio pass 2 verify reported errors"; }
check_list_consistent safe
cut -d' ' -f1 "$OUT/list.safe" | sort > "$OUT/remapped"
[ -z "$(comm -23 "$OUT/bad-before" "$OUT/remapped")" ] || fail "a remap from pass 1 disappeared"
sort "$OUT/bad-before" "$OUT/bad-live" > "$OUT/bad-all"
[ -z "$(comm -23 "$OUT/remapped" "$OUT/bad-all")" ] || fail "a good block was remapped"
live=$(comm -12 "$OUT/remapped" "$OUT/bad-live" | wc -l)
[ "$live" -gt 0 ] || fail "no block that went bad during pass 2 was remapped"
remap_status safe
expect_eq "$RS_PENDING" 0 "pending after pass 2"
step "pass 2 clean: $live of $(wc -l < "$OUT/bad-live") live bad blocks remapped, $RS_USED in all"
dmsetup remove safe
echo "PASS"
