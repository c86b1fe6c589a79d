// SPDX-License-Identifier: GPL-2.0-only
/*
 * dm-remap on-disk metadata: encoding, decoding, validation and layout.
 * Pure functions shared by the kernel target and the userspace tools; see
 * remap-metadata.h for the API and kernel/README.md for the format.
 */
#ifdef __KERNEL__
#include <linux/crc32c.h>
#include <linux/string.h>
#endif
#include "remap-metadata.h"

#define SB_MAGIC	"DMREMAP1"
#define TABLE_MAGIC	0x4d505254u

/* Superblock field offsets */
#define SB_OFF_MAGIC		0
#define SB_OFF_CRC		8
#define SB_OFF_VERSION		12
#define SB_OFF_SEQ		16
#define SB_OFF_UUID		24
#define SB_OFF_BLOCK_SIZE	40
#define SB_OFF_ENTRIES		44
#define SB_OFF_MAIN_SECTORS	48
#define SB_OFF_SPARE_SECTORS	56
#define SB_OFF_CAPACITY		64
#define SB_OFF_DATA_OFFSET	72
#define SB_OFF_USED		80
#define SB_OFF_UNREADABLE_COUNT	88
#define SB_OFF_ZERO		92
#define SB_OFF_MAIN_ID		96
#define SB_OFF_LABEL		160
#define SB_OFF_UNREADABLE	224
#define SB_UNREADABLE_BYTES	(8 + REMAP_META_UNREADABLE_MAP_BYTES)

/* Table block field offsets */
#define TB_OFF_MAGIC		0
#define TB_OFF_CRC		4
#define TB_OFF_SEQ		8
#define TB_OFF_UUID		16
#define TB_OFF_INDEX		32
#define TB_OFF_ZERO		36

/* The index field is 32 bits wide: never lay out more table blocks. */
#define MAX_SLOTS	((u64)0xffffffffu * REMAP_META_ENTRIES_PER_BLOCK)

static const char *const error_names[REMAP_META_E_COUNT] = {
	[REMAP_META_OK] = "ok",
	[REMAP_META_E_MAGIC] = "no dm-remap metadata (bad magic)",
	[REMAP_META_E_CRC] = "checksum mismatch",
	[REMAP_META_E_VERSION] = "unsupported metadata version",
	[REMAP_META_E_BLOCK_SIZE] = "block size is not a power of two in 8..128 sectors",
	[REMAP_META_E_ENTRIES] = "entries per table block is not 504",
	[REMAP_META_E_MAIN_SIZE] = "main device size is invalid",
	[REMAP_META_E_LAYOUT] = "capacity or data offset inconsistent with the spare size",
	[REMAP_META_E_USED] = "used slots exceed the capacity",
	[REMAP_META_E_RESERVED] = "reserved bytes are not zero",
	[REMAP_META_E_MAIN_ID] = "main_id is invalid",
	[REMAP_META_E_LABEL] = "label is invalid",
	[REMAP_META_E_SEQ] = "sequence number is zero",
	[REMAP_META_E_INDEX] = "table block index mismatch",
	[REMAP_META_E_UUID] = "table block belongs to another format (uuid)",
	[REMAP_META_E_ENTRY] = "table entry beyond the main device",
	[REMAP_META_E_UNUSED_ENTRY] = "table entry disagrees with the used slot count",
	[REMAP_META_E_NO_COPY] = "no valid copy of a table block",
	[REMAP_META_E_DUPLICATE] = "a main block is remapped twice",
	[REMAP_META_E_SPARE_TOO_SMALL] = "spare too small for metadata and one slot",
	[REMAP_META_E_SPARE_SHRUNK] = "spare is smaller than when it was formatted",
	[REMAP_META_E_MAIN_MISMATCH] = "spare was formatted for a main device of another size",
	[REMAP_META_E_UNREADABLE] = "an unreadable-sector record is invalid",
};

const char *remap_meta_strerror(int err)
{
	if (err < 0 || err >= REMAP_META_E_COUNT)
		return "unknown metadata error";
	return error_names[err];
}

static u32 get_le32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static u64 get_le64(const u8 *p)
{
	return (u64)get_le32(p) | (u64)get_le32(p + 4) << 32;
}

static void put_le32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void put_le64(u8 *p, u64 v)
{
	put_le32(p, (u32)v);
	put_le32(p + 4, (u32)(v >> 32));
}

static bool all_zero(const u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

/* Standard CRC-32C of the block, its 4-byte crc field taken as zero. */
static u32 block_crc(const u8 *block, size_t crc_off)
{
	static const u8 zero[4];
	u32 crc;

	crc = crc32c(~0u, block, crc_off);
	crc = crc32c(crc, zero, sizeof(zero));
	crc = crc32c(crc, block + crc_off + 4,
		     REMAP_META_BLOCK_BYTES - crc_off - 4);
	return ~crc;
}

static bool valid_block_size(u32 block_size)
{
	return block_size >= REMAP_META_MIN_BLOCK_SIZE &&
	       block_size <= REMAP_META_MAX_BLOCK_SIZE &&
	       !(block_size & (block_size - 1));
}

u64 remap_meta_table_blocks(u64 slots)
{
	return slots / REMAP_META_ENTRIES_PER_BLOCK +
	       !!(slots % REMAP_META_ENTRIES_PER_BLOCK);
}

u64 remap_meta_sb_sector(unsigned int copy)
{
	return (u64)copy * REMAP_META_BLOCK_SECTORS;
}

u64 remap_meta_table_sector(u64 k, unsigned int copy)
{
	return (2 + 2 * k + copy) * REMAP_META_BLOCK_SECTORS;
}

/* Start of slot 0 for a given number of slots, aligned to block_size. */
static u64 data_offset_for(u64 slots, u32 block_size)
{
	u64 meta = remap_meta_table_sector(remap_meta_table_blocks(slots), 0);

	return (meta + block_size - 1) / block_size * block_size;
}

static bool slots_fit(u64 slots, u64 spare_sectors, u32 block_size)
{
	u64 off = data_offset_for(slots, block_size);

	return off <= spare_sectors &&
	       slots <= (spare_sectors - off) / block_size;
}

int remap_meta_layout(u64 spare_sectors, u32 block_size,
		      u64 *capacity, u64 *data_offset)
{
	u64 lo = 0, hi;

	if (!valid_block_size(block_size))
		return REMAP_META_E_BLOCK_SIZE;
	hi = spare_sectors / block_size;
	if (hi > MAX_SLOTS)
		hi = MAX_SLOTS;
	/* Largest n that fits: fits() is monotonic in n. */
	if (!slots_fit(0, spare_sectors, block_size))
		return REMAP_META_E_SPARE_TOO_SMALL;
	while (lo < hi) {
		u64 mid = lo + (hi - lo + 1) / 2;

		if (slots_fit(mid, spare_sectors, block_size))
			lo = mid;
		else
			hi = mid - 1;
	}
	if (!lo)
		return REMAP_META_E_SPARE_TOO_SMALL;
	*capacity = lo;
	*data_offset = data_offset_for(lo, block_size);
	return 0;
}

u64 remap_meta_main_blocks(const struct remap_meta_sb *sb)
{
	return sb->main_sectors / sb->block_size +
	       !!(sb->main_sectors % sb->block_size);
}

int remap_meta_check_name(const char *s, bool allow_colon)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		char c = s[i];

		if (i >= REMAP_META_ID_BYTES - 1)
			return -1;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		    c == '-' || (allow_colon && c == ':'))
			continue;
		return -1;
	}
	return i ? 0 : -1;
}

/* Copies at most 63 characters; dst must be zeroed beforehand. */
static void copy_name(void *dst, const char *src)
{
	memcpy(dst, src, strnlen(src, REMAP_META_ID_BYTES - 1));
}

int remap_meta_sb_init(struct remap_meta_sb *sb,
		       const u8 uuid[REMAP_META_UUID_BYTES], u32 block_size,
		       u64 main_sectors, u64 spare_sectors,
		       const char *main_id, const char *label)
{
	int r;

	memset(sb, 0, sizeof(*sb));
	if (!valid_block_size(block_size))
		return REMAP_META_E_BLOCK_SIZE;
	if (!main_sectors)
		return REMAP_META_E_MAIN_SIZE;
	if (main_id && main_id[0] && remap_meta_check_name(main_id, true))
		return REMAP_META_E_MAIN_ID;
	if (label && label[0] && remap_meta_check_name(label, false))
		return REMAP_META_E_LABEL;
	r = remap_meta_layout(spare_sectors, block_size,
			      &sb->capacity, &sb->data_offset);
	if (r)
		return r;
	sb->seq = 1;
	memcpy(sb->uuid, uuid, REMAP_META_UUID_BYTES);
	sb->block_size = block_size;
	sb->main_sectors = main_sectors;
	sb->spare_sectors = spare_sectors;
	if (main_id)
		copy_name(sb->main_id, main_id);
	if (label)
		copy_name(sb->label, label);
	return 0;
}

void remap_meta_sb_encode(const struct remap_meta_sb *sb, void *buf)
{
	u8 *b = buf;

	u32 i;

	memset(b, 0, REMAP_META_BLOCK_BYTES);
	memcpy(b + SB_OFF_MAGIC, SB_MAGIC, 8);
	put_le32(b + SB_OFF_VERSION, sb->unreadable_count ?
		 REMAP_META_VERSION : REMAP_META_VERSION_NO_RECORDS);
	put_le64(b + SB_OFF_SEQ, sb->seq);
	memcpy(b + SB_OFF_UUID, sb->uuid, REMAP_META_UUID_BYTES);
	put_le32(b + SB_OFF_BLOCK_SIZE, sb->block_size);
	put_le32(b + SB_OFF_ENTRIES, REMAP_META_ENTRIES_PER_BLOCK);
	put_le64(b + SB_OFF_MAIN_SECTORS, sb->main_sectors);
	put_le64(b + SB_OFF_SPARE_SECTORS, sb->spare_sectors);
	put_le64(b + SB_OFF_CAPACITY, sb->capacity);
	put_le64(b + SB_OFF_DATA_OFFSET, sb->data_offset);
	put_le64(b + SB_OFF_USED, sb->used);
	copy_name(b + SB_OFF_MAIN_ID, sb->main_id);
	copy_name(b + SB_OFF_LABEL, sb->label);
	put_le32(b + SB_OFF_UNREADABLE_COUNT, sb->unreadable_count);
	for (i = 0; i < sb->unreadable_count; i++) {
		u8 *rec = b + SB_OFF_UNREADABLE + i * SB_UNREADABLE_BYTES;

		put_le64(rec, sb->unreadable[i].main_block);
		memcpy(rec + 8, sb->unreadable[i].sectors,
		       REMAP_META_UNREADABLE_MAP_BYTES);
	}
	put_le32(b + SB_OFF_CRC, block_crc(b, SB_OFF_CRC));
}

/* A NUL-padded name field: empty, or a valid name and only NULs after it. */
static int decode_name(const u8 *field, char *out, bool allow_colon)
{
	size_t len = 0;

	while (len < REMAP_META_ID_BYTES && field[len])
		len++;
	if (len == REMAP_META_ID_BYTES)
		return -1;
	if (!all_zero(field + len, REMAP_META_ID_BYTES - len))
		return -1;
	memcpy(out, field, len + 1);
	return len && remap_meta_check_name(out, allow_colon) ? -1 : 0;
}

/*
 * Records ascending by main block, each inside the main device with at
 * least one sector set and none past the block or the device's end.
 */
static int check_unreadable(const struct remap_meta_sb *sb, const u8 *b)
{
	u64 main_blocks = remap_meta_main_blocks(sb), prev = 0;
	u32 i, s;

	for (i = 0; i < sb->unreadable_count; i++) {
		const u8 *rec = b + SB_OFF_UNREADABLE + i * SB_UNREADABLE_BYTES;
		u64 block = get_le64(rec);
		u64 end = sb->main_sectors - block * sb->block_size;

		if (block >= main_blocks || (i && block <= prev))
			return REMAP_META_E_UNREADABLE;
		prev = block;
		if (all_zero(rec + 8, REMAP_META_UNREADABLE_MAP_BYTES))
			return REMAP_META_E_UNREADABLE;
		for (s = 0; s < REMAP_META_MAX_BLOCK_SIZE; s++)
			if ((rec[8 + s / 8] >> (s % 8) & 1) &&
			    (s >= sb->block_size || s >= end))
				return REMAP_META_E_UNREADABLE;
	}
	return 0;
}

int remap_meta_sb_decode(const void *buf, struct remap_meta_sb *sb)
{
	const u8 *b = buf;
	u64 capacity, data_offset;
	u32 version;
	size_t end;

	memset(sb, 0, sizeof(*sb));
	if (memcmp(b + SB_OFF_MAGIC, SB_MAGIC, 8))
		return REMAP_META_E_MAGIC;
	if (get_le32(b + SB_OFF_CRC) != block_crc(b, SB_OFF_CRC))
		return REMAP_META_E_CRC;
	version = get_le32(b + SB_OFF_VERSION);
	if (version != REMAP_META_VERSION &&
	    version != REMAP_META_VERSION_NO_RECORDS)
		return REMAP_META_E_VERSION;
	sb->seq = get_le64(b + SB_OFF_SEQ);
	memcpy(sb->uuid, b + SB_OFF_UUID, REMAP_META_UUID_BYTES);
	sb->block_size = get_le32(b + SB_OFF_BLOCK_SIZE);
	sb->main_sectors = get_le64(b + SB_OFF_MAIN_SECTORS);
	sb->spare_sectors = get_le64(b + SB_OFF_SPARE_SECTORS);
	sb->capacity = get_le64(b + SB_OFF_CAPACITY);
	sb->data_offset = get_le64(b + SB_OFF_DATA_OFFSET);
	sb->used = get_le64(b + SB_OFF_USED);
	sb->unreadable_count = get_le32(b + SB_OFF_UNREADABLE_COUNT);
	if (!sb->seq)
		return REMAP_META_E_SEQ;
	if (!valid_block_size(sb->block_size))
		return REMAP_META_E_BLOCK_SIZE;
	if (get_le32(b + SB_OFF_ENTRIES) != REMAP_META_ENTRIES_PER_BLOCK)
		return REMAP_META_E_ENTRIES;
	if (!sb->main_sectors)
		return REMAP_META_E_MAIN_SIZE;
	if (remap_meta_layout(sb->spare_sectors, sb->block_size,
			      &capacity, &data_offset) ||
	    capacity != sb->capacity || data_offset != sb->data_offset)
		return REMAP_META_E_LAYOUT;
	if (sb->used > sb->capacity)
		return REMAP_META_E_USED;
	/* In version 1 the record count is reserved. */
	if (version == REMAP_META_VERSION_NO_RECORDS && sb->unreadable_count)
		return REMAP_META_E_RESERVED;
	if (version == REMAP_META_VERSION &&
	    (!sb->unreadable_count ||
	     sb->unreadable_count > REMAP_META_MAX_UNREADABLE))
		return REMAP_META_E_UNREADABLE;
	end = SB_OFF_UNREADABLE + sb->unreadable_count * SB_UNREADABLE_BYTES;
	if (!all_zero(b + SB_OFF_ZERO, SB_OFF_MAIN_ID - SB_OFF_ZERO) ||
	    !all_zero(b + end, REMAP_META_BLOCK_BYTES - end))
		return REMAP_META_E_RESERVED;
	if (decode_name(b + SB_OFF_MAIN_ID, sb->main_id, true))
		return REMAP_META_E_MAIN_ID;
	if (decode_name(b + SB_OFF_LABEL, sb->label, false))
		return REMAP_META_E_LABEL;
	return check_unreadable(sb, b);
}

void remap_meta_sb_get_unreadable(const void *buf,
				  const struct remap_meta_sb *sb,
				  struct remap_meta_unreadable *out)
{
	const u8 *b = buf;
	u32 i;

	for (i = 0; i < sb->unreadable_count; i++) {
		const u8 *rec = b + SB_OFF_UNREADABLE + i * SB_UNREADABLE_BYTES;

		out[i].main_block = get_le64(rec);
		memcpy(out[i].sectors, rec + 8,
		       REMAP_META_UNREADABLE_MAP_BYTES);
	}
}

int remap_meta_sb_check_devices(const struct remap_meta_sb *sb,
				u64 main_sectors, u64 spare_sectors)
{
	if (main_sectors != sb->main_sectors)
		return REMAP_META_E_MAIN_MISMATCH;
	if (spare_sectors < sb->spare_sectors)
		return REMAP_META_E_SPARE_SHRUNK;
	return 0;
}

int remap_meta_sb_pick(const void *copy_a, const void *copy_b,
		       struct remap_meta_sb *sb, unsigned int *which,
		       int *err_b)
{
	struct remap_meta_sb b;
	int ra, rb;

	ra = remap_meta_sb_decode(copy_a, sb);
	rb = remap_meta_sb_decode(copy_b, &b);
	if (err_b)
		*err_b = rb;
	if (ra && rb)
		return ra;
	if (ra || (!rb && b.seq > sb->seq)) {
		*sb = b;
		*which = 1;
	} else {
		*which = 0;
	}
	return 0;
}

void remap_meta_table_encode(const struct remap_meta_sb *sb, u64 k,
			     const u64 *entries, void *buf)
{
	u64 first = k * REMAP_META_ENTRIES_PER_BLOCK;
	u8 *b = buf;
	u64 i;

	memset(b, 0, REMAP_META_TABLE_HEADER_BYTES);
	put_le32(b + TB_OFF_MAGIC, TABLE_MAGIC);
	put_le64(b + TB_OFF_SEQ, sb->seq);
	memcpy(b + TB_OFF_UUID, sb->uuid, REMAP_META_UUID_BYTES);
	put_le32(b + TB_OFF_INDEX, (u32)k);
	for (i = 0; i < REMAP_META_ENTRIES_PER_BLOCK; i++)
		put_le64(b + REMAP_META_TABLE_HEADER_BYTES + 8 * i,
			 first + i < sb->used ? entries[i] :
			 REMAP_META_UNUSED_SLOT);
	put_le32(b + TB_OFF_CRC, block_crc(b, TB_OFF_CRC));
}

int remap_meta_table_decode(const struct remap_meta_sb *sb, u64 k,
			    const void *buf, u64 *seq, u64 *entries)
{
	u64 first = k * REMAP_META_ENTRIES_PER_BLOCK;
	u64 main_blocks = remap_meta_main_blocks(sb);
	const u8 *b = buf;
	u64 i;

	if (get_le32(b + TB_OFF_MAGIC) != TABLE_MAGIC)
		return REMAP_META_E_MAGIC;
	if (get_le32(b + TB_OFF_CRC) != block_crc(b, TB_OFF_CRC))
		return REMAP_META_E_CRC;
	if (get_le32(b + TB_OFF_INDEX) != k)
		return REMAP_META_E_INDEX;
	if (memcmp(b + TB_OFF_UUID, sb->uuid, REMAP_META_UUID_BYTES))
		return REMAP_META_E_UUID;
	if (!all_zero(b + TB_OFF_ZERO,
		      REMAP_META_TABLE_HEADER_BYTES - TB_OFF_ZERO))
		return REMAP_META_E_RESERVED;
	*seq = get_le64(b + TB_OFF_SEQ);
	if (!*seq)
		return REMAP_META_E_SEQ;
	for (i = 0; i < REMAP_META_ENTRIES_PER_BLOCK; i++) {
		u64 e = get_le64(b + REMAP_META_TABLE_HEADER_BYTES + 8 * i);

		if ((first + i >= sb->used) != (e == REMAP_META_UNUSED_SLOT))
			return REMAP_META_E_UNUSED_ENTRY;
		if (e < REMAP_META_FAILED_SLOT && e >= main_blocks)
			return REMAP_META_E_ENTRY;
		if (entries)
			entries[i] = e;
	}
	return 0;
}

int remap_meta_table_pick(const struct remap_meta_sb *sb, u64 k,
			  const void *copy0, const void *copy1,
			  unsigned int *which, u64 *entries)
{
	u64 seq0 = 0, seq1 = 0;
	bool ok0, ok1;

	ok0 = !remap_meta_table_decode(sb, k, copy0, &seq0, NULL) &&
	      seq0 <= sb->seq;
	ok1 = !remap_meta_table_decode(sb, k, copy1, &seq1, NULL) &&
	      seq1 <= sb->seq;
	if (!ok0 && !ok1)
		return REMAP_META_E_NO_COPY;
	*which = ok1 && (!ok0 || seq1 > seq0);
	return remap_meta_table_decode(sb, k, *which ? copy1 : copy0,
				       &seq0, entries);
}

int remap_meta_commit(const struct remap_meta_sb *sb, u64 first,
		      unsigned int n, const u64 *const *entries, void *buf,
		      remap_meta_write_fn write, void *ctx, bool *durable)
{
	unsigned int copy, i;
	int r;

	*durable = false;
	for (copy = 0; copy < 2; copy++) {
		for (i = 0; i < n; i++) {
			remap_meta_table_encode(sb, first + i, entries[i], buf);
			r = write(ctx, remap_meta_table_sector(first + i, copy),
				  buf, false);
			if (r)
				return r;
		}
		remap_meta_sb_encode(sb, buf);
		r = write(ctx, remap_meta_sb_sector(copy), buf, true);
		if (r)
			return r;
		*durable = true;
	}
	return 0;
}

static void sift_down(u64 *a, u64 root, u64 n)
{
	for (;;) {
		u64 child = 2 * root + 1, tmp;

		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[root] >= a[child])
			return;
		tmp = a[root];
		a[root] = a[child];
		a[child] = tmp;
		root = child;
	}
}

int remap_meta_check_duplicates(u64 *entries, u64 n)
{
	u64 i, tmp;

	if (n < 2)
		return 0;
	for (i = n / 2; i-- > 0;)
		sift_down(entries, i, n);
	for (i = n - 1; i > 0; i--) {
		tmp = entries[0];
		entries[0] = entries[i];
		entries[i] = tmp;
		sift_down(entries, 0, i);
	}
	for (i = 1; i < n; i++)
		if (entries[i] == entries[i - 1] &&
		    entries[i] < REMAP_META_FAILED_SLOT)
			return REMAP_META_E_DUPLICATE;
	return 0;
}
