// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs the metadata fuzz target without libFuzzer: mutations of valid
 * images (random bytes flipped, fields overwritten with their checksums
 * fixed so that the checks behind the crc are reached, random lengths),
 * from a fixed seed so that a failure repeats. Usage: fuzz_driver [runs].
 */
#include <stdio.h>
#include <stdlib.h>

#include "remap-metadata.h"

#define BLOCK REMAP_META_BLOCK_BYTES
#define EPB REMAP_META_ENTRIES_PER_BLOCK

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

static u64 rng_state = 0x9e3779b97f4a7c15ull;

static u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void put32(u8 *p, u32 v)
{
	for (int i = 0; i < 4; i++)
		p[i] = v >> (8 * i);
}

static void fix_crc(u8 *block, size_t crc_off)
{
	put32(block + crc_off, 0);
	put32(block + crc_off, ~crc32c(~0u, block, BLOCK));
}

/*
 * Two superblocks and three table blocks' copies of a plausible spare
 * (records may name blocks past the main device: those the decoder refuses).
 */
static void make_image(u8 *image)
{
	static const u8 uuid[16] = "fuzzing-uuid-123";
	static u64 entries[EPB];
	static struct remap_meta_unreadable recs[REMAP_META_MAX_UNREADABLE];
	struct remap_meta_sb sb;
	u64 block = 0;
	u64 spare = 64 + rnd() % 100000;
	u32 bs = 8u << (rnd() % 5);

	memset(image, 0, BLOCK * 8);
	if (remap_meta_sb_init(&sb, uuid, bs, 1 + rnd() % 50000, spare,
			       rnd() & 1 ? "naa:5000" : NULL, "pair"))
		return;
	sb.used = rnd() % (sb.capacity + 1);
	sb.seq = 1 + rnd() % 5;
	for (int i = 0; i < EPB; i++)
		entries[i] = rnd() % 4 ? rnd() % remap_meta_main_blocks(&sb) :
			     REMAP_META_FAILED_SLOT;
	/* Unreadable-sector records (version 2) in half of the images. */
	memset(recs, 0, sizeof(recs));
	if (rnd() & 1)
		sb.unreadable_count = rnd() % (REMAP_META_MAX_UNREADABLE + 1);
	for (u32 i = 0; i < sb.unreadable_count; i++) {
		block += 1 + rnd() % 50;
		recs[i].main_block = block;
		recs[i].sectors[0] = 1 + rnd() % 255;
	}
	sb.unreadable = recs;
	remap_meta_sb_encode(&sb, image + (rnd() & 1) * BLOCK);
	for (u64 k = 0; k < 3; k++)
		remap_meta_table_encode(&sb, k, entries,
					image + remap_meta_table_sector(k, rnd() & 1) * 512);
}

static void mutate(u8 *image)
{
	int n = 1 + rnd() % 4;

	while (n--) {
		size_t block = rnd() % 8, off = rnd() % 256;
		u8 *b = image + block * BLOCK;

		switch (rnd() % 4) {
		case 0: /* a random byte anywhere, crc left stale */
			image[rnd() % (BLOCK * 8)] = rnd();
			break;
		case 1: /* a header byte, crc fixed */
			b[off] = rnd();
			fix_crc(b, block < 2 ? 8 : 4);
			break;
		case 2: /* a 64-bit field set to an edge value, crc fixed */
			for (int i = 0; i < 8; i++)
				b[(off & ~7u) + i] = rnd() & 1 ? 0xff : 0;
			fix_crc(b, block < 2 ? 8 : 4);
			break;
		default: /* an entry, crc fixed */
			b[64 + rnd() % (BLOCK - 64)] = rnd();
			fix_crc(b, 4);
			break;
		}
	}
}

int main(int argc, char **argv)
{
	static u8 image[BLOCK * 8];
	long runs = argc > 1 ? atol(argv[1]) : 20000;

	for (long i = 0; i < runs; i++) {
		make_image(image);
		if (i % 3)
			mutate(image);
		LLVMFuzzerTestOneInput(image, rnd() % 8 ? sizeof(image) : rnd() % sizeof(image));
	}
	printf("fuzz_driver: %ld inputs, no failure\n", runs);
	return 0;
}
