# Guest side of kernel-bench. Arguments: dm-remap-meta, fio runtime (s).
set -euo pipefail
meta=$1 runtime=$2

modprobe null_blk nr_devices=0
nullb() { # <name> <MiB> <memory backed>
    local d=/sys/kernel/config/nullb/$1
    mkdir "$d"
    echo "$2" > "$d/size"
    echo 512 > "$d/blocksize"
    echo "$3" > "$d/memory_backed"
    echo 1 > "$d/power"
}
# Main: 1 GiB, not memory-backed (no data kept: the I/O path is what is
# measured). Spare: memory-backed, it holds the metadata.
nullb bmain 1024 0
nullb bspare 64 1
msz=$(blockdev --getsz /dev/bmain)

iops() { # <device> <rw>
    fio --name=b --filename="$1" --direct=1 --ioengine=libaio --iodepth=16 --bs=4k \
        --rw="$2" --time_based --runtime="$runtime" --ramp_time=1 --randseed=1 \
        --output-format=json | awk -F: '/"iops"/ && !done { gsub(/[ ,]/, "", $2); if ($2 + 0 > 0) { print int($2); done = 1 } }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

: > "$OUT/results"
dmsetup create lin --table "0 $msz linear /dev/bmain 0"
printf '%-26s %10s %10s %10s %8s\n' "" rw "dm-linear" "dm-remap" ratio
for remaps in 0 10000; do
    dd if=/dev/zero of=/dev/bspare bs=1M count=1 oflag=direct status=none
    "$meta" format /dev/bspare --main-sectors "$msz" > /dev/null
    # Spread over the whole main disk: every 26th block.
    [ $remaps = 0 ] || "$meta" fill /dev/bspare $remaps --first 13 --stride 26 > /dev/null
    dmsetup create rem --table "0 $msz remap /dev/bmain /dev/bspare"
    used=$(dmsetup status rem | awk '{ print $5 }')
    for rw in randread randwrite; do
        l=$(iops /dev/mapper/lin $rw)
        r=$(iops /dev/mapper/rem $rw)
        printf '%-26s %10s %10s %10s %8s\n' "remaps $used" $rw "$l" "$r" "$(ratio "$r" "$l")"
        echo "$remaps $rw $l $r" >> "$OUT/results"
    done
    dmsetup remove rem
done
dmsetup remove lin

# Remap storm: 1,000 of 1,025 blocks at the start of a second main disk go
# bad (25 runs of 40, one null_blk bad-block range each) while one fio job
# writes each of those blocks once, 4 KiB random at queue depth 32, and
# another writes healthy blocks elsewhere; the run ends with the storm job
# (exitall). Commits are counted from the flushes reaching the spare: every
# commit writes superblock copy 0 and then copy 1, each with REQ_PREFLUSH,
# and fio's writes carry none (the spare gets a write cache so that the
# block layer passes flushes on and counts them in /sys/block/*/stat).
# Then the same run without bad blocks, as long as the storm took.
nullb smain 1024 0
d=/sys/kernel/config/nullb/ssparec
mkdir "$d"
echo 64 > "$d/size"; echo 512 > "$d/blocksize"; echo 1 > "$d/memory_backed"
echo 64 > "$d/cache_size"; echo 1 > "$d/power"
storm_blocks=1025
flushes() { awk '{ print $16 }' /sys/block/ssparec/stat; }
storm_fio() { # <runtime s or 0 for the storm itself> -> fio json in $OUT/storm.json
    local timed=()
    [ "$1" = 0 ] || timed=(--time_based --runtime="$1")
    fio --output-format=json --output="$OUT/storm.json" --exitall --direct=1 --ioengine=libaio --bs=4k \
        --name=storm --filename=/dev/mapper/storm --rw=randwrite --iodepth=32 --offset=0 \
        --size=$((storm_blocks * 4096)) --randseed=2 "${timed[@]}" \
        --name=healthy --filename=/dev/mapper/storm --rw=randwrite --iodepth=32 --offset=64M --size=512M \
        --randseed=3 --time_based --runtime=3600
}
storm_figures() { # -> "<storm ms> <healthy p99 us> <healthy iops>"
    python3 -c '
import json, sys
j = {x["jobname"]: x for x in json.load(open(sys.argv[1]))["jobs"]}
h = j["healthy"]["write"]
print(j["storm"]["job_runtime"], int(h["clat_ns"]["percentile"]["99.000000"] / 1000), int(h["iops"]))
' "$OUT/storm.json"
}
storm_device() {
    dd if=/dev/zero of=/dev/ssparec bs=1M count=1 oflag=direct status=none
    "$meta" format /dev/ssparec --main-sectors "$msz" > /dev/null
    dmsetup create storm --table "0 $msz remap /dev/smain /dev/ssparec"
}
storm_device
for run in $(seq 0 24); do
    first=$(( (41 * run + 1) * 8 ))
    echo "+$first-$((first + 40 * 8 - 1))" > /sys/kernel/config/nullb/smain/badblocks
done
f0=$(flushes)
storm_fio 0
f1=$(flushes)
read -r storm_ms storm_p99 storm_iops <<< "$(storm_figures)"
storm_remaps=$(dmsetup status storm | awk '{ split($5, u, "/"); print u[1] }')
dmsetup remove storm
for run in $(seq 0 24); do
    first=$(( (41 * run + 1) * 8 ))
    echo "-$first-$((first + 40 * 8 - 1))" > /sys/kernel/config/nullb/smain/badblocks
done
storm_device
storm_fio $(( (storm_ms + 999) / 1000 ))
read -r _ calm_p99 calm_iops <<< "$(storm_figures)"
dmsetup remove storm
echo
commits=$(( (f1 - f0) / 2 ))
echo "remap storm: $storm_remaps remaps in $storm_ms ms: $(awk -v r="$storm_remaps" -v ms="$storm_ms" 'BEGIN { printf "%.0f", r * 1000 / ms }') remaps/s, $commits commits ($((f1 - f0)) flushes to the spare, two per commit), $(ratio "$storm_remaps" $((commits > 0 ? commits : 1))) remaps per commit"
echo "healthy-block writes (QD32): p99 ${storm_p99} us during the storm, ${calm_p99} us without: $(ratio "$storm_p99" "$calm_p99")x; IOPS $storm_iops vs $calm_iops"
echo "storm $storm_remaps $storm_ms $commits $storm_p99 $calm_p99" >> "$OUT/results"
