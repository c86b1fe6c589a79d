#!/bin/bash
# Guest script of the package VM test (vm-run --writable-root): the three
# .deb files installed with dpkg as a user would, DKMS building the module
# for the running kernel, the system bus activating the installed helper on
# the first dm-remapctl call, the kernel loading the module by itself for the
# first pair; then dpkg --purge leaves the system as it was.
# Usage: vm-packages.sh <packages dir> <source dir> <version>
set -euo pipefail
packages=$1 src=$2 version=$3
# shellcheck source=../e2e/guest-lib.sh
. "$src/tests/e2e/guest-lib.sh"
# shellcheck source=../vm/lib.sh
. "$src/tests/vm/lib.sh"
fail() { e2e_fail "$@"; }
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR
kernel=$(uname -r)
debs=("$packages/dm-remap-dkms_${version}_all.deb"
      "$packages"/dm-remap-helper_"${version}"_*.deb
      "$packages"/dm-remap-manager_"${version}"_*.deb)
for deb in "${debs[@]}"; do [ -f "$deb" ] || fail "no package $deb"; done

# Where a package, its maintainer scripts, dpkg's triggers or DKMS may add
# files, minus what dpkg logs and caches by design (its database, logs, the
# man-db index). Deep trees over 9p take minutes to walk, so those are
# listed to the depth where something could appear; every file the packages
# shipped is checked on its own as well (dpkg -L). DKMS makes its module
# signing key (/var/lib/dkms/mok.*) on its first build and keeps it for
# every module it signs: DKMS's state, not this package's.
snapshot() { # <file>
    { # find fails on the paths that do not exist (yet): they are simply not listed
        find /etc /var /usr/bin /usr/sbin /usr/libexec /usr/lib/systemd /usr/share/dbus-1 \
            /usr/share/polkit-1 /usr/share/man /usr/share/applications /usr/share/metainfo -xdev \
            \( -path /var/lib/dpkg -o -path /var/log -o -path /var/cache/man -o -path /var/cache/debconf \) -prune \
            -o -print
        find /usr/src /usr/share/doc -maxdepth 1
        find /usr/share/icons /usr/lib/modules -maxdepth 2
        find /usr/lib/modules/*/updates
    } 2>/dev/null | grep -v '^/var/lib/dkms/mok\.\(key\|pub\)$' | sort > "$1" || true
}


# man-db's trigger re-indexes every page over 9p for minutes; without its
# auto-update flag it does nothing (the page files are checked anyway).
rm -f /var/lib/man-db/auto-update

step "file list before"
snapshot "$OUT/before.txt"
main=$(disk_with_serial PKGMAIN1) || fail "no NVMe disk PKGMAIN1"
spare=$(disk_with_serial PKGSPARE1) || fail "no NVMe disk PKGSPARE1"
lsmod | grep -q '^dm_remap ' && fail "dm_remap is loaded before the install"

# DKMS builds for the running kernel and the newest installed one. Each
# build takes minutes under TCG, so the other kernels' configs (how
# /usr/lib/dkms/common.postinst finds them) are out of sight meanwhile.
mkdir -p /run/other-kernels
for config in /boot/config-*; do
    [ "$config" = "/boot/config-$kernel" ] || mv "$config" /run/other-kernels/
done

step "dpkg -i ${debs[*]##*/}"
export DEBIAN_FRONTEND=noninteractive
start=$(cut -d. -f1 /proc/uptime)
dpkg -i "${debs[@]}" > "$OUT/dpkg-install.log" 2>&1 || { tail -n 40 "$OUT/dpkg-install.log"; fail "dpkg -i failed"; }
echo "dpkg -i with the DKMS build took $(( $(cut -d. -f1 /proc/uptime) - start )) s"
for package in dm-remap-dkms dm-remap-helper dm-remap-manager; do
    [ "$(dpkg-query -W -f='${Status} ${Version}' "$package")" = "install ok installed $version" ] \
        || fail "$package is not installed: $(dpkg-query -W -f='${Status} ${Version}' "$package")"
done

step "DKMS built and installed the module for $kernel"
dkms status -m dm-remap -v "$version" | tee "$OUT/dkms-status.txt"
grep -q "^dm-remap/$version, $kernel, [^:]*: installed" "$OUT/dkms-status.txt" || fail "DKMS did not install dm-remap for $kernel"
module=$(modinfo -n dm-remap) || fail "modinfo finds no dm-remap"
[ "$module" = "/lib/modules/$kernel/updates/dkms/dm-remap.ko" ] || fail "modinfo finds $module"
[ "$(modinfo -F vermagic dm-remap | cut -d' ' -f1)" = "$kernel" ] || fail "vermagic $(modinfo -F vermagic dm-remap)"

step "the boot-time assembly unit is enabled, as deb-systemd-helper leaves it"
[ "$(readlink /etc/systemd/system/sysinit.target.wants/dm-remap-assemble.service)" = /lib/systemd/system/dm-remap-assemble.service ] \
    || fail "dm-remap-assemble.service is not enabled"
[ ! -e /etc/systemd/system/multi-user.target.wants/dm-remap-helper.service ] || fail "the D-Bus activated helper was enabled"

step "the system bus activates the installed helper on the first call"
e2e_start_system
e2e_helper_running && fail "the helper runs before any call"
pkaction --action-id org.dmremap.create-pair --verbose > "$OUT/pkaction.txt" || fail "polkitd does not know org.dmremap.create-pair"
grep -q 'implicit active: *auth_admin$' "$OUT/pkaction.txt" || fail "create-pair defaults: $(cat "$OUT/pkaction.txt")"
dm-remapctl --json disks > "$OUT/disks.json" 2> "$OUT/disks.err" || fail "dm-remapctl disks: $(cat "$OUT/disks.err")"
e2e_helper_running || fail "no helper owns org.dmremap.Manager1 after the call"
helper_pid=$(pidof dm-remap-helper) || fail "no dm-remap-helper process"
[ "$(readlink "/proc/$helper_pid/exe")" = /usr/libexec/dm-remap-helper ] || fail "the helper runs from $(readlink "/proc/$helper_pid/exe")"
for disk in "$main" "$spare"; do
    python3 -c 'import json,sys; sys.exit(0 if any(d["path"] == sys.argv[2] for d in json.load(open(sys.argv[1]))) else 1)' \
        "$OUT/disks.json" "$disk" || fail "dm-remapctl disks does not list $disk"
done

step "the first pair makes the kernel load dm-remap by itself"
lsmod | grep -q '^dm_remap ' && fail "dm_remap was loaded before any pair"
dm-remapctl pair create pkgtest "$main" "$spare" --erase-spare > "$OUT/create.txt" 2>&1 || fail "pair create: $(cat "$OUT/create.txt")"
lsmod | grep -q '^dm_remap ' || fail "dm_remap is not loaded after pair create"
dmsetup targets | grep -q '^remap ' || fail "dmsetup targets does not list remap"
head -c 1M /dev/urandom > /run/data
dd if=/run/data of=/dev/mapper/pkgtest bs=1M oflag=direct status=none
cmp <(head -c 1M /dev/mapper/pkgtest) /run/data || fail "data read back from the pair differs"
dm-remapctl pair remove pkgtest > "$OUT/remove.txt" 2>&1 || fail "pair remove: $(cat "$OUT/remove.txt")"
rmmod dm_remap || fail "rmmod dm_remap failed after the pair was removed"

# The app's banner names the next step from this answer; nobody may ask.
system_status() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- gdbus call --system --dest org.dmremap.Manager1 \
        --object-path /org/dmremap/Manager1 --method org.dmremap.Manager1.GetSystemStatus
}
expect_status() { # <what> <expected fragment>...
    local what=$1 answer fragment
    shift
    answer=$(system_status) || fail "GetSystemStatus as nobody ($what): $answer"
    echo "$what: $answer"
    for fragment in "$@"; do
        [[ $answer == *"$fragment"* ]] || fail "GetSystemStatus ($what) lacks $fragment: $answer"
    done
}
ctl_check() { # <expected exit code> <expected fragment>...: dm-remapctl check as nobody
    local code=$1 out rc=0 fragment
    shift
    out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups -- dm-remapctl --no-interaction check 2>&1) || rc=$?
    echo "$out"
    [ "$rc" = "$code" ] || fail "dm-remapctl check exited $rc, not $code: $out"
    for fragment in "$@"; do
        [[ $out == *"$fragment"* ]] || fail "dm-remapctl check lacks '$fragment': $out"
    done
}
step "GetSystemStatus: the module missing, then loaded by the question, then refused by a locked-down kernel"
mv "$module" /run/dm-remap.ko.away
expect_status "module missing" "'device-mapper': <true>" "'remap-target': <'not-loadable'>" "'remap-target-version': <''>" \
    "'kernel-release': <'$kernel'>" "'secure-boot': <'off'>" "'lockdown': <'none'>" "'smartctl': <'/usr/sbin/smartctl'>"
ctl_check 1 "dm-remap target: cannot be loaded: install dm-remap-dkms and linux-headers-$kernel" "not ready"
mv /run/dm-remap.ko.away "$module"
lsmod | grep -q '^dm_remap ' && fail "dm_remap is loaded before the question"
expect_status "module back" "'remap-target': <'loaded'>"
lsmod | grep -q '^dm_remap ' || fail "asking for the system status did not load dm_remap"
target_version=$(dmsetup targets | awk '$1 == "remap" { sub(/^v/, "", $2); print $2 }')
expect_status "module loaded" "'remap-target-version': <'$target_version'>"
ctl_check 0 "dm-remap target: loaded, version $target_version" "smartctl: /usr/sbin/smartctl" "ready"
rmmod dm_remap || fail "rmmod dm_remap failed after the status probe"
# What Secure Boot does: a locked-down kernel loads only modules signed by a
# key it trusts, and DKMS signs with its own key, not enrolled here.
echo integrity > /sys/kernel/security/lockdown
modprobe dm-remap 2> "$OUT/modprobe-lockdown.txt" && fail "the locked-down kernel loaded DKMS's module"
expect_status "kernel locked down" "'remap-target': <'not-loadable'>" "'lockdown': <'integrity'>"
ctl_check 1 "lockdown integrity" "mokutil --import /var/lib/dkms/mok.pub"

step "dpkg --purge"
dpkg-query -L dm-remap-dkms dm-remap-helper dm-remap-manager | sort -u > "$OUT/shipped.txt"
dpkg --purge dm-remap-manager dm-remap-helper dm-remap-dkms > "$OUT/dpkg-purge.log" 2>&1 \
    || { cat "$OUT/dpkg-purge.log"; fail "dpkg --purge failed"; }
e2e_stop_system
for package in dm-remap-dkms dm-remap-helper dm-remap-manager; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || echo not-installed)
    [ "$status" = not-installed ] || fail "$package is $status after the purge"
done
[ -z "$(dkms status -m dm-remap)" ] || fail "dkms still knows dm-remap: $(dkms status -m dm-remap)"
modinfo dm-remap > /dev/null 2>&1 && fail "modinfo still finds dm-remap: $(modinfo -n dm-remap)"
modprobe dm-remap 2> /dev/null && fail "modprobe dm-remap still works after the purge"

mv /run/other-kernels/* /boot/ 2>/dev/null || true

step "nothing left: no shipped file, file list after equals file list before"
while read -r path; do
    # Directories the packages share with the system stay.
    if [ -e "$path" ] && [ ! -d "$path" ]; then fail "$path is still there after the purge"; fi
done < "$OUT/shipped.txt"
for dir in /usr/src/dm-remap-"$version" /var/lib/dkms/dm-remap /var/lib/dm-remap /var/lib/dm-remap-helper /usr/share/doc/dm-remap; do
    [ ! -e "$dir" ] || fail "$dir is still there after the purge"
done
snapshot "$OUT/after.txt"
if ! diff -u "$OUT/before.txt" "$OUT/after.txt" > "$OUT/leftovers.diff"; then
    cat "$OUT/leftovers.diff"
    fail "the purge left the file system different from before (+ left over, - removed)"
fi
echo "$(wc -l < "$OUT/after.txt") paths compared"
echo "package VM test passed"
