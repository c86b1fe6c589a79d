/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dm-remap on-disk metadata: pure format logic (kernel/README.md, "On-disk
 * format"). No I/O, no allocation, no logging: this file and
 * remap-metadata.c also build in userspace (unit tests, fuzzing, the
 * dm-remap-meta tool), where remap-metadata-user.h supplies the types and
 * declares crc32c().
 *
 * API
 *  Layout
 *   remap_meta_layout(spare_sectors, block_size, &capacity, &data_offset)
 *	slots that fit on a spare and where slot 0 starts.
 *   remap_meta_sb_sector(copy), remap_meta_table_sector(k, copy)
 *	where superblock copy 0/1 (A/B) and table block k copy 0/1 live.
 *   remap_meta_table_blocks(slots)  table blocks needed for that many slots.
 *  Superblock
 *   remap_meta_sb_init()     fill a new superblock (seq 1, used 0), after
 *			      checking every argument.
 *   remap_meta_sb_encode()   to a 4096-byte buffer (crc included).
 *   remap_meta_sb_decode()   from a buffer, fully validated.
 *   remap_meta_sb_check_devices()  the devices we see now fit the record.
 *   remap_meta_sb_pick()     the newest valid one of copies A and B.
 *   remap_meta_sb_get_unreadable()  the unreadable-sector records of a
 *			      superblock that decoded fine.
 *  Table blocks
 *   remap_meta_table_encode()  block k from the entries of its slots
 *			      (slots past sb->used are written as unused).
 *   remap_meta_table_decode()  one copy, fully validated against sb.
 *   remap_meta_table_pick()  the copy with the highest seq <= sb->seq.
 *  Commit
 *   remap_meta_commit()      writes one commit through a callback, in the
 *			      order that keeps both copies current.
 *  Whole table
 *   remap_meta_check_duplicates()  no main block in two slots (sorts the
 *			      array it is given).
 *  Errors
 *   Functions return 0 or a positive enum remap_meta_error;
 *   remap_meta_strerror() names it in words for ti->error and logs.
 */
#ifndef DM_REMAP_METADATA_H
#define DM_REMAP_METADATA_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include "remap-metadata-user.h"
#endif

#define REMAP_META_BLOCK_BYTES		4096
#define REMAP_META_BLOCK_SECTORS	8
/*
 * Version 2 adds the unreadable-sector records to the superblock; a
 * superblock without records is written as version 1, so a spare without
 * them still loads in an older module.
 */
#define REMAP_META_VERSION		2
#define REMAP_META_VERSION_NO_RECORDS	1
#define REMAP_META_ENTRIES_PER_BLOCK	504
#define REMAP_META_TABLE_HEADER_BYTES	64
/* Entry of a slot past the used ones: never written. */
#define REMAP_META_UNUSED_SLOT		(~(u64)0)
/*
 * Entry of a used slot whose write failed: skipped. Distinct from
 * REMAP_META_UNUSED_SLOT so that an old copy of a table block cannot pass
 * for the current one once the superblock counts more used slots.
 */
#define REMAP_META_FAILED_SLOT		(~(u64)0 - 1)
/* main_id and label fields: up to 63 characters and a NUL. */
#define REMAP_META_ID_BYTES		64
#define REMAP_META_UUID_BYTES		16
#define REMAP_META_MIN_BLOCK_SIZE	8
#define REMAP_META_MAX_BLOCK_SIZE	128
/* Unreadable-sector records one superblock holds (offsets 224..4063). */
#define REMAP_META_MAX_UNREADABLE	160
#define REMAP_META_UNREADABLE_MAP_BYTES	(REMAP_META_MAX_BLOCK_SIZE / 8)

enum remap_meta_error {
	REMAP_META_OK = 0,
	REMAP_META_E_MAGIC,		/* not dm-remap metadata */
	REMAP_META_E_CRC,		/* checksum mismatch */
	REMAP_META_E_VERSION,		/* unknown format version */
	REMAP_META_E_BLOCK_SIZE,	/* not a power of two in 8..128 */
	REMAP_META_E_ENTRIES,		/* entries per table block != 504 */
	REMAP_META_E_MAIN_SIZE,		/* main size zero or too large */
	REMAP_META_E_LAYOUT,		/* capacity/data offset inconsistent */
	REMAP_META_E_USED,		/* used slots > capacity */
	REMAP_META_E_RESERVED,		/* reserved bytes not zero */
	REMAP_META_E_MAIN_ID,		/* main_id has bad characters */
	REMAP_META_E_LABEL,		/* label has bad characters */
	REMAP_META_E_SEQ,		/* sequence number zero */
	REMAP_META_E_INDEX,		/* table block index mismatch */
	REMAP_META_E_UUID,		/* table block from another format */
	REMAP_META_E_ENTRY,		/* entry beyond the main device */
	REMAP_META_E_UNUSED_ENTRY,	/* entry past used not unused, or a used one unused */
	REMAP_META_E_NO_COPY,		/* no valid copy old enough */
	REMAP_META_E_DUPLICATE,		/* main block in two slots */
	REMAP_META_E_SPARE_TOO_SMALL,	/* no room for one slot */
	REMAP_META_E_SPARE_SHRUNK,	/* spare smaller than at format */
	REMAP_META_E_MAIN_MISMATCH,	/* formatted for another main size */
	REMAP_META_E_UNREADABLE,	/* unreadable-sector record invalid */
	REMAP_META_E_COUNT
};

/*
 * A remapped block whose slot holds sectors that could not be read from
 * main when the block was copied: bit i of sectors (byte i / 8, bit i % 8)
 * is sector i of the block, set while that sector is unreadable.
 */
struct remap_meta_unreadable {
	u64 main_block;
	u8 sectors[REMAP_META_UNREADABLE_MAP_BYTES];
};

struct remap_meta_sb {
	u64 seq;
	u8 uuid[REMAP_META_UUID_BYTES];
	u32 block_size;			/* sectors */
	u64 main_sectors;
	u64 spare_sectors;		/* at format time */
	u64 capacity;			/* slots */
	u64 data_offset;		/* sectors, start of slot 0 */
	u64 used;			/* slots committed */
	char main_id[REMAP_META_ID_BYTES];	/* NUL-terminated */
	char label[REMAP_META_ID_BYTES];	/* NUL-terminated */
	u32 unreadable_count;		/* records, 0..160 */
	/*
	 * For encode: unreadable_count records, ascending by main block.
	 * Decode sets it to NULL; remap_meta_sb_get_unreadable() reads them.
	 */
	const struct remap_meta_unreadable *unreadable;
};

const char *remap_meta_strerror(int err);

int remap_meta_layout(u64 spare_sectors, u32 block_size,
		      u64 *capacity, u64 *data_offset);
u64 remap_meta_table_blocks(u64 slots);
u64 remap_meta_sb_sector(unsigned int copy);
u64 remap_meta_table_sector(u64 k, unsigned int copy);
/* Blocks of main covered by the map (the last one may be partial). */
u64 remap_meta_main_blocks(const struct remap_meta_sb *sb);

/* 0 if s is 1..63 characters of [A-Za-z0-9._-], plus ':' if allow_colon. */
int remap_meta_check_name(const char *s, bool allow_colon);

/* main_id and label may be NULL or "" (none recorded). */
int remap_meta_sb_init(struct remap_meta_sb *sb,
		       const u8 uuid[REMAP_META_UUID_BYTES], u32 block_size,
		       u64 main_sectors, u64 spare_sectors,
		       const char *main_id, const char *label);
/* Version 2 with sb->unreadable_count records, version 1 without. */
void remap_meta_sb_encode(const struct remap_meta_sb *sb, void *buf);
/*
 * Validates everything, the unreadable-sector records too (ascending,
 * inside the main device, at least one sector each, none past block_size).
 */
int remap_meta_sb_decode(const void *buf, struct remap_meta_sb *sb);
/* out gets sb->unreadable_count records from buf, which decoded as sb. */
void remap_meta_sb_get_unreadable(const void *buf,
				  const struct remap_meta_sb *sb,
				  struct remap_meta_unreadable *out);
int remap_meta_sb_check_devices(const struct remap_meta_sb *sb,
				u64 main_sectors, u64 spare_sectors);
/*
 * Decodes both copies; *which = 0 (A) or 1 (B), the valid copy with the
 * higher seq (A on a tie). If neither is valid, returns copy A's error and
 * *err_b gets copy B's (err_b may be NULL).
 */
int remap_meta_sb_pick(const void *copy_a, const void *copy_b,
		       struct remap_meta_sb *sb, unsigned int *which,
		       int *err_b);

/*
 * entries[i] is the main block in slot 504k + i, for the slots of block k
 * below sb->used; the rest of the block is written as unused. Stamped with
 * sb->seq and sb->uuid.
 */
void remap_meta_table_encode(const struct remap_meta_sb *sb, u64 k,
			     const u64 *entries, void *buf);
/*
 * Validates one copy of block k against sb; entries (if not NULL) gets its
 * 504 values.
 */
int remap_meta_table_decode(const struct remap_meta_sb *sb, u64 k,
			    const void *buf, u64 *seq, u64 *entries);
/*
 * The valid copy of block k with the highest seq <= sb->seq: *which = 0
 * or 1, entries gets its 504 values. REMAP_META_E_NO_COPY if none.
 */
int remap_meta_table_pick(const struct remap_meta_sb *sb, u64 k,
			  const void *copy0, const void *copy1,
			  unsigned int *which, u64 *entries);

/*
 * Writes block `sector` (8 sectors) of the spare from buf; with flush, as
 * REQ_PREFLUSH | REQ_FUA. Returns 0 or a negative errno.
 */
typedef int (*remap_meta_write_fn)(void *ctx, u64 sector, const void *buf,
				   bool flush);

/*
 * Commits sb (its new seq and used count) with table blocks first .. first
 * + n - 1 (entries[i] holds block first + i): copy 0 of each table block,
 * superblock A with flush, then copy 1 of each, superblock B with flush. A
 * crash between leaves copy 0 complete; after it returns 0 both copies of
 * the superblock and of every written block are current. *durable is set
 * once superblock A is written (the commit survives a crash from then on).
 * buf: 4096 bytes of scratch. Returns 0 or the first error of write().
 */
int remap_meta_commit(const struct remap_meta_sb *sb, u64 first,
		      unsigned int n, const u64 *const *entries, void *buf,
		      remap_meta_write_fn write, void *ctx, bool *durable);

/*
 * Sorts entries[0..n) in place (no allocation) and reports a main block
 * that appears twice; unused slots are ignored.
 */
int remap_meta_check_duplicates(u64 *entries, u64 n);

#endif
