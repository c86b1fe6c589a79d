#!/bin/bash
# Guest side of vm.app: the real helper, dbus-daemon and polkitd (started as
# in the helper's VM test), a scsi_debug main disk whose reads can fail and
# the emulated NVMe spare; then tst_appvm drives the app's classes against
# them. Usage: app-vm.sh <source dir> <build dir>
. "$1/tests/helper/vm/lib.sh" "$@"
trap stop_services EXIT
start_services
load_scsi_debug
[ -b /dev/nvme0n1 ] || fail "no NVMe spare disk"
export MAIN SPARE=/dev/nvme0n1 QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_RUNTIME_DIR=/run/app-runtime DM_DISABLE_UDEV=1
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
"$BUILD/tests/app/tst_appvm" || fail "tst_appvm failed"
echo "app: all checks passed"
