# Crash consistency: the spare sits under dm-log-writes while remaps are made,
# each acknowledged remap followed by a mark. The log is then replayed entry
# by entry onto a blank copy; at every point the metadata must load (create
# without format) and hold every remap acknowledged before that point. At
# each flush the crash is also tried as a volatile disk cache may leave it:
# everything before the previous flush, the FUA writes since, and a random
# subset of the other writes since, in a random order (seeded, a fixed number
# of variants per flush). The last remaps come from 16 writes submitted at
# once: the worker commits them in groups, far fewer commits than remaps.
# Argument: the log-replay program.
. "$(dirname "$0")/../lib.sh"
require_module
replayer=$1

main=$(nullb_new nb_main 16)
spare=$(nullb_new nb_spare 2)
logdev=$(nullb_new nb_log 64)
replay=$(nullb_new nb_replay 2)
copy=$(nullb_new nb_copy 2)
durable=$(nullb_new nb_durable 2)
variants_per_flush=3
seed=${CRASH_SEED:-20261201}
msz=$(blockdev --getsz "$main")
ssz=$(blockdev --getsz "$spare")
dmsetup create logw --table "0 $ssz log-writes $spare $logdev"
dmsetup create safe --table "0 $msz remap $main /dev/mapper/logw 1 format"
dmsetup message logw 0 mark formatted
dev=/dev/mapper/safe
: > "$OUT/bad"

write_bad() { # <first block> <blocks>: make them bad, write them in one request
    local b
    for b in $(seq "$1" $(($1 + $2 - 1))); do
        nullb_bad nb_main $((b * 8)) $((b * 8 + 7))
        echo $((b * 8)) >> "$OUT/bad"
    done
    dd if=/dev/urandom of=$dev bs=4k seek="$1" count="$2" oflag=direct conv=notrunc status=none \
        || fail "write to bad blocks $1+$2"
    dmsetup message logw 0 mark "ack-$1-$2"
}
write_group() { # <first block> <blocks>: make them bad, one write each, all at once
    local b
    for b in $(seq "$1" $(($1 + $2 - 1))); do
        nullb_bad nb_main $((b * 8)) $((b * 8 + 7))
        echo $((b * 8)) >> "$OUT/bad"
    done
    dmsetup message logw 0 mark "group-$1"
    fio --name=group --filename=$dev --direct=1 --ioengine=libaio --rw=randwrite --bs=4k \
        --offset=$(($1 * 4096)) --size=$(($2 * 4096)) --iodepth="$2" --iodepth_batch_submit="$2" \
        --randseed=5 --minimal > "$OUT/fio-group" || { cat "$OUT/fio-group"; fail "group write to bad blocks $1+$2"; }
    dmsetup message logw 0 mark "ack-$1-$2"
}
step "remaps under dm-log-writes"
for i in $(seq 1 10); do write_bad $((i * 53)) 1; done
write_bad 700 3
write_bad 900 5
answer=$(dmsetup message safe 0 remap 8000)
case $answer in "remapped 8000 "*) ;; *) fail "remap 8000 answered '$answer'" ;; esac
echo 8000 >> "$OUT/bad"
dmsetup message logw 0 mark "ack-1000-1"
write_group 1200 16
check_list_consistent safe
expect_eq "$RS_USED" 35 "remaps made"
cp "$OUT/list.safe" "$OUT/list.final"
dmsetup message logw 0 mark end
dmsetup remove safe
dmsetup remove logw

"$replayer" list "$logdev" > "$OUT/log-entries"
entries=$(wc -l < "$OUT/log-entries")
grep -q " M formatted$" "$OUT/log-entries" || fail "no 'formatted' mark in the log"
# Every commit writes superblock copy 0 and then copy 1 with a flush.
group_commits=$(awk '$5 == "group-1200" { on = 1 } $5 == "ack-1200-16" { on = 0 }
                     on && $4 ~ /F/ { n++ } END { print n / 2 }' "$OUT/log-entries")
step "16 remaps of concurrent writes in $group_commits commits"
[ "${group_commits%.*}" -ge 1 ] && [ "${group_commits%.*}" -le 4 ] || fail "16 concurrent remaps took $group_commits commits (no group commit)"
# Slot 0 went to the first remap: below its sector lies the metadata.
data_offset=$(sort -n -k2,2 "$OUT/list.final" | head -n1 | cut -d' ' -f2)
step "$entries log entries; checking after each metadata write (below sector $data_offset), $variants_per_flush cache variants per flush (seed $seed)"
# The copy's metadata loads and holds every acknowledged remap, and nothing
# that never failed.
check_copy() { # <where>
    dmsetup create chk --table "0 $msz remap $main $copy" \
        || fail "metadata does not load after log entry $1"
    dmsetup message chk 0 list 0 > "$OUT/chk-list"
    dmsetup remove chk
    awk -v at="$1" 'FILENAME == ARGV[1] { bad[$1] = 1; next }
         FILENAME == ARGV[2] { have[$1] = 1; if (!($1 in bad)) { print "after log entry " at ": unknown remap " $1; err = 1 }; next }
         !($1 in have) { print "after log entry " at ": acknowledged remap " $1 " missing"; err = 1 }
         END { exit err }' "$OUT/bad" "$OUT/chk-list" "$OUT/acked" || fail "replay check"
}
: > "$OUT/acked"
: > "$OUT/crash-kept"
formatted=0 checks=0 from=0 flushes=0 variants=0 durable_from=0 last_flush=0
while read -r index sector count flags mark; do
    case $mark in
        formatted) formatted=1 ;;
        ack-*) first=${mark#ack-} n=${first#*-} first=${first%-*}
               for ((b = first; b < first + n; b++)); do echo $((b * 8)); done >> "$OUT/acked" ;;
    esac
    case $flags in *F*)
        # A crash just before this flush: what the cache kept since the last.
        if [ $formatted = 1 ]; then
            "$replayer" replay "$logdev" "$durable" $durable_from $last_flush
            durable_from=$last_flush
            for v in $(seq $variants_per_flush); do
                dd if="$durable" of="$copy" bs=1M status=none
                "$replayer" crash "$logdev" "$copy" $last_flush "$index" $((seed + index * 16 + v)) 2>> "$OUT/crash-kept"
                check_copy "$index (cache variant $v of the writes since entry $last_flush)"
                variants=$((variants + 1))
            done
            flushes=$((flushes + 1))
        fi
        last_flush=$index ;;
    esac
    # Before the format was acknowledged there is nothing to load; data
    # slot writes and empty flushes leave the metadata as it was.
    [ $formatted = 1 ] && [ "$count" != 0 ] && [ "$sector" -lt "$data_offset" ] || continue
    "$replayer" replay "$logdev" "$replay" $from $((index + 1))
    from=$((index + 1))
    dd if="$replay" of="$copy" bs=1M status=none
    check_copy "$index ($sector $count $flags)"
    checks=$((checks + 1))
done < "$OUT/log-entries"
expect_eq "$(sort "$OUT/acked" | wc -l)" 35 "acknowledged remaps seen in the log"
step "$checks replay points checked; $variants cache variants at $flushes flushes ($(awk '{ k += $4; n += $6 } END { print k " of " n }' "$OUT/crash-kept") writes kept)"
[ "$checks" -ge 25 ] || fail "only $checks replay points"
[ "$flushes" -ge 15 ] || fail "only $flushes flushes with cache variants"
"$replayer" replay "$logdev" "$replay" $from "$entries"
dd if="$replay" of="$copy" bs=1M status=none
dmsetup create chk --table "0 $msz remap $main $copy"
remap_list chk > "$OUT/list.replayed"
cmp -s "$OUT/list.replayed" "$OUT/list.final" || fail "fully replayed spare differs from the live one"
dmsetup remove chk
echo PASS
