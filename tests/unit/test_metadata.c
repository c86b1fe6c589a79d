// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of the on-disk format logic in kernel/remap-metadata.c, built
 * in userspace. Prints "N passed, N failed" and exits non-zero on failure.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "remap-metadata.h"

#define BLOCK REMAP_META_BLOCK_BYTES
#define EPB REMAP_META_ENTRIES_PER_BLOCK

static int passed, failed;

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (cond) {                                                  \
			passed++;                                            \
		} else {                                                     \
			failed++;                                            \
			fprintf(stderr, "%s:%d: %s: check failed: %s\n",     \
				__FILE__, __LINE__, __func__, #cond);        \
		}                                                            \
	} while (0)

#define CHECK_EQ(a, b)                                                       \
	do {                                                                 \
		long long va_ = (long long)(a), vb_ = (long long)(b);        \
		if (va_ == vb_) {                                            \
			passed++;                                            \
		} else {                                                     \
			failed++;                                            \
			fprintf(stderr, "%s:%d: %s: %s == %lld, want %lld\n", \
				__FILE__, __LINE__, __func__, #a, va_, vb_); \
		}                                                            \
	} while (0)

static const u8 uuid1[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const u8 uuid2[16] = { 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

static void put32(u8 *p, u32 v)
{
	for (int i = 0; i < 4; i++)
		p[i] = v >> (8 * i);
}

static void put64(u8 *p, u64 v)
{
	for (int i = 0; i < 8; i++)
		p[i] = v >> (8 * i);
}

/* Recomputes the crc at crc_off the way the format defines it. */
static void fix_crc(u8 *block, size_t crc_off)
{
	put32(block + crc_off, 0);
	put32(block + crc_off, ~crc32c(~0u, block, BLOCK));
}

static void make_sb(struct remap_meta_sb *sb)
{
	/* 1 GiB main, 64 MiB spare, 4 KiB blocks */
	int r = remap_meta_sb_init(sb, uuid1, 8, 2097152, 131072,
				   "WWN-0x5000c500a1b2c3d4", "home");

	CHECK_EQ(r, 0);
}

static void test_crc32c(void)
{
	/* The standard CRC-32C check value. */
	CHECK_EQ(~crc32c(~0u, "123456789", 9), 0xe3069283u);
	/* Calls chain. */
	CHECK_EQ(crc32c(crc32c(~0u, "1234", 4), "56789", 5),
		 crc32c(~0u, "123456789", 9));
}

static void test_layout(void)
{
	u64 cap, off;
	u32 bs;

	for (bs = 8; bs <= 128; bs *= 2) {
		u64 spare = 131072 + bs * 3;

		CHECK_EQ(remap_meta_layout(spare, bs, &cap, &off), 0);
		/* slot 0 aligned, after both superblocks and the table copies */
		CHECK_EQ(off % bs, 0);
		CHECK(off >= remap_meta_table_sector(remap_meta_table_blocks(cap), 0));
		/* all slots fit ... */
		CHECK(off + cap * bs <= spare);
		/* ... and one more would not */
		{
			u64 off2 = remap_meta_table_sector(remap_meta_table_blocks(cap + 1), 0);

			off2 = (off2 + bs - 1) / bs * bs;
			CHECK(off2 + (cap + 1) * bs > spare);
		}
	}
	CHECK_EQ(remap_meta_layout(131072, 12, &cap, &off), REMAP_META_E_BLOCK_SIZE);
	CHECK_EQ(remap_meta_layout(131072, 4, &cap, &off), REMAP_META_E_BLOCK_SIZE);
	CHECK_EQ(remap_meta_layout(131072, 256, &cap, &off), REMAP_META_E_BLOCK_SIZE);
	/* two superblocks, one table block pair and one slot: 40 sectors */
	CHECK_EQ(remap_meta_layout(39, 8, &cap, &off), REMAP_META_E_SPARE_TOO_SMALL);
	CHECK_EQ(remap_meta_layout(40, 8, &cap, &off), 0);
	CHECK_EQ(cap, 1);
	CHECK_EQ(off, 32);
	CHECK_EQ(remap_meta_layout(0, 8, &cap, &off), REMAP_META_E_SPARE_TOO_SMALL);
	/* huge spares do not overflow */
	CHECK_EQ(remap_meta_layout(~0ull, 128, &cap, &off), 0);
	CHECK(off + cap * 128 >= off);
	CHECK_EQ(remap_meta_table_sector(0, 0), 16);
	CHECK_EQ(remap_meta_table_sector(0, 1), 24);
	CHECK_EQ(remap_meta_table_sector(3, 1), 8 * (2 + 6 + 1));
	CHECK_EQ(remap_meta_sb_sector(1), 8);
	CHECK_EQ(remap_meta_table_blocks(0), 0);
	CHECK_EQ(remap_meta_table_blocks(EPB), 1);
	CHECK_EQ(remap_meta_table_blocks(EPB + 1), 2);
}

static void test_names(void)
{
	char long_name[80];

	/* 63 characters fit the 64-byte field with its NUL, 64 do not */
	memset(long_name, 'a', sizeof(long_name));
	long_name[64] = 0;
	CHECK_EQ(remap_meta_check_name(long_name, false), -1);
	long_name[63] = 0;
	CHECK_EQ(remap_meta_check_name(long_name, false), 0);
	CHECK_EQ(remap_meta_check_name("", false), -1);
	CHECK_EQ(remap_meta_check_name("a b", false), -1);
	CHECK_EQ(remap_meta_check_name("a/b", true), -1);
	CHECK_EQ(remap_meta_check_name("%s%n", true), -1);
	CHECK_EQ(remap_meta_check_name("naa:5000", false), -1);
	CHECK_EQ(remap_meta_check_name("naa:5000", true), 0);
	CHECK_EQ(remap_meta_check_name("Disk_1.2-3", false), 0);
}

static void test_sb_roundtrip(void)
{
	struct remap_meta_sb sb, out;
	u8 buf[BLOCK];

	make_sb(&sb);
	sb.used = 7;
	sb.seq = 42;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	CHECK(!memcmp(&sb, &out, sizeof(sb)));
	CHECK(!strcmp(out.main_id, "WWN-0x5000c500a1b2c3d4"));
	CHECK(!strcmp(out.label, "home"));
	CHECK(!memcmp(buf, "DMREMAP1", 8));

	/* names are optional */
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 16, 1000, 100000, NULL, ""), 0);
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	CHECK_EQ(out.main_id[0], 0);
	CHECK_EQ(out.block_size, 16);

	/* init refuses bad arguments */
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 0, 100000, NULL, NULL), REMAP_META_E_MAIN_SIZE);
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 24, 1000, 100000, NULL, NULL), REMAP_META_E_BLOCK_SIZE);
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 1000, 100000, "a b", NULL), REMAP_META_E_MAIN_ID);
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 1000, 100000, NULL, "x:y"), REMAP_META_E_LABEL);
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 1000, 20, NULL, NULL), REMAP_META_E_SPARE_TOO_SMALL);
}

/* Every byte of the block is covered by the checksum. */
static void test_sb_every_byte_checked(void)
{
	struct remap_meta_sb sb, out;
	u8 buf[BLOCK];
	int caught = 0;

	make_sb(&sb);
	remap_meta_sb_encode(&sb, buf);
	for (int i = 0; i < BLOCK; i++) {
		buf[i] ^= 0x40;
		caught += remap_meta_sb_decode(buf, &out) != 0;
		buf[i] ^= 0x40;
	}
	CHECK_EQ(caught, BLOCK);
}

/* Each field corrupted with a correct crc is refused with its own error. */
static void test_sb_fields(void)
{
	static const struct {
		const char *what;
		size_t off;
		int width;	/* 4, 8, or 1 for a single byte */
		u64 value;
		int err;
	} cases[] = {
		{ "magic", 0, 1, 'X', REMAP_META_E_MAGIC },
		{ "version", 12, 4, 2, REMAP_META_E_VERSION },
		{ "seq", 16, 8, 0, REMAP_META_E_SEQ },
		{ "block_size 12", 40, 4, 12, REMAP_META_E_BLOCK_SIZE },
		{ "block_size 0", 40, 4, 0, REMAP_META_E_BLOCK_SIZE },
		{ "block_size 256", 40, 4, 256, REMAP_META_E_BLOCK_SIZE },
		{ "entries", 44, 4, 505, REMAP_META_E_ENTRIES },
		{ "main_sectors", 48, 8, 0, REMAP_META_E_MAIN_SIZE },
		{ "spare_sectors", 56, 8, 262144, REMAP_META_E_LAYOUT },
		{ "spare_sectors tiny", 56, 8, 8, REMAP_META_E_LAYOUT },
		{ "capacity", 64, 8, 1, REMAP_META_E_LAYOUT },
		{ "capacity huge", 64, 8, ~0ull, REMAP_META_E_LAYOUT },
		{ "data_offset", 72, 8, 8, REMAP_META_E_LAYOUT },
		{ "used", 80, 8, 1u << 30, REMAP_META_E_USED },
		{ "used max", 80, 8, ~0ull, REMAP_META_E_USED },
		{ "reserved", 88, 1, 1, REMAP_META_E_RESERVED },
		{ "padding", 4000, 1, 1, REMAP_META_E_RESERVED },
		{ "main_id char", 96, 1, ' ', REMAP_META_E_MAIN_ID },
		{ "main_id tail", 96 + 62, 1, 'a', REMAP_META_E_MAIN_ID },
		{ "label char", 160, 1, '/', REMAP_META_E_LABEL },
		{ "label colon", 161, 1, ':', REMAP_META_E_LABEL },
	};
	struct remap_meta_sb sb, out;
	u8 buf[BLOCK];

	make_sb(&sb);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r;

		remap_meta_sb_encode(&sb, buf);
		if (cases[i].width == 1)
			buf[cases[i].off] = cases[i].value;
		else if (cases[i].width == 4)
			put32(buf + cases[i].off, cases[i].value);
		else
			put64(buf + cases[i].off, cases[i].value);
		fix_crc(buf, 8);
		r = remap_meta_sb_decode(buf, &out);
		if (r != cases[i].err)
			fprintf(stderr, "field %s: got %d (%s)\n", cases[i].what,
				r, remap_meta_strerror(r));
		CHECK_EQ(r, cases[i].err);
		CHECK(strlen(remap_meta_strerror(r)) > 5);
	}
	/* a label that fills all 64 bytes has no terminator */
	remap_meta_sb_encode(&sb, buf);
	memset(buf + 160, 'a', 64);
	fix_crc(buf, 8);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), REMAP_META_E_LABEL);
	/* the crc itself */
	remap_meta_sb_encode(&sb, buf);
	put32(buf + 8, 0);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), REMAP_META_E_CRC);
	/* all zero: not ours */
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(remap_meta_sb_decode(buf, &out), REMAP_META_E_MAGIC);
	CHECK(!strcmp(remap_meta_strerror(1000), "unknown metadata error"));
	CHECK(!strcmp(remap_meta_strerror(-1), "unknown metadata error"));
}

static void test_check_devices(void)
{
	struct remap_meta_sb sb;

	make_sb(&sb);
	CHECK_EQ(remap_meta_sb_check_devices(&sb, 2097152, 131072), 0);
	CHECK_EQ(remap_meta_sb_check_devices(&sb, 2097152, 131072 * 2), 0);
	CHECK_EQ(remap_meta_sb_check_devices(&sb, 2097152 - 8, 131072), REMAP_META_E_MAIN_MISMATCH);
	CHECK_EQ(remap_meta_sb_check_devices(&sb, 2097152, 131072 - 8), REMAP_META_E_SPARE_SHRUNK);
	CHECK_EQ(remap_meta_main_blocks(&sb), 262144);
	sb.main_sectors = 2097153;
	CHECK_EQ(remap_meta_main_blocks(&sb), 262145);
}

static void test_sb_pick(void)
{
	struct remap_meta_sb sb, out;
	u8 a[BLOCK], b[BLOCK];
	unsigned int which = 9;
	int err_b = 0;

	make_sb(&sb);
	sb.seq = 5;
	remap_meta_sb_encode(&sb, a);
	sb.seq = 6;
	sb.used = 3;
	remap_meta_sb_encode(&sb, b);
	CHECK_EQ(remap_meta_sb_pick(a, b, &out, &which, &err_b), 0);
	CHECK_EQ(which, 1);
	CHECK_EQ(out.seq, 6);
	CHECK_EQ(out.used, 3);
	CHECK_EQ(remap_meta_sb_pick(b, a, &out, &which, NULL), 0);
	CHECK_EQ(which, 0);
	CHECK_EQ(out.seq, 6);

	/* a torn newer copy falls back to the older one */
	b[100] ^= 1;
	CHECK_EQ(remap_meta_sb_pick(a, b, &out, &which, &err_b), 0);
	CHECK_EQ(which, 0);
	CHECK_EQ(out.seq, 5);
	CHECK_EQ(err_b, REMAP_META_E_CRC);

	/* neither valid: copy A's error, B's in err_b */
	memset(a, 0, sizeof(a));
	CHECK_EQ(remap_meta_sb_pick(a, b, &out, &which, &err_b), REMAP_META_E_MAGIC);
	CHECK_EQ(err_b, REMAP_META_E_CRC);
}

static void test_table(void)
{
	struct remap_meta_sb sb;
	u64 entries[EPB], got[EPB], seq = 0;
	u8 c0[BLOCK], c1[BLOCK];
	unsigned int which = 9;

	make_sb(&sb);
	for (int i = 0; i < EPB; i++)
		entries[i] = 1000 + 3 * i;

	/* block 1 holding slots 504..509 */
	sb.used = EPB + 6;
	sb.seq = 10;
	remap_meta_table_encode(&sb, 1, entries, c0);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c0, &seq, got), 0);
	CHECK_EQ(seq, 10);
	CHECK_EQ(got[5], entries[5]);
	CHECK_EQ(got[6], REMAP_META_UNUSED_SLOT);
	CHECK_EQ(got[EPB - 1], REMAP_META_UNUSED_SLOT);

	/* wrong index, wrong uuid */
	CHECK_EQ(remap_meta_table_decode(&sb, 2, c0, &seq, got), REMAP_META_E_INDEX);
	{
		struct remap_meta_sb other = sb;

		memcpy(other.uuid, uuid2, 16);
		CHECK_EQ(remap_meta_table_decode(&other, 1, c0, &seq, got), REMAP_META_E_UUID);
	}
	/* a used entry past the committed count */
	{
		struct remap_meta_sb smaller = sb;

		smaller.used = EPB + 2;
		CHECK_EQ(remap_meta_table_decode(&smaller, 1, c0, &seq, got), REMAP_META_E_UNUSED_ENTRY);
	}
	/* an entry beyond the main device */
	entries[2] = remap_meta_main_blocks(&sb);
	remap_meta_table_encode(&sb, 1, entries, c1);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c1, &seq, got), REMAP_META_E_ENTRY);
	/* a failed slot is fine inside the used ones, "unused" is not */
	entries[2] = REMAP_META_FAILED_SLOT;
	remap_meta_table_encode(&sb, 1, entries, c1);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c1, &seq, got), 0);
	CHECK_EQ(got[2], REMAP_META_FAILED_SLOT);
	entries[2] = REMAP_META_UNUSED_SLOT;
	remap_meta_table_encode(&sb, 1, entries, c1);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c1, &seq, got), REMAP_META_E_UNUSED_ENTRY);
	entries[2] = 1006;

	/* every byte is covered by the crc */
	{
		int caught = 0;

		for (int i = 0; i < BLOCK; i++) {
			c0[i] ^= 0x01;
			caught += remap_meta_table_decode(&sb, 1, c0, &seq, NULL) != 0;
			c0[i] ^= 0x01;
		}
		CHECK_EQ(caught, BLOCK);
	}
	/* header fields with a correct crc */
	put32(c0 + 0, 0x12345678);
	fix_crc(c0, 4);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c0, &seq, NULL), REMAP_META_E_MAGIC);
	remap_meta_table_encode(&sb, 1, entries, c0);
	c0[40] = 1;
	fix_crc(c0, 4);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c0, &seq, NULL), REMAP_META_E_RESERVED);
	remap_meta_table_encode(&sb, 1, entries, c0);
	put64(c0 + 8, 0);
	fix_crc(c0, 4);
	CHECK_EQ(remap_meta_table_decode(&sb, 1, c0, &seq, NULL), REMAP_META_E_SEQ);
}

static void test_table_pick(void)
{
	struct remap_meta_sb sb, newer;
	u64 entries[EPB], got[EPB];
	u8 c0[BLOCK], c1[BLOCK];
	unsigned int which = 9;

	make_sb(&sb);
	for (int i = 0; i < EPB; i++)
		entries[i] = 7 * i;

	/* commit 3: copy 0 with 2 entries */
	sb.seq = 3;
	sb.used = 2;
	remap_meta_table_encode(&sb, 0, entries, c0);
	/* commit 4: copy 1 with 3 entries */
	newer = sb;
	newer.seq = 4;
	newer.used = 3;
	remap_meta_table_encode(&newer, 0, entries, c1);

	/* superblock at 4 sees copy 1 */
	CHECK_EQ(remap_meta_table_pick(&newer, 0, c0, c1, &which, got), 0);
	CHECK_EQ(which, 1);
	CHECK_EQ(got[2], 14);

	/* superblock still at 3 (commit 4 crashed before it): copy 0 */
	CHECK_EQ(remap_meta_table_pick(&sb, 0, c0, c1, &which, got), 0);
	CHECK_EQ(which, 0);
	CHECK_EQ(got[1], 7);
	CHECK_EQ(got[2], REMAP_META_UNUSED_SLOT);

	/* a torn copy 1 at superblock 4: copy 0 is the only intact one but it
	 * predates slot 2, so it is refused instead of silently losing slot 2 */
	c1[3000] ^= 0xff;
	CHECK_EQ(remap_meta_table_pick(&newer, 0, c0, c1, &which, got), REMAP_META_E_NO_COPY);
	/* both torn */
	c0[3000] ^= 0xff;
	CHECK_EQ(remap_meta_table_pick(&sb, 0, c0, c1, &which, got), REMAP_META_E_NO_COPY);
}

/*
 * The commit protocol on a simulated spare: only its metadata area, as
 * 4 KiB blocks. load() does what the kernel's load does: the newest valid
 * superblock, the newest valid copy of each table block in use, and (with
 * repair) the picked copy written over a copy that differs from it.
 */
#define SIM_SPARE_SECTORS 12288		/* 1515 slots: 4 table blocks */

struct sim {
	u8 *img;
	size_t bytes;
	/* writes recorded by sim_write, for the crash checks */
	unsigned int nwrites;
	u64 wsector[16];
	u8 wbuf[16][BLOCK];
	bool wflush[16];
};

static int sim_write(void *ctx, u64 sector, const void *buf, bool flush)
{
	struct sim *s = ctx;

	if (s->nwrites < 16) {
		s->wsector[s->nwrites] = sector;
		memcpy(s->wbuf[s->nwrites], buf, BLOCK);
		s->wflush[s->nwrites] = flush;
	}
	s->nwrites++;
	memcpy(s->img + sector * 512, buf, BLOCK);
	return 0;
}

/* 0 and sb/entries on success; with repair, *repaired counts the copies
 * rewritten. */
static int sim_load(u8 *img, struct remap_meta_sb *sb, u64 *entries,
		    bool repair, unsigned int *repaired)
{
	unsigned int which, n = 0;
	int err_b;
	u64 k;

	if (remap_meta_sb_pick(img, img + BLOCK, sb, &which, &err_b))
		return -1;
	for (k = 0; k < remap_meta_table_blocks(sb->used); k++) {
		u8 *c[2] = { img + remap_meta_table_sector(k, 0) * 512,
			     img + remap_meta_table_sector(k, 1) * 512 };
		unsigned int t;

		if (remap_meta_table_pick(sb, k, c[0], c[1], &t, entries + k * EPB))
			return -1;
		if (repair && memcmp(c[0], c[1], BLOCK)) {
			memcpy(c[!t], c[t], BLOCK);
			n++;
		}
	}
	if (repair && memcmp(img, img + BLOCK, BLOCK)) {
		memcpy(img + (!which) * BLOCK, img + which * BLOCK, BLOCK);
		n++;
	}
	if (repaired)
		*repaired = n;
	return 0;
}

static bool same_state(const struct remap_meta_sb *sb, const u64 *got,
		       u64 used, const u64 *want)
{
	return sb->used == used && !memcmp(got, want, used * sizeof(u64));
}

/* Appends len entries to the model and commits them. */
static void sim_commit(struct sim *s, struct remap_meta_sb *sb, u64 *model,
		       unsigned int len)
{
	u64 first = sb->used / EPB, last;
	const u64 *blocks[2];
	unsigned int n;
	bool durable;

	for (unsigned int i = 0; i < len; i++) {
		u64 slot = sb->used + i;

		model[slot] = slot % 11 == 5 ? REMAP_META_FAILED_SLOT :
			      (slot * 7919) % remap_meta_main_blocks(sb);
	}
	last = (sb->used + len - 1) / EPB;
	n = len ? last - first + 1 : 0;
	blocks[0] = model + first * EPB;
	blocks[1] = model + (first + 1) * EPB;
	sb->seq++;
	sb->used += len;
	s->nwrites = 0;
	CHECK_EQ(remap_meta_commit(sb, first, n, blocks, s->img, sim_write, s,
				   &durable), 0);
	CHECK(durable);
}

static void test_commit_survives_any_lost_block(void)
{
	static const unsigned int batches[] = {
		0, 1, 2, 500, 3, 504, 1, 7, 490,
	};
	struct remap_meta_sb sb, got;
	struct sim s = { 0 };
	u64 *model, *entries;
	u8 *before, *copy;
	int lost_ok = 0, lost_total = 0, crash_ok = 0, crash_total = 0;

	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 2097152, SIM_SPARE_SECTORS,
				    NULL, "sim"), 0);
	s.bytes = sb.data_offset * 512;
	s.img = calloc(1, s.bytes);
	before = malloc(s.bytes);
	copy = malloc(s.bytes);
	model = calloc(remap_meta_table_blocks(sb.capacity) + 1, EPB * sizeof(u64));
	entries = calloc(remap_meta_table_blocks(sb.capacity) + 1, EPB * sizeof(u64));
	CHECK(sb.used + 1508 <= sb.capacity);

	for (unsigned int c = 0; c < sizeof(batches) / sizeof(batches[0]); c++) {
		u64 old_used = sb.used;
		unsigned int sb_a_write;

		memcpy(before, s.img, s.bytes);
		/* c == 0: the format, a commit without table blocks */
		if (c == 0) {
			bool durable;

			s.nwrites = 0;
			CHECK_EQ(remap_meta_commit(&sb, 0, 0, NULL, s.img,
						   sim_write, &s, &durable), 0);
		} else {
			sim_commit(&s, &sb, model, batches[c]);
		}
		CHECK(s.nwrites <= 16);

		/* A crash after any prefix of the writes: the old commit or
		 * the new one, and the new one once superblock A is written. */
		for (sb_a_write = 0; sb_a_write < s.nwrites; sb_a_write++)
			if (s.wsector[sb_a_write] == remap_meta_sb_sector(0))
				break;
		for (unsigned int p = c ? 0 : s.nwrites; p <= s.nwrites; p++) {
			bool ok;

			memcpy(copy, before, s.bytes);
			for (unsigned int w = 0; w < p; w++)
				memcpy(copy + s.wsector[w] * 512, s.wbuf[w], BLOCK);
			ok = !sim_load(copy, &got, entries, false, NULL) &&
			     (p > sb_a_write ?
			      same_state(&got, entries, sb.used, model) :
			      same_state(&got, entries, old_used, model));
			crash_ok += ok;
			crash_total++;
			if (!ok)
				fprintf(stderr, "commit %u: crash after %u of %u writes loses it\n",
					c, p, s.nwrites);
		}

		/* Every metadata block in use lost (zeroed or garbage) after
		 * the commit: the same state loads, and repair restores the
		 * image. */
		for (u64 b = 0; b < 2 + 2 * remap_meta_table_blocks(sb.used); b++) {
			for (int garbage = 0; garbage < 2; garbage++) {
				unsigned int repaired = 0;
				bool ok;

				memcpy(copy, s.img, s.bytes);
				if (garbage)
					for (int i = 0; i < BLOCK; i++)
						copy[b * BLOCK + i] = (u8)(i * 31 + b);
				else
					memset(copy + b * BLOCK, 0, BLOCK);
				ok = !sim_load(copy, &got, entries, true, &repaired) &&
				     same_state(&got, entries, sb.used, model) &&
				     got.seq == sb.seq && repaired == 1 &&
				     !memcmp(copy, s.img, s.bytes);
				lost_ok += ok;
				lost_total++;
				if (!ok)
					fprintf(stderr, "commit %u: losing metadata block %llu loses data or is not repaired\n",
						c, (unsigned long long)b);
			}
		}
		/* Nothing to repair on an intact spare. */
		{
			unsigned int repaired = 9;

			memcpy(copy, s.img, s.bytes);
			CHECK_EQ(sim_load(copy, &got, entries, true, &repaired), 0);
			CHECK_EQ(repaired, 0);
		}
	}
	CHECK_EQ(crash_ok, crash_total);
	CHECK_EQ(lost_ok, lost_total);
	CHECK(lost_total > 100);
	free(entries);
	free(model);
	free(copy);
	free(before);
	free(s.img);
}

/*
 * A version-1 spare written by the earlier protocol (one copy per commit,
 * alternating) loads, and one repair pass leaves both copies current.
 */
static void test_one_copy_spare_upgraded(void)
{
	struct remap_meta_sb sb, got;
	u64 model[2 * EPB], entries[2 * EPB];
	u8 *img, *copy;
	unsigned int repaired = 0;
	size_t bytes;

	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 2097152, SIM_SPARE_SECTORS,
				    NULL, NULL), 0);
	bytes = sb.data_offset * 512;
	img = calloc(1, bytes);
	copy = malloc(bytes);
	/* format: copy A only */
	remap_meta_sb_encode(&sb, img);
	for (unsigned int c = 0; c < 5; c++) {
		u64 k = sb.used / EPB;

		for (int i = 0; i < 100; i++)
			model[sb.used + i] = 1000 + sb.used + i;
		sb.seq++;
		sb.used += 100;
		/* the table copy not holding the current version, then the
		 * older superblock */
		remap_meta_table_encode(&sb, k, model + k * EPB,
					img + remap_meta_table_sector(k, c & 1) * 512);
		remap_meta_sb_encode(&sb, img + remap_meta_sb_sector(!(c & 1)) * 512);
	}
	CHECK_EQ(sim_load(img, &got, entries, true, &repaired), 0);
	CHECK(same_state(&got, entries, 500, model));
	CHECK_EQ(repaired, 2);
	/* now any single block may go */
	for (u64 b = 0; b < 4; b++) {
		memcpy(copy, img, bytes);
		memset(copy + b * BLOCK, 0, BLOCK);
		CHECK_EQ(sim_load(copy, &got, entries, false, NULL), 0);
		CHECK(same_state(&got, entries, 500, model));
	}
	free(copy);
	free(img);
}

static void test_duplicates(void)
{
	u64 e[] = { 5, 9, 1, REMAP_META_FAILED_SLOT, 3, REMAP_META_FAILED_SLOT, 7 };
	u64 d[] = { 5, 9, 1, 3, 9 };
	u64 big[5000];

	CHECK_EQ(remap_meta_check_duplicates(e, 7), 0);
	for (int i = 1; i < 7; i++)
		CHECK(e[i - 1] <= e[i]);
	CHECK_EQ(remap_meta_check_duplicates(d, 5), REMAP_META_E_DUPLICATE);
	for (int i = 0; i < 5000; i++)
		big[i] = (u64)(i * 7919) % 5003;
	CHECK_EQ(remap_meta_check_duplicates(big, 5000), 0);
	big[4999] = big[17];
	CHECK_EQ(remap_meta_check_duplicates(big, 5000), REMAP_META_E_DUPLICATE);
	CHECK_EQ(remap_meta_check_duplicates(big, 0), 0);
}

int main(void)
{
	test_crc32c();
	test_layout();
	test_names();
	test_sb_roundtrip();
	test_sb_every_byte_checked();
	test_sb_fields();
	test_check_devices();
	test_sb_pick();
	test_table();
	test_table_pick();
	test_commit_survives_any_lost_block();
	test_one_copy_spare_upgraded();
	test_duplicates();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
