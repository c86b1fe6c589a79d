# Malformed table lines and messages are refused with EINVAL and a clear
# message; nothing is created and the kernel stays healthy.
. "$(dirname "$0")/../lib.sh"
require_module

main=$(nullb_new nb_main 16)
spare=$(nullb_new nb_spare 4)
sectors=$(blockdev --getsz "$main")

step "table lines"
logged=$(refusal_log_count)
refuse_table "no devices" bad "0 $sectors remap"
refuse_table "one device" bad "0 $sectors remap $main"
# As for every dm target, a device that does not exist is ENODEV (6.1) or
# ENOENT (6.12, where dm_get_device looks the path up first).
refuse_table "missing main" bad "0 $sectors remap /dev/nonexistent $spare 1 format" "No such device\|No such file or directory"
refuse_table "same device twice" bad "0 $sectors remap $main $main 1 format"
refuse_table "length beyond main" bad "0 $((sectors + 8)) remap $main $spare 1 format"
refuse_table "argument count too low" bad "0 $sectors remap $main $spare 2 format read_retries 3"
refuse_table "argument count too high" bad "0 $sectors remap $main $spare 3 format"
refuse_table "argument count not a number" bad "0 $sectors remap $main $spare x format"
refuse_table "unknown option" bad "0 $sectors remap $main $spare 1 frobnicate"
refuse_table "block size not a power of two" bad "0 $sectors remap $main $spare 3 format block_size 12"
refuse_table "block size above 128" bad "0 $sectors remap $main $spare 3 format block_size 256"
refuse_table "block size zero" bad "0 $sectors remap $main $spare 3 format block_size 0"
refuse_table "block size missing" bad "0 $sectors remap $main $spare 2 format block_size"
refuse_table "read_retries above 16" bad "0 $sectors remap $main $spare 3 format read_retries 17"
refuse_table "read_retries negative" bad "0 $sectors remap $main $spare 3 format read_retries -1"
refuse_table "read_retries not a number" bad "0 $sectors remap $main $spare 3 format read_retries two"
refuse_table "main_id with a space char" bad "0 $sectors remap $main $spare 3 format main_id a/b"
refuse_table "main_id too long" bad "0 $sectors remap $main $spare 3 format main_id $(printf 'x%.0s' $(seq 64))"
refuse_table "label with a colon" bad "0 $sectors remap $main $spare 3 format label a:b"
refuse_table "label too long" bad "0 $sectors remap $main $spare 3 format label $(printf 'y%.0s' $(seq 64))"
refuse_table "unformatted spare without format" bad "0 $sectors remap $main $spare"

check_refusals_logged "$logged"

step "messages"
dmsetup create safe --table "0 $sectors remap $main $spare 1 format"
refuse_message() { # <what> <message words...>
    local what=$1
    shift
    expect_fail "$what" dmsetup message safe 0 "$@"
    grep -q "Invalid argument" "$OUT/last-error" || fail "$what: not EINVAL: $(cat "$OUT/last-error")"
}
refuse_message "unknown message" frobnicate
refuse_message "remap without sector" remap
refuse_message "remap of a non-number" remap abc
refuse_message "remap beyond the end" remap "$sectors"
refuse_message "remap with extra words" remap 8 9
refuse_message "list with a non-number" list abc
refuse_message "list with three numbers" list 0 1 2
refuse_message "pending with three numbers" pending 0 1 2
step "remap on a suspended device"
dmsetup suspend safe
expect_fail "remap while suspended" dmsetup message safe 0 remap 8
grep -qi "busy" "$OUT/last-error" || fail "remap while suspended is not EBUSY: $(cat "$OUT/last-error")"
dmsetup resume safe
expect_eq "$(dmsetup message safe 0 remap 8 | cut -d' ' -f1-2)" "remapped 8" "remap after resume"
remap_status safe
expect_eq "$RS_USED" 1 "remaps after the refused messages"
dmsetup remove safe
echo PASS
