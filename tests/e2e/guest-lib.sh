# The installed dm-remap stack inside a VM, started without systemd as a
# distribution's pieces would run it. Sourced by the end-to-end tests
# (tests/e2e) and the sandbox (scripts/sandbox). Runs as root in a guest booted
# by tests/vm/vm-run --writable-root (the guest's / is a throw-away overlay).
#
#   . guest-lib.sh
#
# Interface (kept stable; every name starts with e2e_):
#   e2e_install <staging dir> [<dm-remap.ko> [<module index dir>]]
#       Copies a `DESTDIR=<staging dir> cmake --install --prefix /usr` tree
#       onto / (keeping the merged-/usr symlinks), puts the module built for
#       the running kernel under /lib/modules/$(uname -r)/updates/ and
#       indexes it, as a DKMS install leaves it: `modprobe dm-remap` works
#       then. The index is `depmod -a` (about three minutes under TCG), or
#       the modules.* files that tests/e2e/module-index.sh made on the host
#       for this kernel and module, when their folder is given.
#   e2e_start_system / e2e_stop_system
#       The system bus from the installed /usr/share/dbus-1/system.conf (so
#       the installed bus policy and activation file are the ones used;
#       activation goes through dbus-daemon-launch-helper) and polkitd. The
#       helper is NOT started: the first call activates it. Stop also ends
#       the activated helper.
#   e2e_helper_running
#       Succeeds when org.dmremap.Manager1 has an owner on the system bus.
#   e2e_start_desktop / e2e_stop_desktop
#       Xvfb on $E2E_DISPLAY (default :1, $E2E_SCREEN default 1280x800x24),
#       a session bus and dunst. Exports DISPLAY, DBUS_SESSION_BUS_ADDRESS,
#       XDG_RUNTIME_DIR. Every notification dunst shows is appended to
#       $E2E_NOTIFICATIONS, one line each: app<TAB>summary<TAB>body<TAB>urgency.
#   e2e_fail <message>
#       Prints FAIL with the message and the tails of the logs, exits 1.
#
# Logs (dbus.log, polkit.log, xvfb.log, session-bus.log, dunst.log) go to
# $E2E_LOG_DIR, default $OUT. The helper's own output under activation goes to
# the system bus's log, as it would go to the journal.

E2E_LOG_DIR=${E2E_LOG_DIR:-$OUT}
E2E_DISPLAY=${E2E_DISPLAY:-:1}
E2E_SCREEN=${E2E_SCREEN:-1280x800x24}
E2E_NOTIFICATIONS=${E2E_NOTIFICATIONS:-$E2E_LOG_DIR/notifications.log}
E2E_SYSTEM_PIDS=()
E2E_DESKTOP_PIDS=()

e2e_fail() {
    local log
    echo "FAIL: $*" >&2
    for log in dbus.log polkit.log dunst.log; do
        [ -s "$E2E_LOG_DIR/$log" ] || continue
        echo "--- $log (tail)" >&2
        tail -n 30 "$E2E_LOG_DIR/$log" >&2
    done
    exit 1
}

e2e_install() { # <staging dir> [<dm-remap.ko> [<module index dir>]]
    local staging=$1 module=${2:-} index=${3:-} updates
    [ -x "$staging/usr/bin/dm-remapctl" ] || e2e_fail "no installed tree in $staging"
    # Like dpkg, keep /lib a symlink to usr/lib (merged /usr): cp -a would
    # refuse to put the staged lib/ folder over it.
    tar -C "$staging" -cf - . | tar -C / -xf - --keep-directory-symlink --no-same-owner
    if [ -n "$module" ]; then
        updates=/lib/modules/$(uname -r)/updates
        mkdir -p "$updates"
        cp "$module" "$updates/dm-remap.ko"
        if [ -n "$index" ]; then
            grep -q '^updates/dm-remap.ko:' "$index/modules.dep" || e2e_fail "$index does not index dm-remap.ko"
            cp "$index"/modules.* "/lib/modules/$(uname -r)/"
        else
            depmod -a
        fi
    fi
}

# NameHasOwner does not activate anything: safe to ask before the first call.
e2e_has_owner() { # <bus option> <name>
    [ "$(gdbus call "$1" --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner "$2" 2>/dev/null)" = "(true,)" ]
}

e2e_helper_running() {
    e2e_has_owner --system org.dmremap.Manager1
}

e2e_start_system() {
    mkdir -p /run/dbus
    # The installed system.conf forks and logs to syslog (there is none here):
    # stay in the foreground, log to a file.
    dbus-daemon --system --nofork --nopidfile --nosyslog > "$E2E_LOG_DIR/dbus.log" 2>&1 &
    E2E_SYSTEM_PIDS+=($!)
    wait_for 60 test -S /run/dbus/system_bus_socket || e2e_fail "the system bus did not start"
    /usr/lib/polkit-1/polkitd --no-debug > "$E2E_LOG_DIR/polkit.log" 2>&1 &
    E2E_SYSTEM_PIDS+=($!)
    wait_for 120 e2e_has_owner --system org.freedesktop.PolicyKit1 || e2e_fail "polkitd did not start"
}

e2e_stop_system() {
    local pid
    for pid in $(pidof dm-remap-helper) "${E2E_SYSTEM_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${E2E_SYSTEM_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    E2E_SYSTEM_PIDS=()
    rm -f /run/dbus/system_bus_socket
}

e2e_start_desktop() {
    local dir
    export XDG_RUNTIME_DIR=/run/e2e-user
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
    Xvfb "$E2E_DISPLAY" -screen 0 "$E2E_SCREEN" -nolisten tcp > "$E2E_LOG_DIR/xvfb.log" 2>&1 &
    E2E_DESKTOP_PIDS+=($!)
    wait_for 60 test -S "/tmp/.X11-unix/X${E2E_DISPLAY#:}" || e2e_fail "Xvfb did not start"
    export DISPLAY=$E2E_DISPLAY
    export DBUS_SESSION_BUS_ADDRESS=unix:path=$XDG_RUNTIME_DIR/bus
    dbus-daemon --session --nofork --nopidfile --nosyslog --address="$DBUS_SESSION_BUS_ADDRESS" \
        > "$E2E_LOG_DIR/session-bus.log" 2>&1 &
    E2E_DESKTOP_PIDS+=($!)
    wait_for 60 test -S "$XDG_RUNTIME_DIR/bus" || e2e_fail "the session bus did not start"

    # dunst runs the script for every notification it shows: the log.
    dir=$XDG_RUNTIME_DIR/dunst
    mkdir -p "$dir"
    : > "$E2E_NOTIFICATIONS"
    cat > "$dir/log.sh" <<EOF
#!/bin/sh
printf '%s\t%s\t%s\t%s\n' "\$1" "\$2" "\$3" "\$5" | tr -d '\n' >> "$E2E_NOTIFICATIONS"
echo >> "$E2E_NOTIFICATIONS"
EOF
    chmod +x "$dir/log.sh"
    cat > "$dir/dunstrc" <<EOF
[global]
    font = DejaVu Sans 10
    width = 420
    origin = top-right
    offset = 20x20
    # Look icons up in the themes, as desktop notification daemons do.
    enable_recursive_icon_lookup = true
    icon_theme = hicolor

[log_everything]
    summary = "*"
    script = $dir/log.sh
EOF
    dunst -config "$dir/dunstrc" > "$E2E_LOG_DIR/dunst.log" 2>&1 &
    E2E_DESKTOP_PIDS+=($!)
    wait_for 60 e2e_has_owner --session org.freedesktop.Notifications || e2e_fail "dunst did not start"
}

e2e_stop_desktop() {
    local pid
    for pid in "${E2E_DESKTOP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${E2E_DESKTOP_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    E2E_DESKTOP_PIDS=()
}
