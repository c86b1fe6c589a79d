/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What remap-metadata.c needs from the kernel, for userspace builds (unit
 * tests, fuzzing, the dm-remap-meta tool).
 *
 * crc32c() is only declared here: the userspace program defines it. It
 * must behave like the kernel's crc32c(): CRC-32C (Castagnoli, reflected
 * polynomial 0x82f63b78), `seed` is the initial register value and the
 * result is NOT inverted at the end, so calls chain:
 * crc32c(crc32c(s, a, n), b, m) == crc32c(s, a followed by b, n + m).
 * The standard CRC-32C of data is ~crc32c(~0u, data, len)
 * (e.g. 0xe3069283 for "123456789"); that is what the metadata stores.
 */
#ifndef DM_REMAP_METADATA_USER_H
#define DM_REMAP_METADATA_USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef uint64_t u64;

u32 crc32c(u32 seed, const void *buf, size_t len);

#endif
