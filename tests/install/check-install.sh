#!/bin/bash
# The install test: `cmake --install <build> --prefix /usr` into a staging
# root must give exactly the files of expected-files.txt, each valid for the
# tool that reads it; a default-prefix install keeps everything under
# /usr/local. Usage: check-install.sh <build dir> <work dir> <version>
set -euo pipefail
build=$1 work=$2 version=$3
here=$(dirname "$(readlink -f "$0")")
stage=$work/stage
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
# Runs a validator; any failure or any output at all is a failure.
quiet() { # <what> <command...>
    local what=$1 output rc=0
    shift
    output=$("$@" 2>&1) || rc=$?
    if [ "$rc" -ne 0 ] || [ -n "$output" ]; then
        fail "$what (exit $rc): $output"
    else
        pass "$what"
    fi
}

rm -rf "$work"
mkdir -p "$work/runtime"
chmod 700 "$work/runtime"
DESTDIR=$stage cmake --install "$build" --prefix /usr > "$work/install.log"

# 1. Exactly the expected files, nothing stray (no /usr/etc, no /usr/local).
sed -e 's/#.*//' -e '/^\s*$/d' -e "s/@VERSION@/$version/" "$here/expected-files.txt" \
    | awk '{print $2}' | sort > "$work/expected"
(cd "$stage" && find . -type f -o -type l) | sed 's/^\.//' | sort > "$work/installed"
if diff -u "$work/expected" "$work/installed" > "$work/files.diff"; then
    pass "installed files are exactly expected-files.txt ($(wc -l < "$work/expected") files)"
else
    fail "installed files differ from expected-files.txt (- missing, + stray):"
    cat "$work/files.diff" >&2
fi
[ ! -e "$stage/usr/etc" ] || fail "/usr/etc exists"

# 2. Desktop entries and AppStream metadata.
quiet "desktop-file-validate" desktop-file-validate \
    "$stage/usr/share/applications/dm-remap-manager.desktop" \
    "$stage/etc/xdg/autostart/dm-remap-manager-tray.desktop"
if appstreamcli validate --no-net --pedantic "$stage/usr/share/metainfo/org.dmremap.Manager.metainfo.xml" \
        > "$work/appstream.log" 2>&1; then
    pass "appstreamcli validate"
else
    fail "appstreamcli validate: $(cat "$work/appstream.log")"
fi
grep -q '<launchable type="desktop-id">dm-remap-manager.desktop</launchable>' \
    "$stage/usr/share/metainfo/org.dmremap.Manager.metainfo.xml" \
    && [ -e "$stage/usr/share/applications/dm-remap-manager.desktop" ] \
    || fail "the metainfo's launchable is not the installed desktop file"
for desktop in "$stage/usr/share/applications/dm-remap-manager.desktop" "$stage/etc/xdg/autostart/dm-remap-manager-tray.desktop"; do
    # Every Exec= (the entry's and its actions'): the program, and options
    # it knows.
    while read -r exec_name exec_args; do
        [ -x "$stage/usr/bin/$exec_name" ] || { fail "$(basename "$desktop"): Exec=$exec_name is not in /usr/bin"; continue; }
        usage=$(QT_QPA_PLATFORM=offscreen "$stage/usr/bin/$exec_name" --help 2>/dev/null || true)
        for arg in $exec_args; do
            case $arg in --*) ;; *) continue ;; esac
            grep -q -- "^ *${arg%%=*}\b" <<< "$usage" || fail "$(basename "$desktop"): $exec_name does not know $arg"
        done
    done < <(sed -n 's/^Exec=//p' "$desktop")
    icon=$(sed -n 's/^Icon=//p' "$desktop")
    [ -f "$stage/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "$(basename "$desktop"): no icon $icon"
done
quiet "icon is well-formed SVG" xmllint --noout "$stage/usr/share/icons/hicolor/scalable/apps/dm-remap-manager.svg"

# 3. polkit and D-Bus files. Debian 12 ships no polkit DTD: well-formedness
# here, polkitd itself reads the actions in the package VM test. The bus
# policy is checked by the reader that matters: a dbus-daemon that loads it.
quiet "polkit policy is well-formed XML" xmllint --noout "$stage/usr/share/polkit-1/actions/org.dmremap.Manager1.policy"
actions=$(xmllint --xpath '//action/@id' "$stage/usr/share/polkit-1/actions/org.dmremap.Manager1.policy" \
          | grep -o '"[^"]*"' | tr -d '"' | sort | tr '\n' ' ')
[ "$actions" = "org.dmremap.assemble org.dmremap.create-pair org.dmremap.import org.dmremap.read org.dmremap.remap org.dmremap.remove-pair org.dmremap.replace-main org.dmremap.scan org.dmremap.self-test " ] \
    || fail "polkit actions are: $actions"
quiet "D-Bus policy is well-formed XML" xmllint --noout "$stage/usr/share/dbus-1/system.d/org.dmremap.Manager1.conf"
cat > "$work/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$work/bus.socket</listen>
  <servicedir>$stage/usr/share/dbus-1/system-services</servicedir>
  <include>$stage/usr/share/dbus-1/system.d/org.dmremap.Manager1.conf</include>
</busconfig>
EOF
bus_loads() {
    local pid
    dbus-daemon --config-file="$work/bus.conf" --nofork --nopidfile --nosyslog --print-address=1 \
        > "$work/bus.address" 2> "$work/bus.log" &
    pid=$!
    for _ in $(seq 100); do [ -s "$work/bus.address" ] && break; sleep 0.1; done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # Without CAP_SYS_RESOURCE (a container) it says it keeps its fd limit.
    [ -s "$work/bus.address" ] && ! grep -v 'Failed to set fd limit' "$work/bus.log"
}
if bus_loads; then
    pass "dbus-daemon loads the bus policy and the activation file"
else
    fail "dbus-daemon refused the installed bus files: $(cat "$work/bus.log")"
fi
service=$stage/usr/share/dbus-1/system-services/org.dmremap.Manager1.service
[ "$(sed -n 's/^Exec=//p' "$service")" = /usr/libexec/dm-remap-helper ] || fail "activation Exec= is $(sed -n 's/^Exec=//p' "$service")"
[ -x "$stage/usr/libexec/dm-remap-helper" ] || fail "no executable /usr/libexec/dm-remap-helper"
unit=$(sed -n 's/^SystemdService=//p' "$service")
[ -f "$stage/lib/systemd/system/$unit" ] || fail "activation file names $unit, which is not installed"

# 3b. Monitoring: the alerting rules as Prometheus loads them, the Grafana
# dashboard as JSON.
quiet "promtool check rules dm-remap.rules.yml" sh -c \
    'promtool check rules "$1" | grep -v "^Checking\|SUCCESS: [0-9]* rules found\|^$"; exit "${PIPESTATUS:-0}"' sh \
    "$stage/usr/share/dm-remap/monitoring/prometheus/dm-remap.rules.yml"
quiet "the Grafana dashboard is JSON" python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
    "$stage/usr/share/dm-remap/monitoring/grafana/dm-remap.json"

# 4. systemd units: systemd-analyze verify (which also runs man for each
# Documentation=man: page) in a root holding the installed tree and this
# machine's units, and the exposure score of the sandbox.
if command -v systemd-analyze > /dev/null; then
    vroot=$work/verify-root
    cp -a "$stage" "$vroot"
    cp -an /lib/systemd/system/. "$vroot/lib/systemd/system/"
    for unit in dm-remap-helper.service dm-remap-assemble.service; do
        MANPATH=$stage/usr/share/man quiet "systemd-analyze verify $unit" \
            systemd-analyze verify --root="$vroot" "/lib/systemd/system/$unit"
        for doc in $(sed -n 's/^Documentation=//p' "$stage/lib/systemd/system/$unit"); do
            case $doc in
                file://*) [ -f "$stage${doc#file://}" ] || fail "$unit: Documentation=$doc is not installed" ;;
            esac
        done
        exec_path=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$stage/lib/systemd/system/$unit")
        [ -x "$stage$exec_path" ] || fail "$unit: ExecStart=$exec_path is not installed"
    done
    # Exposure is 0 (safe) to 10 (unsafe); a root service that must reach
    # every block device and send raw SCSI/NVMe commands scores 1.8.
    for check in "dm-remap-helper.service 25" "dm-remap-assemble.service 15"; do
        set -- $check
        if systemd-analyze security --offline=yes --root="$vroot" --threshold="$2" "/lib/systemd/system/$1" \
                > "$work/security-$1.log" 2>&1; then
            pass "$1: $(grep -o 'Overall exposure level.*' "$work/security-$1.log")"
        else
            fail "$1: exposure above $2: $(grep -E '✗|Overall' "$work/security-$1.log")"
        fi
    done
    grep -qx 'CapabilityBoundingSet=CAP_SYS_ADMIN CAP_SYS_RAWIO' "$stage/lib/systemd/system/dm-remap-helper.service" \
        || fail "the helper's capability bounding set changed"
else
    fail "systemd-analyze is not installed (package systemd, scripts/packages/packaging.txt)"
fi

# 4b. The udev rule runs installed programs only, by their real paths
# (udev reads the rule in the systemd VM test).
rules=$stage/lib/udev/rules.d/56-dm-remap.rules
for program in $(grep -o '\(IMPORT{program}\|RUN+\)="[^" ]*' "$rules" | sed 's/.*="//'); do
    case $program in
        /usr/libexec/*) [ -x "$stage$program" ] || fail "56-dm-remap.rules runs $program, which is not installed" ;;
        /*) [ -x "$program" ] || fail "56-dm-remap.rules runs $program, which this system lacks" ;;
        ata_id) ;; # udev's own helper in /lib/udev
        *) fail "56-dm-remap.rules runs $program by no absolute path" ;;
    esac
done
grep -q 'IMPORT{program}="/usr/libexec/dm-remap/dm-remap-member ' "$rules" \
    && pass "56-dm-remap.rules: programs installed, member check by its real path" \
    || fail "56-dm-remap.rules does not import /usr/libexec/dm-remap/dm-remap-member"

# 5. Man pages: mandoc's linter at warning level, and each page renders
# with its name. Compressed as Debian ships them.
for page in man1/dm-remapctl.1 man1/dm-remap-manager.1 man8/dm-remap-helper.8; do
    gz=$stage/usr/share/man/$page.gz
    gzip -t "$gz" && [ "$(zcat "$gz" | wc -c)" -gt 1000 ] || fail "$page.gz is not a gzip'ed page"
    zcat "$gz" > "$work/$(basename "$page")"
    quiet "mandoc -T lint $page" mandoc -T lint -W warning "$work/$(basename "$page")"
    name=$(basename "$page" | sed 's/\.[0-9]$//')
    MANWIDTH=80 man -l "$gz" > "$work/man.out" 2> "$work/man.err"
    grep -q "^NAME" "$work/man.out" && [ ! -s "$work/man.err" ] || fail "man -l $page: $(cat "$work/man.err")"
    grep -q "^$name \\\\- " "$work/$(basename "$page")" || fail "$page: NAME line is not \"$name \\- ...\""
done
# Every command of dm-remapctl --help and every option of the helper and
# the app are in their pages, as man shows them.
for page in man1/dm-remapctl.1 man1/dm-remap-manager.1 man8/dm-remap-helper.8; do
    MANWIDTH=200 man -l "$stage/usr/share/man/$page.gz" 2>/dev/null | col -b > "$work/$(basename "$page").txt"
done
for command in $("$stage/usr/bin/dm-remapctl" --help | sed -n 's/^  \([a-z-]*\) .*/\1/p' | sort -u); do
    grep -Eq "^ {7}$command( |$)" "$work/dm-remapctl.1.txt" || fail "dm-remapctl.1 does not document \"$command\""
done
for program in "libexec/dm-remap-helper man8/dm-remap-helper.8" "bin/dm-remap-manager man1/dm-remap-manager.1"; do
    set -- $program
    options=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$work/runtime "$stage/usr/$1" --help | grep -o '^ *\(-[a-z], \)\?--[a-z-]*' | grep -o -- '--[a-z-]*')
    [ -n "$options" ] || fail "$1 --help lists no option"
    for option in $options; do
        grep -qF -- "$option" "$work/$(basename "$2").txt" || fail "$2 does not document $option"
    done
done
pass "man pages document every command and option the programs list"

# 6. The DKMS source: dkms.conf as DKMS reads it (sourced by bash), Kbuild
# naming every C file that is installed, and no file Kbuild needs missing.
src=$stage/usr/src/dm-remap-$version
(
    # What DKMS defines before it reads dkms.conf.
    kernel_source_dir=/lib/modules/KVER/build dkms_tree=/var/lib/dkms
    # shellcheck disable=SC1091
    . "$src/dkms.conf"
    [ "${MAKE[0]}" = "make -C /lib/modules/KVER/build M=/var/lib/dkms/dm-remap/$version/build modules" ] \
        || { echo "MAKE[0]=${MAKE[0]}"; exit 1; }
    [ "$PACKAGE_NAME" = dm-remap ] || { echo "PACKAGE_NAME=$PACKAGE_NAME"; exit 1; }
    [ "$PACKAGE_VERSION" = "$version" ] || { echo "PACKAGE_VERSION=$PACKAGE_VERSION, project $version"; exit 1; }
    [ "${BUILT_MODULE_NAME[0]}" = dm-remap ] || { echo "BUILT_MODULE_NAME=${BUILT_MODULE_NAME[0]}"; exit 1; }
    [ "$AUTOINSTALL" = yes ] || { echo "AUTOINSTALL=$AUTOINSTALL"; exit 1; }
) > "$work/dkms.log" 2>&1 && pass "dkms.conf: dm-remap $version, autoinstall" || fail "dkms.conf: $(cat "$work/dkms.log")"
objects=$(sed -n 's/^dm-remap-y *:= *//p' "$src/Kbuild" | tr ' ' '\n' | sed 's/\.o$//' | sort | tr '\n' ' ')
sources=$(cd "$src" && ls ./*.c | sed 's|^\./||; s/\.c$//' | sort | tr '\n' ' ')
[ -n "$objects" ] && [ "$objects" = "$sources" ] && pass "Kbuild builds every installed .c ($sources)" \
    || fail "Kbuild objects ($objects) != installed sources ($sources)"
for header in $(cd "$src" && grep -ho '#include "[^"]*"' ./*.c ./*.h | sed 's/#include "\(.*\)"/\1/' | sort -u); do
    [ -f "$src/$header" ] || fail "$header is included but not installed"
done

# 7. A default-prefix install keeps everything under /usr/local, and the
# installed files name the paths they really went to.
local_stage=$work/local-stage
DESTDIR=$local_stage cmake --install "$build" > "$work/install-local.log"
outside=$(cd "$local_stage" && find . -type f | grep -v '^\./usr/local/' || true)
[ -z "$outside" ] || fail "default-prefix install wrote outside /usr/local: $outside"
grep -qx 'Exec=/usr/local/libexec/dm-remap-helper' "$local_stage/usr/local/share/dbus-1/system-services/org.dmremap.Manager1.service" \
    && grep -qx 'ExecStart=/usr/local/libexec/dm-remap-helper --assemble-recorded' "$local_stage/usr/local/lib/systemd/system/dm-remap-assemble.service" \
    && [ -f "$local_stage/usr/local/etc/xdg/autostart/dm-remap-manager-tray.desktop" ] \
    && pass "default prefix: /usr/local/etc, /usr/local/lib/systemd/system, /usr/local paths inside" \
    || fail "default-prefix install does not name /usr/local paths"

if [ "$failures" -gt 0 ]; then
    echo "install test: $failures failure(s)"
    exit 1
fi
echo "install test: all checks passed"
