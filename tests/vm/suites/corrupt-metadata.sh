# Corrupted or truncated metadata: each superblock and table field made
# invalid in turn (dm-remap-meta corrupt) is refused with EINVAL and a kernel
# log line; one bad superblock copy falls back to the other; a truncated
# spare, another main size or block size are refused. The kernel stays
# healthy and the intact metadata still loads at the end.
# Argument: the dm-remap-meta program.
. "$(dirname "$0")/../lib.sh"
require_module
meta=$1

main=$(nullb_new nb_main 16)
spare=$(nullb_new nb_spare 4)
other_main=$(nullb_new nb_other 8)
msz=$(blockdev --getsz "$main")
ssz=$(blockdev --getsz "$spare")
dmsetup create safe --table "0 $msz remap $main $spare 1 format"
for b in 11 22 33 44 55; do
    nullb_bad nb_main $((b * 8)) $((b * 8 + 7))
    dd if=/dev/urandom of=/dev/mapper/safe bs=4k seek=$b count=1 oflag=direct conv=notrunc status=none
done
remap_list safe > "$OUT/list.good"
expect_eq "$(wc -l < "$OUT/list.good")" 5 "remaps made"
dmsetup remove safe
dd if="$spare" of=/tmp/good.img bs=1M status=none
"$meta" list "$spare" > "$OUT/meta-list"
cmp -s "$OUT/meta-list" "$OUT/list.good" || fail "dm-remap-meta and the kernel disagree on the remaps"

restore() { dd if=/tmp/good.img of="$spare" bs=1M oflag=direct status=none; }
logged=$(refusal_log_count)
step "every field invalid in both copies"
for field in $("$meta" fields); do
    restore
    "$meta" corrupt "$spare" "$field" --copy both
    refuse_table "$field (both copies)" chk "0 $msz remap $main $spare"
done
for field in magic version block_size; do
    restore
    "$meta" corrupt "$spare" "$field" --copy both --stale-crc
    refuse_table "$field with a stale crc" chk "0 $msz remap $main $spare"
done

step "one bad superblock copy: the other one loads"
for copy in a b; do
    for field in magic crc version capacity used; do
        restore
        "$meta" corrupt "$spare" "$field" --copy $copy
        dmsetup create chk --table "0 $msz remap $main $spare" || fail "$field in copy $copy only: refused"
        remap_list chk > "$OUT/list.chk"
        dmsetup remove chk
        # The surviving copy may be one commit older, never anything else.
        [ -z "$(sort "$OUT/list.chk" | comm -23 - <(sort "$OUT/list.good"))" ] \
            || fail "$field in copy $copy: remaps that were never made"
        [ "$(wc -l < "$OUT/list.chk")" -ge 4 ] || fail "$field in copy $copy: more than one commit lost"
    done
done

step "truncated spare, other main, other block size"
restore
dmsetup create short --table "0 $((ssz / 2)) linear $spare 0"
refuse_table "spare truncated to half" chk "0 $msz remap $main /dev/mapper/short"
dmsetup remove short
dmsetup create short --table "0 40 linear $spare 0"
refuse_table "spare truncated inside the table" chk "0 $msz remap $main /dev/mapper/short"
dmsetup remove short
refuse_table "main of another size" chk "0 $(blockdev --getsz "$other_main") remap $other_main $spare"
refuse_table "another block size" chk "0 $msz remap $main $spare 2 block_size 16"

check_refusals_logged "$logged"

step "the intact metadata still loads"
dmsetup create safe --table "0 $msz remap $main $spare"
remap_list safe > "$OUT/list.end"
cmp -s "$OUT/list.end" "$OUT/list.good" || fail "remaps differ at the end"
dmsetup remove safe
echo PASS
