# Suspend, resume and table reload of the remap device under fio while the
# main disk grows new bad blocks (a linear/error table reloaded live). The
# data is verified after remove and recreate. `list` messages sent without
# pause while reloads rebuild a tree of 4,096 remaps (a remap made by the
# old instance after the new one's constructor read the spare, so the new
# instance clears and reloads its tree in preresume while it is already
# live): every answer is well formed and the list ends up exact.
. "$(dirname "$0")/../lib.sh"
require_module

raw=$(nullb_new nb_main 64)
spare=$(nullb_new nb_spare 8)
sectors=$(blockdev --getsz "$raw")
blocks=$((sectors / 8))

# The main disk: linear over the null_blk, with error segments at the blocks
# listed in $OUT/bad (sorted block numbers).
main_table() {
    local pos=0 b
    while read -r b; do
        [ $((b * 8)) = $pos ] || echo "$pos $((b * 8 - pos)) linear $raw $pos"
        echo "$((b * 8)) 8 error"
        pos=$((b * 8 + 8))
    done < <(sort -n -u "$OUT/bad")
    [ $pos = $sectors ] || echo "$pos $((sectors - pos)) linear $raw $pos"
}
: > "$OUT/bad"
dmsetup create flaky --table "$(main_table)"
main=/dev/mapper/flaky
table="0 $sectors remap $main $spare"
dmsetup create safe --table "$table 1 format"
dev=/dev/mapper/safe
fio_args=(--name=w --filename=$dev --direct=1 --ioengine=libaio --iodepth=16 --rw=randwrite
          --bsrange=4k-64k --size=100% --verify=crc32c --verify_fatal=1 --randseed=7 --minimal)

step "fio rewrites everything while the disk degrades and the device is suspended and reloaded"
# Three identical write passes: each block carries its own checksum, so the
# verify below holds whichever pass wrote a block last.
(for pass in 1 2 3; do fio "${fio_args[@]}" --do_verify=0 || exit 1; done) > "$OUT/fio-write" 2>&1 &
fio_pid=$!
round=0
while kill -0 $fio_pid 2> /dev/null && [ $round -lt 60 ]; do
    round=$((round + 1))
    echo $(( (round * 7919) % blocks )) >> "$OUT/bad"
    dmsetup reload flaky --table "$(main_table)"
    dmsetup resume flaky
    case $((round % 3)) in
        0) dmsetup suspend safe
           expect_fail "remap while suspended" dmsetup message safe 0 remap 0
           dmsetup resume safe ;;
        1) dmsetup reload safe --table "$table"
           dmsetup resume safe ;;
        2) dmsetup suspend --noflush safe
           dmsetup reload safe --table "$table"
           dmsetup resume safe ;;
    esac
    remap_status safe
done
wait $fio_pid || { cat "$OUT/fio-write"; fail "writes failed during suspend/reload"; }
step "$round rounds, $RS_USED remaps during the writes"
[ "$round" -ge 5 ] || fail "only $round rounds ran while fio wrote"
[ "$RS_USED" -gt 0 ] || fail "nothing was remapped"

step "heal the disk, remove and recreate, verify"
# Blocks that went bad after fio wrote them hold good data underneath.
cp "$OUT/bad" "$OUT/bad-injected"
: > "$OUT/bad"
dmsetup reload flaky --table "$(main_table)"
dmsetup resume flaky
dmsetup remove safe
dmsetup create safe --table "$table"
fio "${fio_args[@]}" --verify_only > "$OUT/fio-verify" || { cat "$OUT/fio-verify"; fail "verify after recreate"; }
check_list_consistent safe
awk '{ print $1 / 8 }' "$OUT/list.safe" | sort > "$OUT/remapped-blocks"
sort -u "$OUT/bad-injected" > "$OUT/bad-sorted"
[ -z "$(comm -23 "$OUT/remapped-blocks" "$OUT/bad-sorted")" ] || fail "a block that never failed was remapped"
dmsetup remove safe
dmsetup remove flaky
step "list while reloads rebuild the remap tree"
lmain=$(nullb_new nb_lmain 64)
lspare=$(nullb_new nb_lspare 32)
ltable="0 $(blockdev --getsz "$lmain") remap $lmain $lspare"
dmsetup create lsafe --table "$ltable 1 format"
# 4,096 remaps: the first 16 MiB fail to write (64 null_blk bad ranges of
# 512 sectors), so one write over them remaps every block.
for first in $(seq 0 512 32767); do nullb_bad nb_lmain "$first" $((first + 511)); done
dd if=/dev/zero of=/dev/mapper/lsafe bs=1M count=16 oflag=direct status=none || fail "writes to bad blocks"
for first in $(seq 0 512 32767); do nullb_heal nb_lmain "$first" $((first + 511)); done
remap_status lsafe
expect_eq "$RS_USED" 4096 "remaps before the reloads"
# Answers must be whole: two integers per line, block-aligned, ascending.
list_loop() {
    local n=0
    while [ ! -e "$OUT/list-stop" ]; do
        dmsetup message lsafe 0 list 0 65536 > "$OUT/list-answer" || fail "list during a reload failed"
        awk 'NF != 2 || $1 !~ /^[0-9]+$/ || $2 !~ /^[0-9]+$/ || $1 % 8 || $2 % 8 || (NR > 1 && $1 <= last) { print "line " NR ": " $0; exit 1 }
             { last = $1 }' "$OUT/list-answer" || fail "malformed list answer after $n good ones"
        n=$((n + 1))
    done
    echo "$n" > "$OUT/list-count"
}
rm -f "$OUT/list-stop" "$OUT/list-count"
list_loop &
lister=$!
rounds=10
for round in $(seq $rounds); do
    dmsetup reload lsafe --table "$ltable"
    # The old instance commits: the new one's tree is stale at resume.
    expect_eq "$(dmsetup message lsafe 0 remap $((65536 + round * 8)) | cut -d' ' -f1,2)" \
        "remapped $((65536 + round * 8))" "remap in round $round"
    dmsetup resume lsafe
done
touch "$OUT/list-stop"
wait $lister || fail "the list loop failed"
echo "   $(cat "$OUT/list-count") list answers checked during $rounds reloads"
[ "$(cat "$OUT/list-count")" -ge $rounds ] || fail "fewer list answers than reloads"
check_list_consistent lsafe
expect_eq "$RS_USED" $((4096 + rounds)) "remaps after the reloads"
expect_eq "$(cut -d' ' -f1 "$OUT/list.lsafe" | md5sum)" \
    "$( (seq 0 8 32760; seq $((65536 + 8)) 8 $((65536 + rounds * 8))) | md5sum)" "remapped sectors after the reloads"
dmsetup remove lsafe
nullb_del nb_lmain
nullb_del nb_lspare
echo PASS
