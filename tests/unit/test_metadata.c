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
		{ "version", 12, 4, 3, REMAP_META_E_VERSION },
		{ "version 2 without records", 12, 4, 2, REMAP_META_E_UNREADABLE },
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
		{ "records in version 1", 88, 1, 1, REMAP_META_E_RESERVED },
		{ "reserved", 92, 1, 1, REMAP_META_E_RESERVED },
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
static struct remap_meta_unreadable loaded_records[REMAP_META_MAX_UNREADABLE];

static int sim_load(u8 *img, struct remap_meta_sb *sb, u64 *entries,
		    bool repair, unsigned int *repaired)
{
	unsigned int which, n = 0;
	int err_b;
	u64 k;

	if (remap_meta_sb_pick(img, img + BLOCK, sb, &which, &err_b))
		return -1;
	remap_meta_sb_get_unreadable(img + which * BLOCK, sb, loaded_records);
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

/* The records sim_load() found are these. */
static bool same_records(const struct remap_meta_sb *sb,
			 const struct remap_meta_unreadable *want, u32 count)
{
	return sb->unreadable_count == count &&
	       (!count || !memcmp(loaded_records, want, count * sizeof(*want)));
}

/*
 * Records of commit c, from the remapped blocks in model[0..used): their
 * number varies (0 to 20, back to 0), so do blocks and sectors.
 */
static u32 make_records(unsigned int c, const u64 *model, u64 used,
			struct remap_meta_unreadable *recs)
{
	u64 blocks[REMAP_META_MAX_UNREADABLE];
	u32 n = 0, i, j;

	for (u64 slot = (c * 13) % (used + 1); slot < used && n < (c % 3) * 10;
	     slot += 7) {
		if (model[slot] == REMAP_META_FAILED_SLOT)
			continue;
		for (j = 0; j < n && blocks[j] != model[slot]; j++)
			;
		if (j == n)
			blocks[n++] = model[slot];
	}
	/* ascending */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && blocks[j - 1] > blocks[j]; j--) {
			u64 t = blocks[j];

			blocks[j] = blocks[j - 1];
			blocks[j - 1] = t;
		}
	memset(recs, 0, n * sizeof(*recs));
	for (i = 0; i < n; i++) {
		recs[i].main_block = blocks[i];
		recs[i].sectors[0] = 1u << ((c + i) % 8);
	}
	return n;
}

/* The len entries after sb->used in the model. */
static void sim_fill(const struct remap_meta_sb *sb, u64 *model,
		     unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		u64 slot = sb->used + i;

		model[slot] = slot % 11 == 5 ? REMAP_META_FAILED_SLOT :
			      (slot * 7919) % remap_meta_main_blocks(sb);
	}
}

/* Commits the len entries after sb->used (sim_fill() made them). */
static void sim_commit(struct sim *s, struct remap_meta_sb *sb, u64 *model,
		       unsigned int len)
{
	u64 first = sb->used / EPB, last;
	const u64 *blocks[2];
	unsigned int n;
	bool durable;

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
	static struct remap_meta_unreadable recs[2][REMAP_META_MAX_UNREADABLE];
	struct remap_meta_sb sb, got;
	struct sim s = { 0 };
	u64 *model, *entries;
	u8 *before, *copy;
	int lost_ok = 0, lost_total = 0, crash_ok = 0, crash_total = 0;
	int with_records = 0;

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
		u32 old_count = sb.unreadable_count;
		struct remap_meta_unreadable *new_recs = recs[c & 1];
		const struct remap_meta_unreadable *old_recs = recs[!(c & 1)];
		unsigned int sb_a_write;

		memcpy(before, s.img, s.bytes);
		/* c == 0: the format, a commit without table blocks */
		if (c == 0) {
			bool durable;

			s.nwrites = 0;
			CHECK_EQ(remap_meta_commit(&sb, 0, 0, NULL, s.img,
						   sim_write, &s, &durable), 0);
		} else {
			/*
			 * The unreadable-sector records of the remapped
			 * blocks change with the commit, as in the kernel.
			 */
			u64 used = sb.used + batches[c];

			sim_fill(&sb, model, batches[c]);
			sb.unreadable_count = make_records(c, model, used,
							   new_recs);
			sb.unreadable = new_recs;
			with_records += sb.unreadable_count > 0;
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
			      same_state(&got, entries, sb.used, model) &&
			      same_records(&got, sb.unreadable, sb.unreadable_count) :
			      same_state(&got, entries, old_used, model) &&
			      same_records(&got, old_recs, old_count));
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
				     same_records(&got, sb.unreadable,
						  sb.unreadable_count) &&
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
	CHECK(with_records >= 4);
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

/* Records: encoded as version 2, decoded back; without them version 1. */
static void test_unreadable_records(void)
{
	struct remap_meta_unreadable recs[REMAP_META_MAX_UNREADABLE + 1], got[3];
	struct remap_meta_sb sb, out;
	u8 buf[BLOCK], raw[BLOCK];
	int caught = 0;

	make_sb(&sb);
	sb.used = 9;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(buf[12], 1);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	CHECK_EQ(out.unreadable_count, 0);

	memset(recs, 0, sizeof(recs));
	recs[0].main_block = 3;
	recs[0].sectors[0] = 0x81;
	recs[1].main_block = 70;
	recs[1].sectors[0] = 0x10;
	recs[2].main_block = remap_meta_main_blocks(&sb) - 1;
	recs[2].sectors[0] = 0xff;
	sb.unreadable = recs;
	sb.unreadable_count = 3;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(buf[12], 2);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	CHECK_EQ(out.unreadable_count, 3);
	CHECK(out.unreadable == NULL);
	remap_meta_sb_get_unreadable(buf, &out, got);
	CHECK(!memcmp(got, recs, sizeof(got)));
	/* and back to the same bytes */
	out.unreadable = got;
	remap_meta_sb_encode(&out, raw);
	CHECK(!memcmp(raw, buf, BLOCK));
	/* every byte, records included, is checked */
	for (int i = 0; i < BLOCK; i++) {
		buf[i] ^= 0x08;
		caught += remap_meta_sb_decode(buf, &out) != 0;
		buf[i] ^= 0x08;
	}
	CHECK_EQ(caught, BLOCK);

	/* a full superblock */
	for (int i = 0; i <= REMAP_META_MAX_UNREADABLE; i++) {
		recs[i].main_block = 10 + 2 * i;
		recs[i].sectors[0] = 1;
	}
	sb.unreadable_count = REMAP_META_MAX_UNREADABLE;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	CHECK_EQ(out.unreadable_count, REMAP_META_MAX_UNREADABLE);
	/* one more does not fit: the count is refused */
	put32(buf + 88, REMAP_META_MAX_UNREADABLE + 1);
	fix_crc(buf, 8);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), REMAP_META_E_UNREADABLE);
}

/* Each invalid record, with a correct crc, is refused. */
static void test_unreadable_invalid(void)
{
	static const struct {
		const char *what;
		unsigned int rec;	/* record changed */
		u64 block;
		unsigned int byte;	/* bitmap byte set to value */
		u8 value;
		int err;
	} cases[] = {
		{ "not ascending", 1, 2, 0, 1, REMAP_META_E_UNREADABLE },
		{ "twice", 1, 5, 0, 1, REMAP_META_E_UNREADABLE },
		{ "beyond main", 1, 262144, 0, 1, REMAP_META_E_UNREADABLE },
		{ "no sector", 1, 6, 0, 0, REMAP_META_E_UNREADABLE },
		{ "past block size", 1, 6, 1, 1, REMAP_META_E_UNREADABLE },
		{ "past the bitmap's use", 0, 5, 15, 0x80, REMAP_META_E_UNREADABLE },
		{ "valid", 1, 6, 0, 0x40, 0 },
	};
	struct remap_meta_unreadable recs[2];
	struct remap_meta_sb sb, out;
	u8 buf[BLOCK];

	make_sb(&sb);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r;

		memset(recs, 0, sizeof(recs));
		recs[0].main_block = 5;
		recs[0].sectors[0] = 2;
		recs[1].main_block = 9;
		recs[1].sectors[0] = 4;
		sb.unreadable = recs;
		sb.unreadable_count = 2;
		recs[cases[i].rec].main_block = cases[i].block;
		recs[cases[i].rec].sectors[cases[i].byte] = cases[i].value;
		remap_meta_sb_encode(&sb, buf);
		r = remap_meta_sb_decode(buf, &out);
		if (r != cases[i].err)
			fprintf(stderr, "record %s: got %d (%s)\n", cases[i].what,
				r, remap_meta_strerror(r));
		CHECK_EQ(r, cases[i].err);
	}
	/* bytes after the last record */
	sb.unreadable_count = 1;
	recs[0].sectors[1] = 0;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	buf[224 + 24] = 1;
	fix_crc(buf, 8);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), REMAP_META_E_RESERVED);

	/* the device's last block is partial: no sector past its end */
	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 1003, 100000, NULL, NULL), 0);
	recs[0].main_block = 125;	/* sectors 1000..1002 */
	recs[0].sectors[0] = 0x04;
	sb.unreadable = recs;
	sb.unreadable_count = 1;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), 0);
	recs[0].sectors[0] = 0x08;
	remap_meta_sb_encode(&sb, buf);
	CHECK_EQ(remap_meta_sb_decode(buf, &out), REMAP_META_E_UNREADABLE);
}

/*
 * A version-1 spare (as the previous module wrote it) takes records at its
 * next commit, and goes back to version 1 when the last one is gone.
 */
static void test_version1_spare_takes_records(void)
{
	struct remap_meta_unreadable rec = { .main_block = 1001, .sectors = { 0x20 } };
	struct remap_meta_sb sb, got;
	u64 model[EPB], entries[EPB];
	struct sim s = { 0 };
	bool durable;

	CHECK_EQ(remap_meta_sb_init(&sb, uuid1, 8, 2097152, SIM_SPARE_SECTORS,
				    NULL, NULL), 0);
	s.bytes = sb.data_offset * 512;
	s.img = calloc(1, s.bytes);
	CHECK_EQ(remap_meta_commit(&sb, 0, 0, NULL, s.img, sim_write, &s, &durable), 0);
	sim_fill(&sb, model, 3);
	sim_commit(&s, &sb, model, 3);
	CHECK_EQ(s.img[12], 1);
	CHECK_EQ(s.img[BLOCK + 12], 1);
	CHECK_EQ(sim_load(s.img, &got, entries, false, NULL), 0);
	CHECK(same_state(&got, entries, 3, model));
	CHECK_EQ(got.unreadable_count, 0);

	/* a partial-block remap with an unreadable sector */
	model[3] = 1001;
	sb.unreadable = &rec;
	sb.unreadable_count = 1;
	sim_commit(&s, &sb, model, 1);
	CHECK_EQ(s.img[12], 2);
	CHECK_EQ(s.img[BLOCK + 12], 2);
	CHECK_EQ(sim_load(s.img, &got, entries, false, NULL), 0);
	CHECK(same_state(&got, entries, 4, model));
	CHECK(same_records(&got, &rec, 1));
	/* superblock A lost: B has the record */
	memset(s.img, 0, BLOCK);
	CHECK_EQ(sim_load(s.img, &got, entries, true, NULL), 0);
	CHECK(same_records(&got, &rec, 1));

	/* the sector written: a commit without table blocks */
	sb.seq++;
	sb.unreadable_count = 0;
	CHECK_EQ(remap_meta_commit(&sb, 0, 0, NULL, s.img, sim_write, &s, &durable), 0);
	CHECK_EQ(s.img[12], 1);
	CHECK_EQ(sim_load(s.img, &got, entries, false, NULL), 0);
	CHECK(same_state(&got, entries, 4, model));
	CHECK_EQ(got.unreadable_count, 0);
	free(s.img);
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
	test_unreadable_records();
	test_unreadable_invalid();
	test_version1_spare_takes_records();
	test_duplicates();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
