#!/bin/bash
# From a clone to a working dm-remap: installs what the project needs, builds
# everything, then either installs the stack on this machine and starts the
# manager (where device-mapper works), or runs the QEMU sandbox (containers,
# CI, or --sandbox).
set -euo pipefail
src=$(dirname "$(dirname "$(readlink -f "$0")")")
build=${BUILD_DIR:-$src/build}

usage() {
    cat <<EOF
usage: sudo scripts/run.sh [--sandbox] [--out <dir>]

Installs the Debian packages dm-remap needs (scripts/install-deps.sh), builds
everything into $build, and then:

  on a machine with device-mapper (modprobe dm_mod works, /dev/mapper/control
  exists): builds the Debian packages and installs them (DKMS builds the
  kernel module for the running kernel), makes the system bus see the helper,
  and starts dm-remap-manager in the desktop session of the user who ran sudo;

  elsewhere (a container, CI), or with --sandbox: runs the sandbox, a QEMU VM
  with emulated disks (a main disk that grows bad sectors, an NVMe spare)
  where the installed stack pairs them, data is written, blocks go bad and are
  moved to the spare; screenshots of the app and its notification and a
  summary go to the output folder.

options:
  --sandbox     run the sandbox even where device-mapper works
  --out <dir>   the sandbox's output folder (default: ./dm-remap-sandbox)
  -h, --help    this text
EOF
}

sandbox=0 out=$PWD/dm-remap-sandbox
while [ $# -gt 0 ]; do
    case $1 in
        --sandbox) sandbox=1; shift ;;
        --out)
            [ $# -ge 2 ] || { echo "run.sh: --out needs a folder" >&2; exit 2; }
            out=$(readlink -m "$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo > /dev/null || { echo "run.sh: run it as root (it installs packages)" >&2; exit 1; }
    echo "run.sh: root is needed to install packages; asking sudo"
    args=(--out "$out")
    [ $sandbox = 0 ] || args+=(--sandbox)
    exec sudo ${BUILD_DIR:+BUILD_DIR="$BUILD_DIR"} "$0" "${args[@]}"
fi

current="starting"
trap 'echo "run.sh: failed while $current" >&2' ERR
step() {
    current=$1
    printf '\n==> %s\n' "$1"
}

step "installing the packages the project needs (scripts/install-deps.sh)"
"$src/scripts/install-deps.sh"

step "building everything into $build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build"

have_device_mapper() {
    modprobe dm_mod 2> /dev/null && [ -c /dev/mapper/control ]
}

if [ $sandbox = 1 ] || ! have_device_mapper; then
    if [ $sandbox = 1 ]; then
        step "running the sandbox (--sandbox)"
    else
        step "no device-mapper on this machine (a container?): running the sandbox instead"
    fi
    "$src/scripts/sandbox/sandbox.sh" --out "$out" "$build"
    exit 0
fi

# --- a real machine ------------------------------------------------------------
removal=
step "building the Debian packages"
mapfile -t debs < <(
    if cmake --build "$build" --target package > "$build/package.log" 2>&1; then
        ls "$build"/packages/*.deb 2> /dev/null
    fi)
# The removal command as the user will type it: with sudo if they came
# through sudo, as is for root on a machine without it.
root_prefix=${SUDO_USER:+sudo }
if [ ${#debs[@]} -gt 0 ]; then
    step "installing ${debs[*]##*/} (DKMS builds the module; a few minutes)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 "${debs[@]}"
    names=$(for deb in "${debs[@]}"; do dpkg-deb -f "$deb" Package; done | tr '\n' ' ')
    installed="the packages $names"
    removal="${root_prefix}apt-get purge $names"
else
    step "no Debian packages could be built (see $build/package.log): cmake --install and DKMS instead"
    cmake --install "$build" --prefix /usr
    version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
    [ -f "/usr/src/dm-remap-$version/dkms.conf" ] \
        || { echo "run.sh: cmake --install put no /usr/src/dm-remap-$version/dkms.conf" >&2; exit 1; }
    dkms status -m dm-remap -v "$version" | grep -q . || dkms add -m dm-remap -v "$version"
    dkms install -m dm-remap -v "$version"
    installed="the files listed in $build/install_manifest.txt and DKMS module dm-remap/$version"
    removal="${root_prefix}dkms remove -m dm-remap -v $version --all && ${root_prefix}xargs -d '\\n' rm -f < $build/install_manifest.txt"
fi

step "loading the dm-remap module and telling the system bus about the helper"
if ! modprobe dm-remap; then
    echo "run.sh: the dm-remap module does not load; 'dkms status' tells whether it was built for $(uname -r)" \
         "(it needs linux-headers-$(uname -r); with Secure Boot, the DKMS signing key must be enrolled)" >&2
    exit 1
fi
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl reload dbus || systemctl reload dbus-broker 2> /dev/null || true
else
    dbus-send --system --type=method_call --dest=org.freedesktop.DBus / org.freedesktop.DBus.ReloadConfig || true
fi
dm-remapctl disks

# The app runs as the desktop user who ran sudo, in their session: never as root.
user=${SUDO_USER:-}
if [ -z "$user" ] || [ "$user" = root ]; then
    started="Start dm-remap-manager from your desktop's menu (not as root)."
else
    uid=$(id -u "$user")
    session_env=(XDG_RUNTIME_DIR=/run/user/$uid)
    [ ! -S "/run/user/$uid/bus" ] || session_env+=(DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$uid/bus)
    # DISPLAY and the like from a process of the user's graphical session.
    for pid in $(pgrep -u "$uid" || true); do
        env_of=$(tr '\0' '\n' < "/proc/$pid/environ" 2> /dev/null || true)
        grep -q '^\(DISPLAY\|WAYLAND_DISPLAY\)=' <<< "$env_of" || continue
        while IFS= read -r var; do session_env+=("$var"); done \
            < <(grep '^\(DISPLAY\|WAYLAND_DISPLAY\|XAUTHORITY\|DBUS_SESSION_BUS_ADDRESS\)=' <<< "$env_of")
        break
    done
    if printf '%s\n' "${session_env[@]}" | grep -q '^\(DISPLAY\|WAYLAND_DISPLAY\)='; then
        step "starting dm-remap-manager for $user"
        runuser -u "$user" -- env "${session_env[@]}" setsid dm-remap-manager > /dev/null 2>&1 < /dev/null &
        started="dm-remap-manager is running in $user's desktop session."
    else
        started="No desktop session of $user was found: start dm-remap-manager from your desktop's menu."
    fi
fi

cat <<EOF

dm-remap is installed: $installed.
$started
Pair a disk that is growing bad sectors with a spare in the app (Disks > Pair disks…),
or with dm-remapctl (man dm-remapctl). To remove everything again:
    $removal
EOF
