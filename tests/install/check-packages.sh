#!/bin/bash
# The packages test: cpack builds the three .deb files into <build>/packages
# (where the package VM test takes them from); lintian finds no error and no
# warning; each package holds exactly its share of expected-files.txt plus
# its copyright and changelog; the control fields say what a user's apt
# needs. Usage: check-packages.sh <build dir> <work dir> <version>
set -euo pipefail
build=$1 work=$2 version=$3
here=$(dirname "$(readlink -f "$0")")
packages=$build/packages
arch=$(dpkg --print-architecture)
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

rm -rf "$work" "$packages"
mkdir -p "$work"
start=$(date +%s)
(cd "$build" && cpack -G DEB) > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
pass "cpack: $(ls "$packages" | tr '\n' ' ')in $(( $(date +%s) - start )) s"

declare -A deb=(
    [dm-remap-dkms]=$packages/dm-remap-dkms_${version}_all.deb
    [dm-remap-helper]=$packages/dm-remap-helper_${version}_${arch}.deb
    [dm-remap-manager]=$packages/dm-remap-manager_${version}_${arch}.deb
)
for package in "${!deb[@]}"; do
    [ -f "${deb[$package]}" ] || { fail "no ${deb[$package]}"; continue; }
    # Contents: this package's lines of expected-files.txt, its own
    # copyright and changelog, nothing else.
    {
        sed -e 's/#.*//' -e '/^\s*$/d' -e "s/@VERSION@/$version/" "$here/expected-files.txt" \
            | awk -v p="$package" '$1 == p {print $2}'
        echo "/usr/share/doc/$package/changelog.gz"
        echo "/usr/share/doc/$package/copyright"
    } | sort > "$work/$package.expected"
    dpkg-deb --fsys-tarfile "${deb[$package]}" | tar -t | grep -v '/$' | sed 's|^\./|/|' | sort > "$work/$package.contents"
    if diff -u "$work/$package.expected" "$work/$package.contents" > "$work/$package.diff"; then
        pass "$package: $(wc -l < "$work/$package.contents") files, as expected"
    else
        fail "$package contents differ (- missing, + stray):"
        cat "$work/$package.diff" >&2
    fi
    # Owned by root, no world-writable file, executables only where expected.
    dpkg-deb -c "${deb[$package]}" > "$work/$package.list"
    awk '$2 != "root/root" {print}' "$work/$package.list" | grep . && fail "$package: files not owned by root"
    awk '$1 ~ /^-.......w/ {print}' "$work/$package.list" | grep . && fail "$package: world-writable files"
    dpkg-deb -f "${deb[$package]}" Version | grep -qx "$version" || fail "$package: version is not $version"
    for script in postinst prerm postrm; do
        dpkg-deb --ctrl-tarfile "${deb[$package]}" | tar -x -O "./$script" > "$work/$package.$script" 2>/dev/null || continue
        sh -n "$work/$package.$script" || fail "$package $script: syntax error"
        grep -q '^set -e$' "$work/$package.$script" || fail "$package $script: no set -e"
    done
done

# What apt needs to know.
field() { dpkg-deb -f "${deb[$1]}" "$2"; }
[ "$(field dm-remap-dkms Architecture)" = all ] || fail "dm-remap-dkms is not Architecture: all"
field dm-remap-dkms Depends | grep -qw dkms || fail "dm-remap-dkms does not depend on dkms"
helper_depends=$(field dm-remap-helper Depends)
for dependency in dbus polkitd smartmontools dmsetup kpartx libqt6dbus6 libqt6sql6 libqt6sql6-sqlite libdevmapper1.02.1 libudev1; do
    echo "$helper_depends" | grep -q "\\b$dependency\\b" || fail "dm-remap-helper does not depend on $dependency: $helper_depends"
done
field dm-remap-helper Recommends | grep -q "dm-remap-dkms (= $version)" || fail "dm-remap-helper does not recommend dm-remap-dkms"
manager_depends=$(field dm-remap-manager Depends)
for dependency in "dm-remap-helper (= $version)" libqt6widgets6 libqt6svg6 qt6-qpa-plugins; do
    echo "$manager_depends" | grep -qF "$dependency" || fail "dm-remap-manager does not depend on $dependency: $manager_depends"
done
dpkg-deb --ctrl-tarfile "${deb[dm-remap-manager]}" | tar -x -O ./conffiles > "$work/conffiles"
grep -qx /etc/xdg/autostart/dm-remap-manager-tray.desktop "$work/conffiles" \
    || fail "the autostart file is not a conffile"
pass "control fields: architecture, dependencies, conffiles"

# lintian: no error, no warning (its informational tags are listed).
start=$(date +%s)
lintian --tag-display-limit 0 "${deb[@]}" > "$work/lintian.log" 2>&1 || true
grep -v 'running with root privileges' "$work/lintian.log" > "$work/lintian.tags" || true
if grep -q '^[EW]: ' "$work/lintian.tags"; then
    fail "lintian:"
    grep '^[EW]: ' "$work/lintian.tags" >&2
else
    pass "lintian: no error or warning ($(grep -c . "$work/lintian.tags" || true) other lines) in $(( $(date +%s) - start )) s"
fi

if [ "$failures" -gt 0 ]; then
    echo "packages test: $failures failure(s)"
    exit 1
fi
echo "packages test: all checks passed"
