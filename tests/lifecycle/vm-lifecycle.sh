#!/bin/bash
# Guest script of the lifecycle VM test (vm-run --systemd, two boots of the
# same root, run.sh): a pair's life on a real system. Debian's systemd is
# PID 1, with udevd, dbus and polkitd.
# Boot 1: the three .deb files are installed with dpkg -i. The helper is
# started by D-Bus activation through its unit and its shipped sandbox; every
# D-Bus method is called once under it. A GPT main disk with two ext4
# partitions is paired: the raw disk and its partitions are hidden (udev,
# systemd, udisks), the pair's partitions are devices, an fstab line by file
# system UUID mounts the pair's partition. Then a boot's coldplug is replayed
# (devices gone, the kernel's partitions back, udevadm trigger --action=add):
# the raw disk is hidden before any assembly, and the assembly unit brings
# the pair and the mount back. The fstab line stays for boot 2.
# Boot 2: dm-remap-assemble.service started the pair before
# local-fs-pre.target and the fstab line mounted the pair's partition, never
# the raw one. Removal, then the main disk of a new pair replaced online
# while its partition is mounted.
# Usage: vm-lifecycle.sh boot1|boot2 <packages dir> <source dir> <version>
set -euo pipefail
phase=$1 packages=$2 src=$3 version=$4
# shellcheck source=../vm/lib.sh
. "$src/tests/vm/lib.sh"
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR
call() { # <object path> <interface> <method> [signature args...]
    busctl --system --json=short call org.dmremap.Manager1 "$@"
}
by_uuid() { readlink -e "/dev/disk/by-uuid/$1" 2>/dev/null || true; } # -e: nothing when the link is absent
holders() { # <device>: the programs that have it open, for a failure's message
    local dev p mm
    dev=$(readlink -e "$1") || return 0
    mm=$(printf '%d:%d' "0x$(stat -c %t "$dev")" "0x$(stat -c %T "$dev")")
    for p in /proc/[0-9]*; do
        ls -l "$p/fd" 2>/dev/null | grep -q " -> $dev\$" && echo "$(cat "$p/comm" 2>/dev/null)[${p#/proc/}]"
        grep -q " $mm " "$p/mountinfo" 2>/dev/null && echo "mounted-in-ns-of:$(cat "$p/comm" 2>/dev/null)[${p#/proc/}]"
    done | tr '\n' ' '
}
hidden() { # <device>: udev's database says systemd must not use it
    udevadm info -q property -n "$1" | grep -qx 'SYSTEMD_READY=0'
}
udisks_ignored() { # <device>: HintIgnore as udisks reports it
    udisksctl info -b "$1" | sed -n 's/^ *HintIgnore: *//p'
}
disk_object() { # <serial>: the helper's object of that disk
    call /org/dmremap/Manager1 org.dmremap.Manager1 GetDisks | python3 -c 'import json,sys
for path, props in json.load(sys.stdin)["data"][0]:
    if props.get("serial", {}).get("data") == sys.argv[1]:
        print(path)' "$1"
}

check_paired() { # <when>
    [ -b /dev/mapper/lc-part1 ] && [ -b /dev/mapper/lc-part2 ] || fail "$1: no /dev/mapper/lc-part1 and -part2: $(ls /dev/mapper)"
    [ ! -e "${main}p1" ] && [ ! -e "${main}p2" ] || fail "$1: the raw partitions are still there"
    [ "$(by_uuid "$fs_uuid")" = "$(readlink -f /dev/mapper/lc-part1)" ] || fail "$1: by-uuid/$fs_uuid is $(by_uuid "$fs_uuid")"
    [ "$(readlink -f /dev/disk/by-label/lcsecond)" = "$(readlink -f /dev/mapper/lc-part2)" ] || fail "$1: by-label/lcsecond is wrong"
    for disk in "$main" "$spare"; do
        [ "$(udevadm info -q property -n "$disk" | sed -n 's/^SYSTEMD_READY=//p')" = 0 ] || fail "$1: $disk is ready for systemd"
        [ "$(udevadm info -q property -n "$disk" | sed -n 's/^ID_FS_TYPE=//p')" = dm_remap_member ] || fail "$1: $disk is no member"
        [ "$(udisks_ignored "$disk")" = true ] || fail "$1: udisks offers $disk"
    done
    [ "$(udisks_ignored /dev/mapper/lc-part1)" = false ] || fail "$1: udisks hides the pair's partition"
    for link in /dev/disk/by-uuid/* /dev/disk/by-label/*; do
        case $(readlink -f "$link") in "$main"*|"$spare"*) fail "$1: $link names the raw disk" ;; esac
    done
}

step "systemd is PID 1, the system is up ($phase)"
[ "$(cat /proc/1/comm)" = systemd ] || fail "PID 1 is $(cat /proc/1/comm)"
systemctl is-active systemd-udevd.service dbus.service > /dev/null || fail "udevd or dbus is not running"
[ "$(findmnt -n -o PROPAGATION /)" = shared ] || fail "/ is $(findmnt -n -o PROPAGATION /), not shared as systemd leaves it"
main=$(disk_with_serial LCMAIN1) || fail "no NVMe disk LCMAIN1"
spare=$(disk_with_serial LCSPARE1) || fail "no NVMe disk LCSPARE1"
kernel=$(uname -r)

if [ "$phase" = boot1 ]; then

step "a GPT main disk with two ext4 partitions"
sfdisk --quiet "$main" <<EOF
label: gpt
size=24MiB, name=first
name=second
EOF
udevadm settle
mkfs.ext4 -q -L lcfirst "${main}p1"
mkfs.ext4 -q -L lcsecond "${main}p2"
udevadm settle
fs_uuid=$(blkid -s UUID -o value "${main}p1")
[ "$(by_uuid "$fs_uuid")" = "${main}p1" ] || fail "before pairing, by-uuid/$fs_uuid is $(by_uuid "$fs_uuid")"
echo hello-pair > /run/marker
mkdir -p /mnt/first && mount "${main}p1" /mnt/first && cp /run/marker /mnt/first/ && umount /mnt/first

step "dpkg -i of the three packages (the module is the build's: DKMS finds no headers)"
for build in /lib/modules/*/build; do mv "$build" "$build.hidden"; done
rm -f /var/lib/man-db/auto-update
debs=("$packages/dm-remap-dkms_${version}_all.deb"
      "$packages"/dm-remap-helper_"${version}"_*.deb
      "$packages"/dm-remap-manager_"${version}"_*.deb)
export DEBIAN_FRONTEND=noninteractive
dpkg -i "${debs[@]}" > "$OUT/dpkg-install.log" 2>&1 || { tail -n 30 "$OUT/dpkg-install.log"; fail "dpkg -i failed"; }
[ -f /lib/udev/rules.d/56-dm-remap.rules ] || fail "the udev rule is not installed"
systemctl is-active dm-remap-helper.service > /dev/null && fail "the helper runs before any call"
lsmod | grep -q '^dm_remap ' || fail "the build's dm-remap module is not loaded"

step "D-Bus activation through the unit, with its sandbox"
call /org/dmremap/Manager1 org.dmremap.Manager1 GetVersion > "$OUT/version.json"
grep -q "\"$version " "$OUT/version.json" || fail "GetVersion: $(cat "$OUT/version.json")"
systemctl is-active dm-remap-helper.service > /dev/null || fail "dm-remap-helper.service is not active after the call"
pid=$(systemctl show -p MainPID --value dm-remap-helper.service)
[ "$(readlink "/proc/$pid/exe")" = /usr/libexec/dm-remap-helper ] || fail "the unit runs $(readlink "/proc/$pid/exe")"
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$pid/status" || fail "the helper runs without NoNewPrivileges"
grep -q '^Seccomp:[[:space:]]*2' "/proc/$pid/status" || fail "the helper runs without its system call filter"
[ "$(systemctl show -p ProtectSystem --value dm-remap-helper.service)" = strict ] || fail "ProtectSystem is not strict"

step "every D-Bus method once under the sandbox"
# The sandbox must leave the helper able to see what it reports: securityfs
# for lockdown, the module (loaded at boot) through device-mapper.
call /org/dmremap/Manager1 org.dmremap.Manager1 GetSystemStatus > "$OUT/system-status.json" || fail "GetSystemStatus"
for fragment in '"device-mapper":{"type":"b","data":true}' '"remap-target":{"type":"s","data":"loaded"}' \
    '"lockdown":{"type":"s","data":"none"}' '"secure-boot":{"type":"s","data":"off"}' \
    "\"kernel-release\":{\"type\":\"s\",\"data\":\"$kernel\"}" '"smartctl":{"type":"s","data":"/usr/sbin/smartctl"}'; do
    grep -qF "$fragment" "$OUT/system-status.json" || fail "GetSystemStatus lacks $fragment: $(cat "$OUT/system-status.json")"
done
call /org/dmremap/Manager1 org.dmremap.Manager1 GetDisks > "$OUT/disks.json"
call /org/dmremap/Manager1 org.dmremap.Manager1 GetPairs > "$OUT/pairs-before.json"
main_obj=$(disk_object LCMAIN1)
spare_obj=$(disk_object LCSPARE1)
[ -n "$main_obj" ] && [ -n "$spare_obj" ] || fail "GetDisks lists no LCMAIN1/LCSPARE1: $(cat "$OUT/disks.json")"
call "$main_obj" org.dmremap.Disk1 GetInfo > /dev/null
for method in GetSmart GetAttributes GetSelfTests GetRawJson Refresh Wake; do
    call "$main_obj" org.dmremap.Smart1 "$method" > /dev/null || fail "Smart1.$method"
done
call "$main_obj" org.dmremap.Smart1 SetDeviceType s nvme > /dev/null || fail "Smart1.SetDeviceType"
# QEMU's NVMe disk may refuse self-tests: the helper's own error is an
# answer; a denial or a broken sandbox is not.
for method in "StartSelfTest s short" AbortSelfTest; do
    call "$main_obj" org.dmremap.Smart1 $method > /dev/null 2> "$OUT/selftest.err" \
        || ! grep -qi 'denied\|not permitted\|no such\|timeout\|NoReply' "$OUT/selftest.err" \
        || fail "Smart1.${method%% *}: $(cat "$OUT/selftest.err")"
done
# udev made slow on the spare, as on a loaded machine: the event of the
# spare's erase is still being processed when the pair is recorded, and the
# helper's close that announces the record must not fall into it (udev does
# not watch a disk during its events). CreatePair waits for udev, hence the
# longer timeout.
mkdir -p /run/udev/rules.d
echo "ACTION==\"change\", KERNEL==\"${spare#/dev/}\", PROGRAM=\"/bin/sleep 8\"" > /run/udev/rules.d/10-slow-spare.rules
udevadm control --reload
busctl --system --json=short --timeout=90 call org.dmremap.Manager1 /org/dmremap/Manager1 org.dmremap.Manager1 \
    CreatePair 'sooa{sv}' lc "$main_obj" "$spare_obj" 1 erase-spare b true > "$OUT/create.json" || fail "CreatePair"
hidden "$spare" || fail "CreatePair answered while udev still offers the spare: $(udevadm info -q property -n "$spare" | grep -E 'SYSTEMD_READY|DM_REMAP')"
rm /run/udev/rules.d/10-slow-spare.rules
udevadm control --reload
pair_obj=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"][0])' "$OUT/create.json")
[ -b /dev/mapper/lc ] || fail "no /dev/mapper/lc after CreatePair"
call "$pair_obj" org.dmremap.Pair1 GetStatus > /dev/null || fail "Pair1.GetStatus"
call "$pair_obj" org.dmremap.Pair1 ListRemaps tu 0 100 > /dev/null || fail "Pair1.ListRemaps"
call "$pair_obj" org.dmremap.Pair1 ListPending > /dev/null || fail "Pair1.ListPending"
call "$pair_obj" org.dmremap.Pair1 GetMap ttu 0 1000 10 > /dev/null || fail "Pair1.GetMap"
call "$pair_obj" org.dmremap.Pair1 Remap t 60000 > "$OUT/remap.json" || fail "Pair1.Remap"
# The copy itself is tested in vm.helper-remove (replace.sh); under the
# sandbox both methods must reach their own checks: the main disk is no
# candidate (SameDisk), and no replacement runs (NotFound).
call "$pair_obj" org.dmremap.Pair1 ReplaceMain 'oa{sv}' "$main_obj" 1 erase-new-disk b true > /dev/null 2> "$OUT/replace.err" \
    && fail "ReplaceMain accepted the pair's own main disk"
grep -q "SameDisk\|is a disk of pair" "$OUT/replace.err" || fail "Pair1.ReplaceMain: $(cat "$OUT/replace.err")"
call "$pair_obj" org.dmremap.Pair1 CancelReplace > /dev/null 2> "$OUT/cancel.err" && fail "CancelReplace without a replacement"
grep -q "is not being replaced" "$OUT/cancel.err" || fail "Pair1.CancelReplace: $(cat "$OUT/cancel.err")"
# The history database is in the unit's StateDirectory: written and read
# under the sandbox (GetForecast says whether the store is open).
day=$(( $(date +%s) / 86400 * 86400 ))
call "$main_obj" org.dmremap.Disk1 GetHistory xxx "$day" $((day + 86400)) 3600 > "$OUT/disk-history.json" 2>&1 \
    || fail "Disk1.GetHistory: $(cat "$OUT/disk-history.json")"
call "$pair_obj" org.dmremap.Pair1 GetHistory xxx "$day" $((day + 86400)) 86400 > "$OUT/pair-history.json" 2>&1 \
    || fail "Pair1.GetHistory: $(cat "$OUT/pair-history.json")"
call "$pair_obj" org.dmremap.Pair1 GetForecast > "$OUT/forecast.json" 2>&1 || fail "Pair1.GetForecast: $(cat "$OUT/forecast.json")"
grep -qF '"history-available":{"type":"b","data":true}' "$OUT/forecast.json" \
    || fail "no history under the sandbox: $(cat "$OUT/forecast.json")"
[ -s /var/lib/dm-remap/history.db ] || fail "no /var/lib/dm-remap/history.db under the sandbox"
# The background scan under the sandbox: its thread reads at idle I/O
# priority (the unit's system-call filter must let ioprio_set through).
call "$pair_obj" org.dmremap.Pair1 StartScan > /dev/null || fail "Pair1.StartScan"
helper_pid=$(systemctl show -p MainPID --value dm-remap-helper.service)
scan_thread_idle() {
    local task
    for task in /proc/"$helper_pid"/task/*; do
        [ "$(cat "$task/comm" 2>/dev/null)" = dm-remap-scan ] && ionice -p "${task##*/}" | grep -qx idle && return 0
    done
    return 1
}
wait_for 10 scan_thread_idle || fail "no scan thread at idle I/O priority: $(for t in /proc/"$helper_pid"/task/*; do echo "$(cat "$t/comm") $(ionice -p "${t##*/}")"; done)"
call "$pair_obj" org.dmremap.Pair1 StopScan > /dev/null || fail "Pair1.StopScan"
call /org/dmremap/Manager1 org.dmremap.Manager1 Assemble > "$OUT/assemble.json" || fail "Manager1.Assemble"
journalctl -u dm-remap-helper.service --no-pager > "$OUT/helper-journal.log" 2>&1 || true

step "the helper recorded the pair, and udev hides its disks"
grep -q '^pair .*name=lc ' /var/lib/dm-remap/pairs || fail "CreatePair wrote no record: $(cat /var/lib/dm-remap/pairs 2>&1)"
cat /var/lib/dm-remap/pairs
# The helper closes both disks after writing the record; udev's watch then
# reads them again, once it has seen the close (settle alone may come first).
for disk in "$main" "$spare"; do
    wait_for 10 hidden "$disk" || fail "10 s after pairing, udev still offers $disk: $(udevadm info -q property -n "$disk" | grep -E 'SYSTEMD_READY|ID_FS_TYPE|DM_REMAP')"
done
udevadm settle

check_paired "after pairing"
udevadm info -q property -n "$main" | grep '^DM_REMAP_' | tee "$OUT/member-properties.txt"
grep -qx 'DM_REMAP_ROLE=main' "$OUT/member-properties.txt" || fail "the main disk is not marked main"

step "fstab by file system UUID mounts the pair's partition"
mkdir -p /mnt/pairdata
echo "$fs_uuid" > /var/lib/lifecycle-fs-uuid
echo "UUID=$fs_uuid /mnt/pairdata ext4 defaults 0 2" >> /etc/fstab
systemctl daemon-reload
systemctl start mnt-pairdata.mount || fail "mnt-pairdata.mount: $(systemctl status mnt-pairdata.mount --no-pager)"
[ "$(findmnt -n -o SOURCE /mnt/pairdata)" = /dev/mapper/lc-part1 ] || fail "/mnt/pairdata is $(findmnt -n -o SOURCE /mnt/pairdata)"
cmp /mnt/pairdata/marker /run/marker || fail "the data on the pair's partition differs"
findmnt -n -S "${main}p1" > /dev/null && fail "the raw partition is mounted"
systemctl stop mnt-pairdata.mount

step "the next boot of the same disks: no pair device, the kernel's partitions back, coldplug"
kpartx -d -p -part /dev/mapper/lc
dmsetup remove lc
partx -a "$main"
[ -b "${main}p1" ] || fail "the kernel did not give the partitions back"
# A boot starts with an empty udev database.
udevadm info --cleanup-db
udevadm trigger --action=add --settle
[ ! -e "${main}p1" ] || fail "before assembly, the raw partition ${main}p1 is still there"
[ -z "$(by_uuid "$fs_uuid")" ] || fail "before assembly, by-uuid/$fs_uuid is $(by_uuid "$fs_uuid")"
[ "$(udisks_ignored "$main")" = true ] || fail "before assembly, udisks offers $main"
systemctl start mnt-pairdata.mount --no-block
systemctl restart dm-remap-assemble.service || fail "dm-remap-assemble.service: $(systemctl status dm-remap-assemble.service --no-pager)"
wait_for 60 mountpoint -q /mnt/pairdata || fail "the fstab line did not mount once the pair was assembled"
check_paired "after assembly"
[ "$(findmnt -n -o SOURCE /mnt/pairdata)" = /dev/mapper/lc-part1 ] || fail "after assembly /mnt/pairdata is $(findmnt -n -o SOURCE /mnt/pairdata)"
cmp /mnt/pairdata/marker /run/marker || fail "the data differs after assembly"
cp /run/marker /var/lib/lifecycle-marker

step "ready for boot 2: the fstab line stays, the build's module is where modprobe finds it"
install -D -m 644 "$VM_MODULE" "/lib/modules/$kernel/updates/dm-remap.ko"
depmod -a "$kernel"
echo "lifecycle boot 1 passed"
exit 0
fi

fs_uuid=$(cat /var/lib/lifecycle-fs-uuid)
cp /var/lib/lifecycle-marker /run/marker
pair_obj=/org/dmremap/Manager1/pairs/lc
journalctl -b --no-pager -o short-monotonic > "$OUT/boot-journal.log" 2>&1 || true

step "dm-remap-assemble.service started the pair before local-fs-pre.target"
[ "$(systemctl show -p Result --value dm-remap-assemble.service)" = success ] \
    && systemctl is-active dm-remap-assemble.service > /dev/null \
    || fail "dm-remap-assemble.service: $(systemctl status dm-remap-assemble.service --no-pager 2>&1)"
journalctl -b -u dm-remap-assemble.service --no-pager | tee "$OUT/assemble-journal.log"
grep -q 'pair lc started as /dev/mapper/lc' "$OUT/assemble-journal.log" || fail "the assembly unit did not start pair lc"
monotonic() { systemctl show -p "$2" --value "$1"; }
assembled=$(monotonic dm-remap-assemble.service ActiveEnterTimestampMonotonic)
local_fs_pre=$(monotonic local-fs-pre.target ActiveEnterTimestampMonotonic)
mounted=$(monotonic mnt-pairdata.mount ActiveEnterTimestampMonotonic)
local_fs=$(monotonic local-fs.target ActiveEnterTimestampMonotonic)
echo "monotonic us: assembled $assembled, local-fs-pre.target $local_fs_pre, /mnt/pairdata $mounted, local-fs.target $local_fs"
[ "$assembled" -gt 0 ] && [ "$assembled" -le "$local_fs_pre" ] && [ "$local_fs_pre" -le "$mounted" ] && [ "$mounted" -le "$local_fs" ] \
    || fail "boot order: assembled $assembled, local-fs-pre.target $local_fs_pre, mounted $mounted, local-fs.target $local_fs"
# systemd-analyze answers only once boot is finished, which this unit delays.
echo "assembly ran $(( ($(monotonic dm-remap-assemble.service ExecMainExitTimestampMonotonic) - $(monotonic dm-remap-assemble.service ExecMainStartTimestampMonotonic)) / 1000 )) ms"

step "the fstab line by UUID mounted the pair's partition, never the raw one"
[ "$(findmnt -n -o SOURCE /mnt/pairdata)" = /dev/mapper/lc-part1 ] || fail "/mnt/pairdata is $(findmnt -n -o SOURCE /mnt/pairdata)"
findmnt -n -S "${main}p1" > /dev/null && fail "the raw partition is mounted"
dmesg | grep -q "EXT4-fs (${main##*/}p" && fail "a raw partition was mounted during boot: $(dmesg | grep "EXT4-fs (${main##*/}p")"
check_paired "after boot 2"
cmp /mnt/pairdata/marker /run/marker || fail "the data differs after boot 2"

step "--assemble-recorded again leaves the running pair alone"
minor=$(dmsetup info -c --noheadings -o minor lc)
/usr/libexec/dm-remap-helper --assemble-recorded > "$OUT/assemble-again.log" 2>&1 || fail "second --assemble-recorded: $(cat "$OUT/assemble-again.log")"
grep -q 'pair lc is up already' "$OUT/assemble-again.log" || fail "second --assemble-recorded: $(cat "$OUT/assemble-again.log")"
[ "$(dmsetup info -c --noheadings -o minor lc)" = "$minor" ] && mountpoint -q /mnt/pairdata || fail "the second run touched the pair"

step "removal: refused while a partition is mounted; then the helper removes partitions, pair and record"
call "$pair_obj" org.dmremap.Pair1 Remove > /dev/null 2> "$OUT/remove-busy.err" && fail "Pair1.Remove removed a pair whose partition is mounted"
grep -q 'lc-part1 is open: mounted on /mnt/pairdata' "$OUT/remove-busy.err" || fail "Pair1.Remove while mounted: $(cat "$OUT/remove-busy.err")"
mountpoint -q /mnt/pairdata || fail "the refused removal unmounted the pair's partition"
[ -b /dev/mapper/lc-part2 ] || fail "the refused removal took /dev/mapper/lc-part2 away"
umount /mnt/pairdata
sed -i '\|/mnt/pairdata|d' /etc/fstab
# The unmount's close makes udev probe the partition once more; the unmount
# reaches the copies in the services' mount namespaces (/ is shared).
udevadm settle
call "$pair_obj" org.dmremap.Pair1 Remove > /dev/null 2> "$OUT/remove.err" ||
    fail "Pair1.Remove after the unmount: $(cat "$OUT/remove.err"); held by: $(holders /dev/mapper/lc-part1); $(findmnt -n /mnt/pairdata); $(dmsetup info -c 2>&1)"
[ -z "$(dmsetup ls | grep '^lc')" ] || fail "devices of the pair are left: $(dmsetup ls)"
grep -q 'name=lc ' /var/lib/dm-remap/pairs && fail "the record still names the removed pair"
wait_for 10 test -b "${main}p1" || fail "the raw partitions did not come back"
udevadm settle
[ "$(by_uuid "$fs_uuid")" = "${main}p1" ] || fail "after removal by-uuid/$fs_uuid is $(by_uuid "$fs_uuid")"
[ "$(udisks_ignored "$main")" = false ] || fail "after removal udisks still hides $main"

step "replacing the main disk: its copy hidden from udev, the mounted partition moves to the new disk"
new=$(disk_with_serial LCNEW1) || fail "no NVMe disk LCNEW1"
call /org/dmremap/Manager1 org.dmremap.Manager1 CreatePair 'sooa{sv}' lc "$(disk_object LCMAIN1)" "$(disk_object LCSPARE1)" \
    1 erase-spare b true > /dev/null || fail "CreatePair again"
wait_for 20 test -b /dev/mapper/lc-part1 || fail "no /dev/mapper/lc-part1 after pairing again: $(ls /dev/mapper)"
udevadm settle
mount /dev/mapper/lc-part1 /mnt/pairdata
call "$pair_obj" org.dmremap.Pair1 ReplaceMain 'oa{sv}' "$(disk_object LCNEW1)" 1 erase-new-disk b true > /dev/null \
    2> "$OUT/replace.err" || fail "Pair1.ReplaceMain: $(cat "$OUT/replace.err")"
hidden "$new" || fail "udev offers the new disk during the copy: $(udevadm info -q property -n "$new" | grep -E 'SYSTEMD_READY|DM_REMAP')"
[ "$(udisks_ignored "$new")" = true ] || fail "udisks offers the new disk during the copy"
wait_for 120 sh -c "dmsetup table lc | grep -q ' linear '" || fail "the copy did not finish: $(dmsetup status lc)"
[ "$(findmnt -n -o SOURCE /mnt/pairdata)" = /dev/mapper/lc-part1 ] || fail "after the replacement /mnt/pairdata is $(findmnt -n -o SOURCE /mnt/pairdata)"
cmp /mnt/pairdata/marker /run/marker || fail "the data differs after the replacement"
echo written-after > /mnt/pairdata/after && sync || fail "writing after the replacement"
udevadm settle
[ "$(by_uuid "$fs_uuid")" = "$(readlink -f /dev/mapper/lc-part1)" ] || fail "after the replacement by-uuid/$fs_uuid is $(by_uuid "$fs_uuid")"
[ -z "$(blkid -p "$main" 2>/dev/null)" ] || fail "the old main disk still carries signatures: $(blkid -p "$main")"
[ "$(udisks_ignored "$main")" = false ] || fail "after the replacement udisks still hides the old main disk"
grep -q 'name=lc ' /var/lib/dm-remap/pairs && fail "the record still names the replaced pair"
umount /mnt/pairdata
echo "lifecycle VM test passed"
