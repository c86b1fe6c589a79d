// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fuzz target for the metadata decoder: the input is a spare's first blocks
 * (superblock A, superblock B, table block copies). Whatever it holds, the
 * decoder must not crash, read out of bounds or accept something that does
 * not encode back to itself.
 *
 * Built as a libFuzzer target with clang (-fsanitize=fuzzer), and with
 * fuzz_driver.c as a plain program that ctest runs under ASan and UBSan.
 */
#include <stdlib.h>

#include "remap-metadata.h"

#define BLOCK REMAP_META_BLOCK_BYTES
#define EPB REMAP_META_ENTRIES_PER_BLOCK

static void check_sb_roundtrip(const struct remap_meta_sb *decoded,
			       const u8 *raw)
{
	static struct remap_meta_unreadable recs[REMAP_META_MAX_UNREADABLE];
	struct remap_meta_sb sb = *decoded;
	u8 again[BLOCK];

	if (sb.unreadable_count > REMAP_META_MAX_UNREADABLE)
		abort();
	remap_meta_sb_get_unreadable(raw, &sb, recs);
	sb.unreadable = recs;
	remap_meta_sb_encode(&sb, again);
	if (memcmp(again, raw, BLOCK))
		abort();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static u8 image[BLOCK * 8];
	static u64 entries[EPB];
	struct remap_meta_sb sb, single;
	unsigned int which;
	int err_b;
	u64 k, blocks;

	memset(image, 0, sizeof(image));
	memcpy(image, data, size < sizeof(image) ? size : sizeof(image));

	if (!remap_meta_sb_decode(image, &single))
		check_sb_roundtrip(&single, image);
	if (remap_meta_sb_pick(image, image + BLOCK, &sb, &which, &err_b))
		return 0;
	if (which > 1)
		abort();
	check_sb_roundtrip(&sb, image + which * BLOCK);
	if (sb.used > sb.capacity || sb.data_offset % sb.block_size)
		abort();
	remap_meta_sb_check_devices(&sb, sb.main_sectors, sb.spare_sectors);

	/* The image holds three table blocks' copies at most. */
	blocks = remap_meta_table_blocks(sb.used);
	for (k = 0; k < blocks && k < 3; k++) {
		const u8 *c0 = image + remap_meta_table_sector(k, 0) * 512;
		const u8 *c1 = image + remap_meta_table_sector(k, 1) * 512;
		u64 main_blocks = remap_meta_main_blocks(&sb);
		u64 i;

		if (remap_meta_table_pick(&sb, k, c0, c1, &which, entries))
			continue;
		for (i = 0; i < EPB; i++)
			if (entries[i] < REMAP_META_FAILED_SLOT &&
			    entries[i] >= main_blocks)
				abort();
		remap_meta_check_duplicates(entries, EPB);
	}
	return 0;
}
