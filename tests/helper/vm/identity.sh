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

# The disk a dialog names is the disk that is erased. nobody calls
# CreatePair with an agent (tst_helper_attacker hold) that holds polkit's
# request; meanwhile the spare is unplugged and another NVMe disk (another
# serial, a marker at four offsets) is plugged in behind the same PCIe root
# port, where it gets the same kernel name (on 6.1 also the same device
# number, only its diskseq differs; both are printed). Only then
# does root answer for the agent, as polkit-agent-helper-1 does after a good
# password. The call must fail with DeviceChanged naming the spare, and the
# new disk must read exactly as before, under an object path of its own.
swap_while_authorizing() { # <main disk> <spare serial> <spare's QEMU device id>
    local main=$1 serial=$2 dev=$3 spare name main_object spare_object before after sum offset holder cookie answer start
    start=$(cut -d' ' -f1 /proc/uptime)
    spare=$(disk_by_serial "$serial")
    name=$(basename "$spare")
    ctl 0 --json disks
    main_object=$(json "[d['object'] for d in j if d['path'] == '$main'][0]")
    spare_object=$(json "[d['object'] for d in j if d['serial'] == '$serial'][0]")
    before="$(cat "/sys/class/block/$name/dev") diskseq $(cat "/sys/class/block/$name/diskseq")"
    rm -f "$OUT/swap.img"
    truncate -s 8M "$OUT/swap.img"
    for offset in 0 65536 1048576 8384512; do
        printf 'dm-remap marker at %s' "$offset" | dd of="$OUT/swap.img" bs=512 seek=$((offset / 512)) conv=notrunc 2> /dev/null
    done
    sum=$(sha256sum < "$OUT/swap.img")
    rm -rf /run/hold && mkdir /run/hold && chown nobody /run/hold
    cat > /run/polkit-rules/50-hold.rules <<'RULE'
polkit.addRule(function(action, subject) {
    if (action.id == "org.dmremap.create-pair" && subject.user == "nobody")
        return polkit.Result.AUTH_SELF;
});
RULE
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$BUILD/tests/helper/tst_helper_attacker" \
        hold /run/hold swapped "$main_object" "$spare_object" > "$OUT/hold.log" 2>&1 &
    holder=$!
    wait_for 30 test -s /run/hold/request || fail "polkit did not ask the agent: $(cat "$OUT/hold.log")"
    cookie=$(head -n 1 /run/hold/request)
    grep -q "ERASE $spare (.*$serial)" /run/hold/request || fail "the dialog: $(tail -n 1 /run/hold/request)"
    vm_qmp "{\"execute\":\"device_del\",\"arguments\":{\"id\":\"$dev\"}}" > /dev/null
    wait_for 20 sh -c "! test -e /sys/class/block/$name" || fail "$spare did not go away"
    vm_qmp "{\"execute\":\"blockdev-add\",\"arguments\":{\"driver\":\"raw\",\"node-name\":\"swap\",\"file\":{\"driver\":\"file\",\"filename\":\"$OUT/swap.img\"}}}" > /dev/null
    vm_qmp "{\"execute\":\"device_add\",\"arguments\":{\"driver\":\"nvme\",\"id\":\"swap\",\"bus\":\"port${dev#dev}\",\"drive\":\"swap\",\"serial\":\"SWAP0001\"}}" > /dev/null
    wait_for 20 test -e "/sys/class/block/$name" || fail "the new disk is not $spare: $(ls /sys/block)"
    [ "$(tr -d ' ' < "/sys/class/block/$name/device/serial")" = SWAP0001 ] || fail "$spare is not the new disk"
    after="$(cat "/sys/class/block/$name/dev") diskseq $(cat "/sys/class/block/$name/diskseq")"
    echo "   $spare was $serial ($before), is SWAP0001 ($after)"
    wait_for 20 sh -c "'$CTL' --json disks | grep -q SWAP0001" || fail "the helper did not see the new disk"
    gdbus call --system --dest org.freedesktop.PolicyKit1 --object-path /org/freedesktop/PolicyKit1/Authority \
        --method org.freedesktop.PolicyKit1.Authority.AuthenticationAgentResponse2 \
        65534 "$cookie" "('unix-user', {'uid': <uint32 65534>})" > /dev/null || fail "polkit refused the answer"
    touch /run/hold/answer
    wait_for 60 grep -q '^answer' "$OUT/hold.log" || fail "no answer to CreatePair: $(cat "$OUT/hold.log")"
    wait "$holder" || true
    answer=$(grep '^answer' "$OUT/hold.log")
    echo "   $answer"
    case $answer in "answer org.dmremap.Error.DeviceChanged: $spare "*) ;; *) fail "CreatePair: $answer" ;; esac
    [ -z "$(dmsetup ls --target remap | grep -v 'No devices')" ] || fail "a device exists: $(dmsetup ls --target remap)"
    ! grep -qs "name=swapped" "$STATE/pairs" || fail "recorded: $(cat "$STATE/pairs")"
    [ "$(dd if="$spare" bs=1M iflag=direct 2> /dev/null | sha256sum)" = "$sum" ] || fail "the new disk was written"
    ctl 0 --json disks
    [ "$(json "[d['object'] != '$spare_object' for d in j if d['serial'] == 'SWAP0001'], '$spare_object' in [d['object'] for d in j]")" \
        = "([True], False)" ] || fail "object paths: $RUN_OUT"
    gdbus call --system --dest org.dmremap.Manager1 --object-path /org/dmremap/Manager1 \
        --method org.dmremap.Manager1.GetVersion > /dev/null || fail "GetVersion"
    rm -rf /run/hold
    rm -f /run/polkit-rules/50-hold.rules
    echo "   swap step: $(awk -v start="$start" '{ printf "%.1f", $1 - start }' /proc/uptime) s"
}
