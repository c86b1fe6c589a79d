# Steps of pair.sh about what a pair's polkit dialog and CreatePair touch:
# every old signature of the spare is erased, and a pair's name is shown
# only as a valid pair name would be. Sourced after lib.sh.

# Old signatures made by the real tools where libblkid looks for them: a
# LUKS2 header pair at 0 and 16 KiB, a btrfs superblock at 64 KiB and an md
# 1.0 superblock at the end of the disk.
write_signatures() { # <disk>
    local disk=$1 sectors
    sectors=$(blockdev --getsz "$disk")
    truncate -s 128M /run/btrfs.img
    mkfs.btrfs -q -f /run/btrfs.img > /dev/null
    dd if=/run/btrfs.img of="$disk" bs=4096 skip=16 seek=16 count=1 conv=notrunc,fsync 2> /dev/null
    truncate -s 17M /run/luks.img # LUKS2 keeps its data after 16 MiB
    echo -n secret | cryptsetup luksFormat -q --type luks2 --pbkdf pbkdf2 --pbkdf-force-iterations 1000 \
        --key-file - /run/luks.img
    dd if=/run/luks.img of="$disk" bs=4096 count=8 conv=notrunc,fsync 2> /dev/null
    rm -f /run/btrfs.img /run/luks.img
    modprobe raid1
    mdadm --create /dev/md/old --run --quiet --metadata=1.0 --level=1 --raid-devices=2 "$disk" missing
    mdadm --stop /dev/md/old > /dev/null
    echo 3 > /proc/sys/vm/drop_caches
    local found
    found=$(wipefs --noheadings --output TYPE "$disk" | sort | tr '\n' ' ')
    [ "$found" = "btrfs crypto_LUKS crypto_LUKS linux_raid_member " ] || fail "signatures written: $found"
    [ "$(blockdev --getsz "$disk")" = "$sectors" ] || fail "the disk changed size"
}

# After a pair is made on it, libblkid finds nothing on the spare (the
# dm-remap metadata is no signature it knows).
check_no_signatures() { # <disk>
    local disk=$1 found
    echo 3 > /proc/sys/vm/drop_caches
    found=$(wipefs --noheadings --output TYPE,OFFSET "$disk" | tr '\n' ' ')
    [ -z "$found" ] || fail "old signatures left on the spare: $found"
    if found=$(blkid -p -o export "$disk"); then
        fail "blkid still finds on the spare: $found"
    fi
}

# A remap device made with dmsetup may carry any name; the polkit dialog of
# its pair's Remove shows it only as a valid pair name would be, escaped as
# in object paths, never as text of the name's choosing.
dialog_name_escaped() { # <main> <spare>
    local name='pair "x" is healthy, nothing is removed' escaped reply
    escaped=$(python3 -c "import sys; print(''.join(c if c.isascii() and c.isalnum() else '_%02x' % ord(c) for c in sys.argv[1]))" "$name")
    mkdir -p /run/dialog && chmod 1777 /run/dialog
    rm -f /run/dialog/dialog-name
    cat > /run/polkit-rules/50-dialog-name.rules <<'RULE'
polkit.addRule(function(action, subject) {
    if (action.id == "org.dmremap.remove-pair" && subject.user == "nobody") {
        polkit.spawn(["/bin/sh", "-c", "printf %s \"$1\" > /run/dialog/dialog-name", "sh", action.lookup("name")]);
        return polkit.Result.NO;
    }
});
RULE
    dmsetup create "$name" --table "0 $(blockdev --getsz "$1") remap $1 $2 1 format"
    wait_for 20 sh -c "'$CTL' --json pair list | grep -q 'is healthy'" || fail "the pair made with dmsetup is not listed"
    remove_as_nobody() {
        setpriv --reuid=nobody --regid=nogroup --clear-groups gdbus call --system --dest org.dmremap.Manager1 \
            --object-path "/org/dmremap/Manager1/pairs/$escaped" --method org.dmremap.Pair1.Remove 2>&1 || true
        test -s /run/dialog/dialog-name
    }
    wait_for 30 remove_as_nobody || fail "polkit was not asked with the rule loaded"
    reply=$(cat /run/dialog/dialog-name)
    [ "$reply" = "$escaped" ] || fail "the dialog showed the pair name as '$reply', not '$escaped'"
    dmsetup info "$name" > /dev/null || fail "the pair went away"
    dmsetup remove "$name"
    rm -f /run/polkit-rules/50-dialog-name.rules /run/dialog/dialog-name
}
