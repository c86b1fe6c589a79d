# 200 create/remove cycles with remaps present and I/O on the device; remove
# while it is open must fail with EBUSY. Data outside fio's region is checked
# at the end.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 32)
spare=$(nullb_new nb_spare 4)
sectors=$(blockdev --getsz "$main")
dev=/dev/mapper/cyc
half=$((sectors / 2))
dmsetup create cyc --table "0 $sectors remap $main $spare 1 format"
dd if=/dev/urandom of=$dev bs=64k count=$((half / 128)) oflag=direct status=none
sum=$(head -c $((half * 512)) $dev | sha256sum)
dmsetup remove cyc

for cycle in $(seq 1 200); do
    dmsetup create cyc --table "0 $sectors remap $main $spare"
    # A new bad block in fio's half every 10 cycles, written at once (fio
    # would read it first otherwise): remaps accumulate.
    if [ $((cycle % 10)) = 1 ]; then
        block=$(( half / 8 + cycle * 17 ))
        nullb_bad nb_main $((block * 8)) $((block * 8 + 7))
        dd if=/dev/zero of=$dev bs=4k seek=$block count=1 oflag=direct conv=notrunc status=none \
            || fail "cycle $cycle: write to a new bad block"
    fi
    # fio (write, then verify) every 20 cycles; in the others dd reads and
    # writes while the remove is tried (fio takes seconds to start under TCG).
    if [ $((cycle % 20)) = 0 ]; then
        fio --name=v --filename=$dev --offset=$((half * 512)) --direct=1 --ioengine=libaio \
            --iodepth=8 --rw=randwrite --bs=4k --size=2M --verify=crc32c --verify_fatal=1 \
            --randseed=$cycle --minimal > "$OUT/fio" &
    else
        dd if=$dev of=$dev bs=64k skip=$(( half / 128 + cycle * 7 % 240 )) seek=$(( half / 128 + cycle * 13 % 240 )) \
            count=16 iflag=direct oflag=direct conv=notrunc status=none &
    fi
    io_pid=$!
    exec 3< $dev
    if dmsetup remove cyc 2> "$OUT/err"; then fail "cycle $cycle: removed an open device"; fi
    [[ $(< "$OUT/err") == *busy* ]] || fail "cycle $cycle: remove of an open device: $(< "$OUT/err")"
    exec 3<&-
    wait $io_pid || { cat "$OUT/fio"; fail "cycle $cycle: I/O failed"; }
    dmsetup remove cyc || fail "cycle $cycle: remove failed"
    [ $((cycle % 50)) != 0 ] || step "cycle $cycle"
done
dmsetup create cyc --table "0 $sectors remap $main $spare"
check_list_consistent cyc
expect_eq "$RS_USED" 20 "remaps after 200 cycles"
expect_eq "$(head -c $((half * 512)) $dev | sha256sum)" "$sum" "data outside fio's region"
dmsetup remove cyc
echo PASS
