# Module unload: rmmod fails while a remap device exists, succeeds once the
# devices are gone; the module loads again and finds its remaps.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 16)
spare=$(nullb_new nb_spare 4)
sectors=$(blockdev --getsz "$main")
nullb_bad nb_main 80 87
dmsetup create a --table "0 $sectors remap $main $spare 1 format"
dd if=/dev/zero of=/dev/mapper/a bs=4k seek=10 count=1 oflag=direct conv=notrunc status=none
expect_fail "rmmod with a device" rmmod dm_remap
exec 3< /dev/mapper/a
expect_fail "remove of an open device" dmsetup remove a
grep -qi busy "$OUT/last-error" || fail "remove of an open device: not EBUSY"
expect_fail "rmmod with an open device" rmmod dm_remap
exec 3<&-
dmsetup remove a
dmsetup create loaded-only --notable
dmsetup load loaded-only --table "0 $sectors remap $main $spare"
expect_fail "rmmod with an inactive table" rmmod dm_remap
dmsetup remove loaded-only
rmmod dm_remap || fail "rmmod after the devices are gone"
grep -qw remap <(dmsetup targets) && fail "remap target still registered"
insmod "$VM_MODULE"
dmsetup create a --table "0 $sectors remap $main $spare"
expect_eq "$(remap_list a)" "80 $(remap_list a | cut -d' ' -f2)" "remap after reload"
dmsetup remove a
rmmod dm_remap
echo PASS
