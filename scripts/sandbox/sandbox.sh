#!/bin/bash
# The QEMU sandbox: the whole dm-remap stack installed as a distribution
# would install it, in a VM with emulated disks (a scsi_debug main disk that
# grows bad sectors, an NVMe spare). The guest (guest.sh) pairs them, writes
# data, makes blocks go bad and photographs the app; this side stages the
# install, boots the VM, shows its progress and prints what happened.
#
# usage: sandbox.sh [--out <dir>] [--check] <build dir>
#   --out <dir>   where screenshots, summary.txt and the VM's logs go
#                 (default: ./dm-remap-sandbox)
#   --check       also assert on the results (the ctest test): every
#                 screenshot a PNG of the screen's size and not blank (the
#                 dark scheme's darker than the light one), remaps seen, the
#                 data read back equal to what was written
# The build dir must hold a complete build (the module for the default 6.1
# kernel is built by tests/vm, the screen grabber by tests/app).
set -euo pipefail
src=$(dirname "$(dirname "$(dirname "$(readlink -f "$0")")")")
here=$src/scripts/sandbox

usage() {
    sed -n '/^# usage:/,/^# kernel is built/s/^# \{0,1\}//p' "$0"
    exit 2
}

out=$PWD/dm-remap-sandbox check=0
while [ $# -gt 0 ]; do
    case $1 in
        --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
        --check) check=1; shift ;;
        -h|--help) usage ;;
        -*) echo "sandbox: unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# = 1 ] || usage
build=$(readlink -f "$1")

die() {
    echo "sandbox: $*" >&2
    exit 1
}

kernel=$(ls /lib/modules | grep '^6\.1\.' | sort -V | tail -n1 || true)
[ -n "$kernel" ] || die "no Debian 6.1 kernel installed in /lib/modules (scripts/install-deps.sh installs it)"
module=$build/tests/vm/module/${kernel//[^A-Za-z0-9]/_}/dm-remap.ko
[ -f "$module" ] || die "no dm-remap.ko for $kernel in $build: build everything first"
grab=$build/tests/app/dmremap-screengrab
[ -x "$grab" ] || die "no $grab: build everything first"

mkdir -p "$out"
out=$(readlink -f "$out")
vm_out=$out/vm
rm -rf "$vm_out" "$out"/[0-9][0-9]-*.png "$out/summary.txt"
mkdir -p "$vm_out"
started=$(date +%s)

echo "sandbox: installing the build into a staging root (cmake --install --prefix /usr)"
stage=$build/sandbox-staging
rm -rf "$stage"
DESTDIR=$stage cmake --install "$build" --prefix /usr > "$vm_out/install.log" 2>&1 \
    || { tail -n 20 "$vm_out/install.log" >&2; die "cmake --install failed (log: $vm_out/install.log)"; }

# The module's index, as depmod writes it after a DKMS install: made here in
# seconds rather than in minutes by depmod in the VM.
modules=$build/sandbox-modules
"$src/tests/e2e/module-index.sh" "$kernel" "$module" "$modules" > "$vm_out/module-index.log" 2>&1 \
    || { cat "$vm_out/module-index.log" >&2; die "indexing the module failed"; }

echo "sandbox: booting a QEMU VM with Linux $kernel (no KVM here: about 2-3 minutes)"
# The guest's progress lines, as they are written.
show_progress() {
    local total
    total=$(grep -c '^sandbox: ' "$vm_out/guest.log" 2> /dev/null || true)
    if [ "${total:-0}" -gt "$shown" ]; then
        grep '^sandbox: ' "$vm_out/guest.log" | sed -n "$((shown + 1)),${total}p"
        shown=$total
    fi
}
shown=0
rc=0
"$src/tests/vm/vm-run" --kernel "$kernel" --writable-root --mem 1536 --timeout 900 \
    --build-dir "$build/tests/vm/cache" --share "$build" --share "$src" --out "$vm_out" \
    --scratch-disk nvme:16M:SPARE0001 --scratch-disk nvme:16M:OLD00001 \
    "$here/guest.sh" "$src" "$build" "$stage" "$module" "$modules" > "$vm_out/vm-run.log" 2>&1 &
vm=$!
while kill -0 $vm 2> /dev/null; do
    show_progress
    sleep 1
done
wait $vm || rc=$?
show_progress
rm -f "$vm_out"/scratch*.img
if [ $rc != 0 ]; then
    grep -v '^sandbox: ' "$vm_out/vm-run.log" | tail -n 40 >&2
    die "the sandbox failed (exit $rc); logs in $vm_out"
fi
[ -f "$vm_out/summary.env" ] || die "the guest left no summary; logs in $vm_out"

# shellcheck source=/dev/null
. "$vm_out/summary.env"
shots=()
for f in "$vm_out"/screenshots/*.png; do
    [ -f "$f" ] || continue
    mv "$f" "$out/"
    shots+=("$out/$(basename "$f")")
done
[ "$READ_SHA256" = "$WRITTEN_SHA256" ] && data="intact" || data="DIFFERENT"
elapsed=$(( $(date +%s) - started ))
{
    echo "dm-remap sandbox ($(date -u '+%Y-%m-%d %H:%M UTC'), $((elapsed / 60))m$((elapsed % 60))s, Linux $kernel in QEMU)"
    echo "  main disk:    $MAIN, grew bad sectors"
    echo "  spare disk:   $SPARE"
    echo "  pair:         $PAIR"
    echo "  remaps:       $REMAPPED blocks moved to the spare, $PENDING unreadable and waiting"
    echo "  spare use:    $REMAPPED of $CAPACITY slots (state: $STATE)"
    echo "  data:         $DATA_MIB MiB written, read back: $data (sha256 ${READ_SHA256:0:16}...)"
    echo "  notification: $NOTIFICATION"
    echo "  screenshots:"
    for f in "${shots[@]}"; do echo "    $f"; done
    echo "  logs:         $vm_out"
} > "$out/summary.txt"
echo
cat "$out/summary.txt"

# Files made by root under sudo belong to the user who asked for them.
if [ -n "${SUDO_UID:-}" ] && [ "$(id -u)" = 0 ]; then
    chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$out"
fi

[ $check = 1 ] || exit 0
problems=0
problem() {
    echo "sandbox check: $*" >&2
    problems=$((problems + 1))
}
[ ${#shots[@]} = 7 ] || problem "${#shots[@]} screenshots, expected 7"
declare -A lightness
for f in "${shots[@]}"; do
    [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || { problem "$f is not a PNG"; continue; }
    read -r width height colours lightness["$(basename "$f")"] < <("$grab" --describe "$f") \
        || { problem "$f cannot be read"; continue; }
    [ "${width}x$height" = "$SCREEN" ] || problem "$f is ${width}x$height, not the screen's $SCREEN"
    # A window with text, icons and a map has hundreds of colours; an empty
    # screen has one.
    [ "$colours" -ge 100 ] || problem "$f has only $colours colours"
done
[ "$(md5sum "${shots[@]}" | cut -d' ' -f1 | sort -u | wc -l)" = ${#shots[@]} ] || problem "two screenshots are identical"
# The same page in the dark colour scheme is far darker than in the light one
# (the screen around the window is black in both).
light=${lightness[04-pair-unreadable.png]:-0} dark=${lightness[07-dark-pair-unreadable.png]:-255}
[ $((dark * 2)) -lt "$light" ] || problem "the dark scheme's screenshot is not dark: lightness $dark, light scheme $light"
[ "$REMAPPED" -gt 0 ] || problem "no remaps"
[ "$data" = intact ] || problem "the data read back differs"
case $NOTIFICATION in *"Bad blocks on pair"*"$REMAPPED blocks have been moved"*) ;; *) problem "notification: $NOTIFICATION" ;; esac
grep -q "^  remaps:       $REMAPPED blocks" "$out/summary.txt" || problem "the summary does not report the remaps"
[ $problems = 0 ] || exit 1
echo "sandbox check: passed"
