# ext4 over dm-remap while free blocks of the main disk go bad: the new
# files land on them and get remapped; after remove and recreate fsck is
# clean and every file's checksum matches.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 256)
spare=$(nullb_new nb_spare 16)
sectors=$(blockdev --getsz "$main")
dmsetup create safe --table "0 $sectors remap $main $spare 1 format"
dev=/dev/mapper/safe
mnt=/tmp/mnt
mkdir -p $mnt
mkfs.ext4 -q -F -b 4096 -E lazy_itable_init=0,lazy_journal_init=0 $dev
mount -t ext4 $dev $mnt

write_files() { # <prefix> <count> <max KiB>
    local i
    for i in $(seq 1 "$2"); do
        head -c $(( (RANDOM % $3 + 4) * 1024 )) /dev/urandom > "$mnt/$1$i"
    done
}
RANDOM=4242
step "first files"
write_files a 40 2048
sync
step "free blocks go bad while mounted"
# Free 4 KiB file system blocks = 4 KiB remap blocks; ext4 writes a block
# before it ever reads it, so each one that gets used is remapped.
dumpe2fs $dev 2> /dev/null | sed -n 's/^  Free blocks: //p' | tr ',' '\n' \
    | awk 'NF { n = split($1, r, "-"); if (n == 1) r[2] = r[1]; for (b = r[1]; b <= r[2]; b++) print b }' > "$OUT/free"
free=$(wc -l < "$OUT/free")
[ "$free" -gt 20000 ] || fail "only $free free blocks"
awk -v n="$free" 'BEGIN { srand(17) } { if (rand() < 300 / n) print }' "$OUT/free" > "$OUT/bad-blocks"
while read -r b; do nullb_bad nb_main $((b * 8)) $((b * 8 + 7)); done < "$OUT/bad-blocks"
step "$(wc -l < "$OUT/bad-blocks") free blocks made bad; filling the file system"
write_files b 100 2048
# Rewrite some first files in place too.
for i in 1 2 3 4 5; do
    size=$(stat -c %s "$mnt/a$i")
    head -c "$size" /dev/urandom | dd of="$mnt/a$i" conv=notrunc status=none
done
sync
(cd $mnt && find . -type f ! -path ./lost+found -print0 | sort -z | xargs -0 sha256sum) > "$OUT/sums"
df -h $mnt | tail -n1
umount $mnt
remap_status safe
step "$RS_USED remapped, $RS_WERR write errors"
[ "$RS_USED" -ge 100 ] || fail "only $RS_USED of the bad blocks got used"
expect_eq "$RS_PENDING" 0 "pending"
expect_eq "$RS_RERR" 0 "read errors"

step "remove, recreate, fsck, compare"
dmsetup remove safe
dmsetup create safe --table "0 $sectors remap $main $spare"
check_list_consistent safe
awk '{ print $1 / 8 }' "$OUT/list.safe" | sort > "$OUT/remapped"
sort "$OUT/bad-blocks" > "$OUT/bad-sorted"
[ -z "$(comm -23 "$OUT/remapped" "$OUT/bad-sorted")" ] || fail "a good block was remapped"
fsck.ext4 -f -n $dev > "$OUT/fsck" 2>&1 || { cat "$OUT/fsck"; fail "fsck found problems"; }
mount -t ext4 -o ro $dev $mnt
(cd $mnt && sha256sum --quiet -c "$OUT/sums") || fail "file checksums differ"
umount $mnt
dmsetup remove safe
echo PASS
