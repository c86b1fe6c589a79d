#!/bin/bash
# dm-remap-member (the program 56-dm-remap.rules imports) on fixtures: which
# disk it names a member of which recorded pair, by the spare's superblock
# and by the main disk's identity and size as the helper reads them.
# Usage: test-member.sh <dm-remap-member> <dm-remap-meta> <work dir>
set -euo pipefail
member=$1 meta=$2 work=$3
failures=0
rm -rf "$work"
mkdir -p "$work"
cd "$work"

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect <description> <expected stdout> <member args...>
expect() {
    local what=$1 want=$2 got rc=0
    shift 2
    got=$(env -u DEVPATH -u ID_SERIAL_SHORT -u ID_WWN_WITH_EXTENSION "${envs[@]}" "$member" "$@" 2> stderr) || rc=$?
    if [ "$rc" -ne 0 ] || [ "$got" != "$want" ]; then
        fail "$what: exit $rc, printed [$got], wanted [$want]; stderr: $(cat stderr)"
    else
        echo "ok: $what"
    fi
}
envs=() # udev properties the program sees, for one expect
member_of() { printf 'DM_REMAP_MEMBER=1\nDM_REMAP_PAIR=%s\nDM_REMAP_ROLE=%s' "$1" "$2"; }

# A 64 MiB main disk (131072 sectors) and a spare formatted for it.
truncate -s 64M main.img
truncate -s 16M spare.img
"$meta" format spare.img --main-sectors 131072 --main-id SER_01 --label data > /dev/null
uuid=$("$meta" dump spare.img | sed -n 's/^uuid=//p')
[ ${#uuid} = 32 ] || fail "dm-remap-meta gave no uuid"
other_uuid=0123456789abcdef0123456789abcdef

# Sysfs directories as the kernel lays them out, one per kind of disk.
mkdir -p sys/nvme/nvme0n1/device sys/pci/virtio3/block/vda sys/ata/host0/block/sda/device
printf 'SER 01              \n' > sys/nvme/nvme0n1/device/serial
printf 'nvme.1b36-5345\n' > sys/nvme/nvme0n1/wwid
printf 'VIRT7\n' > sys/pci/virtio3/block/vda/serial
# VPD page 0x80: 4-byte header, then the serial; the wwid is a real NAA one.
printf '\x00\x80\x00\x0a  WD-WX11A' > sys/ata/host0/block/sda/device/vpd_pg80
printf 'naa.5000c500a1b2c3d4\n' > sys/ata/host0/block/sda/device/wwid
mkdir -p sys/bare/sdb/device

record() { printf '# dm-remap pairs, written by dm-remap-helper\n\n%s\n' "$@" > pairs; }
line() { # <name> <uuid> <main-id> <main-sectors>
    echo "pair name=$1 uuid=$2 main-id=$3 main-sectors=$4 spare-id=SP1 spare-sectors=32768"
}

expect "no record file: nothing" "" --pairs missing --sysfs sys/nvme/nvme0n1 main.img
record "$(line data "$uuid" SER_01 131072)"
expect "spare by its superblock's uuid" "$(member_of data spare)" --pairs pairs --sysfs sys/bare/sdb spare.img
expect "NVMe main by serial and size" "$(member_of data main)" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img
record "$(line data "$uuid" SER_01 131071)"
expect "main of another size: nothing" "" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img
record "$(line data "$other_uuid" SER_02 131072)"
expect "spare of another pair's uuid: nothing" "" --pairs pairs --sysfs sys/bare/sdb spare.img
expect "disk of another identity: nothing" "" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img

record "$(line data "$uuid" SER_02 131072)"
# A new spare has only copy A; the target writes copy B on later commits.
cp spare.img spare-a.img
dd if=spare.img of=spare-a.img bs=4096 count=1 seek=1 conv=notrunc status=none
"$meta" corrupt spare-a.img magic --copy a > /dev/null
expect "spare by superblock copy B when copy A is gone" "$(member_of data spare)" --pairs pairs --sysfs sys/bare/sdb spare-a.img
cp spare.img spare-ab.img
"$meta" corrupt spare-ab.img magic --copy both > /dev/null
expect "no valid superblock copy: nothing" "" --pairs pairs --sysfs sys/bare/sdb spare-ab.img
cp spare.img spare-crc.img
"$meta" corrupt spare-crc.img main_sectors --copy both --stale-crc > /dev/null
expect "superblocks with a wrong checksum: nothing" "" --pairs pairs --sysfs sys/bare/sdb spare-crc.img

record "$(line vm "$other_uuid" VIRT7 131072)"
expect "virtio main by its serial" "$(member_of vm main)" --pairs pairs --sysfs sys/pci/virtio3/block/vda main.img
record "$(line ata "$other_uuid" naa.5000c500a1b2c3d4 131072)"
expect "SCSI/ATA main by its NAA wwid before the serial" "$(member_of ata main)" --pairs pairs --sysfs sys/ata/host0/block/sda main.img
record "$(line ata "$other_uuid" WD-WX11A 131072)"
expect "a serial is not the identity when a WWN exists" "" --pairs pairs --sysfs sys/ata/host0/block/sda main.img
printf 't10.ATA     QEMU HARDDISK\n' > sys/ata/host0/block/sda/device/wwid
expect "VPD page 0x80 serial when the wwid is no WWN" "$(member_of ata main)" --pairs pairs --sysfs sys/ata/host0/block/sda main.img
record "$(line usb "$other_uuid" 0x5000cca0 131072)"
envs=("ID_WWN_WITH_EXTENSION=0x5000cca0")
expect "udev's ID_WWN_WITH_EXTENSION when sysfs has no WWN" "$(member_of usb main)" --pairs pairs --sysfs sys/bare/sdb main.img
record "$(line usb "$other_uuid" AB_CDEF 131072)"
envs=("ID_SERIAL_SHORT=AB CD/EF$(printf '\x01')")
expect "udev's ID_SERIAL_SHORT, reduced as mainIdFor does" "$(member_of usb main)" --pairs pairs --sysfs sys/bare/sdb main.img
long=$(printf 'x%.0s' $(seq 100))
record "$(line usb "$other_uuid" "${long:0:63}" 131072)"
envs=("ID_SERIAL_SHORT=$long")
expect "an identity is cut at 63 characters" "$(member_of usb main)" --pairs pairs --sysfs sys/bare/sdb main.img
envs=()
ln -s nvme/nvme0n1 sys/nvme0n1-link
record "$(line data "$uuid" SER_01 131072)"
expect "the sysfs directory through a symlink (/sys/class/block)" "$(member_of data main)" --pairs pairs --sysfs sys/nvme0n1-link main.img

# The disk a main disk is being copied to (ReplaceMain) is hidden too, by
# its identity and size; a half-given replacement is malformed.
record "$(line data "$uuid" SER_02 131072) replace-id=SER_01 replace-sectors=131072"
expect "the replacement disk by identity and size" "$(member_of data replacement)" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img
record "$(line data "$uuid" SER_02 131072) replace-id=SER_01 replace-sectors=131071"
expect "a replacement of another size: nothing" "" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img
record "$(line data "$uuid" SER_02 131072) replace-id=SER_01"
expect "replace-id without replace-sectors: the line is skipped" "" --pairs pairs --sysfs sys/bare/sdb spare.img

# Malformed lines are reported by number and skipped; the rest still counts.
cat > pairs <<EOF
# comment
pair name=bad1 uuid=XYZ main-id=A main-sectors=1
pair name=bad2 main-id=SER_01 main-sectors=131072
pair name=bad/3 uuid=$other_uuid main-id=SER_01 main-sectors=131072
pair name=bad4 uuid=$other_uuid main-id=SER_01 main-sectors=-5
pairs name=bad5 uuid=$other_uuid main-id=SER_01 main-sectors=131072
   pair name=ok uuid=$other_uuid main-id=SER_01 main-sectors=131072 future-key=1
EOF
expect "malformed lines skipped, a good one after them used" "$(member_of ok main)" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img
for n in 2 3 4 5 6; do
    grep -q "pairs line $n ignored" stderr || fail "line $n is not reported: $(cat stderr)"
done

# Bounded work: a huge record is refused with a clear error.
head -c 2M /dev/zero | tr '\0' '#' > pairs
if "$member" --pairs pairs --sysfs sys/nvme/nvme0n1 main.img > out 2> stderr; then
    fail "a 2 MiB record was accepted"
else
    grep -q "larger than" stderr && echo "ok: a 2 MiB record is refused" || fail "no clear error: $(cat stderr)"
fi
record "$(line data "$uuid" SER_01 131072)"
if "$member" --pairs pairs /nonexistent/disk > out 2> stderr; then
    fail "a missing device was accepted"
else
    grep -q "cannot open /nonexistent/disk" stderr && echo "ok: a missing device is an error" || fail "$(cat stderr)"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all member checks passed"
