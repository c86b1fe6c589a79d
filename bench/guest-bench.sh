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
