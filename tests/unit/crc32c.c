// SPDX-License-Identifier: GPL-2.0-only
/* CRC-32C for the userspace builds of kernel/remap-metadata.c. */
#include "remap-metadata-user.h"

static u32 table[256];

static void build_table(void)
{
	for (u32 i = 0; i < 256; i++) {
		u32 crc = i;

		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0x82f63b78u & -(crc & 1));
		table[i] = crc;
	}
}

/* Same contract as the kernel's crc32c(): no final inversion. */
u32 crc32c(u32 seed, const void *buf, size_t len)
{
	const u8 *p = buf;

	if (!table[1])
		build_table();
	while (len--)
		seed = (seed >> 8) ^ table[(seed ^ *p++) & 0xff];
	return seed;
}
