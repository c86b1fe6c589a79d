#!/bin/bash
# Installs the Debian 12 packages listed in scripts/packages/*.txt, plus
# whatever the parts' own install hooks (scripts/packages/*.sh) add.
# Idempotent: a second run installs nothing.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")

if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi

mapfile -t wanted < <(sed 's/#.*//' "$here"/packages/*.txt | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi

for hook in "$here"/packages/*.sh; do
    [ -e "$hook" ] && bash "$hook"
done
exit 0
