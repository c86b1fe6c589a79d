#!/bin/bash
# Second kernel lane for the VM tests: Debian's 6.12 kernel from
# bookworm-backports, installed beside the 6.1 one (which stays the default:
# the harness picks 6.1 unless told otherwise). Idempotent: a fast no-op once
# a 6.12 image and its headers are installed.
set -euo pipefail

have_612() {
    local img
    for img in /boot/vmlinuz-6.12.*-amd64; do
        case $img in *-rt-amd64|*-cloud-amd64) continue ;; esac
        [ -e "$img" ] || continue
        [ -d "/lib/modules/${img#/boot/vmlinuz-}/build" ] && return 0
    done
    return 1
}
have_612 && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "backports-kernel: must run as root" >&2
    exit 1
fi

list=/etc/apt/sources.list.d/bookworm-backports.sources
if [ ! -e "$list" ]; then
    main=/etc/apt/sources.list.d/debian.sources
    # Copy the stanza that carries the plain "bookworm" suite, with only its
    # Suites line changed, so the mirror stays whatever this machine uses.
    awk -v RS= -v ORS='\n\n' '
        /(^|\n)Suites:([^\n]* )?bookworm( |\n|$)/ && !done {
            n = split($0, line, "\n")
            for (i = 1; i <= n; i++) {
                if (line[i] ~ /^Suites:/) line[i] = "Suites: bookworm-backports"
                out = out line[i] "\n"
            }
            printf "%s", out
            done = 1
        }' "$main" > "$list.new"
    if ! grep -q '^Suites: bookworm-backports' "$list.new"; then
        rm -f "$list.new"
        echo "backports-kernel: no bookworm entry in $main to copy" >&2
        exit 1
    fi
    mv "$list.new" "$list"
fi

apt-get update -o DPkg::Lock::Timeout=600
# The newest generic (not rt, not cloud) 6.12 image, by its versioned package
# name: the metapackages would move the default kernel.
image=$(apt-cache search --names-only '^linux-image-6\.12\.[0-9]+\+deb12(\.[0-9]+)?-amd64$' \
        | awk '{print $1}' | sort -V | tail -n1)
if [ -z "$image" ]; then
    echo "backports-kernel: no linux-image-6.12 package in bookworm-backports" >&2
    exit 1
fi
headers=${image/linux-image-/linux-headers-}
echo "backports-kernel: installing $image $headers"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "$image" "$headers"
have_612
