// SPDX-License-Identifier: GPL-2.0-only
/*
 * dm-remap slow path: metadata load, format and commit, and the worker
 * that serves failed reads, failed or held writes and `remap` requests.
 * All of it is synchronous I/O with our own bios from process context,
 * allocated against the real block devices (so their cgroup association is
 * right); nothing here runs in the map or end_io paths.
 */
#include <linux/ioprio.h>
#include <linux/log2.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/uuid.h>
#include <linux/vmalloc.h>

#include "dm-remap.h"

/* Table blocks read per I/O when loading: both copies, 1 MiB. */
#define LOAD_CHUNK_BLOCKS	128
/* Writes a group commit waits for at most: bounds their latency. */
#define REMAP_GROUP_MAX		64

static bool media_errno(int r)
{
	return remap_media_error(errno_to_blk_status(r));
}

/*
 * Submits one of our bios and waits for it. Returns the errno of its
 * status (blk_status_to_errno: -ENOSPC, -ENOLINK, -ENODATA ...), so that
 * media errors (media_errno()) can be told from the rest, which reach the
 * caller as they were (errno_to_blk_status() gives the status back).
 * Such an error is also noted in other_error, for callers that only learn
 * how much could not be read (read_block_from_main()).
 */
static int submit_wait(struct remap_c *rc, struct bio *bio)
{
	int r = submit_bio_wait(bio);

	bio_put(bio);
	if (r && !media_errno(r))
		rc->other_error = r;
	return r;
}

/*
 * The flags of the bio as map() got it that the worker's I/O for it keeps
 * (FUA and PREFLUSH only on writes).
 */
static blk_opf_t kept_flags(struct bio *bio, blk_opf_t opf)
{
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));
	blk_opf_t keep = REQ_META | REQ_PRIO;

	if (op_is_write(opf))
		keep |= REQ_FUA | REQ_PREFLUSH;
	return pb->opf & keep;
}

static unsigned short kept_ioprio(struct bio *bio)
{
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));

	return pb->ioprio;
}

/* I/O to or from a vmalloc'ed buffer, with the priority given */
static int io_buf_prio(struct remap_c *rc, blk_opf_t opf,
		       unsigned short ioprio, struct dm_dev *dev,
		       sector_t sector, sector_t count, void *buf)
{
	unsigned int size = count << SECTOR_SHIFT, done, n;
	struct bio *bio;
	int r;

	bio = bio_alloc_bioset(dev->bdev,
			       DIV_ROUND_UP(offset_in_page(buf) + size,
					    PAGE_SIZE),
			       opf, GFP_NOIO, &rc->bios);
	bio->bi_iter.bi_sector = sector;
	bio->bi_ioprio = ioprio;
	for (done = 0; done < size; done += n) {
		n = min_t(unsigned int, size - done,
			  PAGE_SIZE - offset_in_page(buf + done));
		__bio_add_page(bio, vmalloc_to_page(buf + done), n,
			       offset_in_page(buf + done));
	}
	if (op_is_write(opf))
		flush_kernel_vmap_range(buf, size);
	r = submit_wait(rc, bio);
	if (!op_is_write(opf))
		invalidate_kernel_vmap_range(buf, size);
	return r;
}

static int io_buf(struct remap_c *rc, blk_opf_t opf, struct dm_dev *dev,
		  sector_t sector, sector_t count, void *buf)
{
	return io_buf_prio(rc, opf, IOPRIO_DEFAULT, dev, sector, count, buf);
}

/*
 * I/O to or from the part of bio's pages that seg describes, with the
 * flags and priority the bio had in map()
 */
static int io_bio(struct remap_c *rc, blk_opf_t opf, struct dm_dev *dev,
		  sector_t sector, struct bio *bio, struct bvec_iter seg)
{
	struct bio *clone = bio_alloc_clone(dev->bdev, bio, GFP_NOIO,
					    &rc->bios);

	clone->bi_opf = opf | kept_flags(bio, opf);
	clone->bi_ioprio = kept_ioprio(bio);
	clone->bi_iter = seg;
	clone->bi_iter.bi_sector = sector;
	return submit_wait(rc, clone);
}

static const char *dev_name_of(struct remap_c *rc)
{
	return dm_table_device_name(rc->ti->table);
}

/* ---------------------------------------------------------------------
 * Metadata
 */

static void reset_tail(struct remap_c *rc, u64 block)
{
	rc->tail_block = block;
	memset(rc->tail_entries, 0xff,
	       REMAP_META_ENTRIES_PER_BLOCK * sizeof(u64));
}

/*
 * Reads n metadata blocks. A block that cannot be read (a bad sector on
 * the spare) reads as zeros, an invalid copy that the other copy replaces;
 * -EIO only when none of them can be read.
 */
static int read_meta_blocks(struct remap_c *rc, sector_t sector,
			    unsigned int n, void *buf)
{
	unsigned int i, bad = 0;

	if (!io_buf(rc, REQ_OP_READ, rc->spare_dev, sector,
		    n * REMAP_META_BLOCK_SECTORS, buf))
		return 0;
	for (i = 0; i < n; i++) {
		sector_t at = sector + i * REMAP_META_BLOCK_SECTORS;
		void *block = buf + i * REMAP_META_BLOCK_BYTES;

		if (io_buf(rc, REQ_OP_READ, rc->spare_dev, at,
			   REMAP_META_BLOCK_SECTORS, block)) {
			DMWARN("%s: cannot read the metadata block at spare sector %llu",
			       dev_name_of(rc), (unsigned long long)at);
			memset(block, 0, REMAP_META_BLOCK_BYTES);
			bad++;
		}
	}
	return bad == n ? -EIO : 0;
}

static int write_meta_block(void *ctx, u64 sector, const void *buf,
			    bool flush)
{
	struct remap_c *rc = ctx;
	blk_opf_t opf = REQ_OP_WRITE | REQ_SYNC;

	if (flush)
		opf |= REQ_PREFLUSH | REQ_FUA;
	return io_buf(rc, opf, rc->spare_dev, sector,
		      REMAP_META_BLOCK_SECTORS, (void *)buf);
}

/*
 * Both superblocks into meta_buf: 0, a negative errno when neither can be
 * read, or a positive metadata error.
 */
static int read_superblocks(struct remap_c *rc, struct remap_meta_sb *sb,
			    unsigned int *which, int *err_b)
{
	int r;

	r = read_meta_blocks(rc, remap_meta_sb_sector(0), 2, rc->meta_buf);
	if (r)
		return r;
	return remap_meta_sb_pick(rc->meta_buf,
				  rc->meta_buf + REMAP_META_BLOCK_BYTES,
				  sb, which, err_b);
}

static int set_block_size(struct remap_c *rc, u32 block_size, char **error)
{
	unsigned int lbs = max(bdev_logical_block_size(rc->main_dev->bdev),
			       bdev_logical_block_size(rc->spare_dev->bdev));

	if ((block_size << SECTOR_SHIFT) < lbs) {
		*error = "block_size is smaller than a device's logical block size";
		return -EINVAL;
	}
	rc->block_size = block_size;
	rc->block_shift = ilog2(block_size);
	return 0;
}

static int format_spare(struct remap_c *rc, char **error)
{
	u8 uuid[REMAP_META_UUID_BYTES];
	bool durable;
	int r;

	if (!rc->writable) {
		*error = "A read-only table cannot format the spare";
		return -EROFS;
	}
	r = set_block_size(rc, rc->block_size, error);
	if (r)
		return r;
	generate_random_uuid(uuid);
	r = remap_meta_sb_init(&rc->sb, uuid, rc->block_size, rc->main_sectors,
			       rc->spare_sectors, rc->main_id, rc->label);
	if (r) {
		DMERR("%s: cannot format the spare: %s", dev_name_of(rc),
		      remap_meta_strerror(r));
		*error = (char *)remap_meta_strerror(r);
		return -EINVAL;
	}
	/* A commit without table blocks: both superblock copies. */
	r = remap_meta_commit(&rc->sb, 0, 0, NULL, rc->meta_buf,
			      write_meta_block, rc, &durable);
	if (r) {
		*error = "Cannot write the spare's metadata";
		return r;
	}
	reset_tail(rc, 0);
	DMINFO("%s: formatted the spare: %llu slots of %u sectors",
	       dev_name_of(rc), (unsigned long long)rc->sb.capacity,
	       rc->block_size);
	return 0;
}

/* Counts a failed slot and keeps it to be tried again (retry_slot()). */
static void note_failed_slot(struct remap_c *rc, u64 slot)
{
	WRITE_ONCE(rc->failed_slots, rc->failed_slots + 1);
	if (slot <= ULONG_MAX)
		xa_store(&rc->failed, slot, xa_mk_value(1), GFP_NOIO);
}

static int insert_entries(struct remap_c *rc, u64 k, const u64 *entries)
{
	u64 first = k * REMAP_META_ENTRIES_PER_BLOCK;
	unsigned int i;
	int r;

	for (i = 0; i < REMAP_META_ENTRIES_PER_BLOCK; i++) {
		struct remap_node *node;

		if (first + i >= rc->sb.used)
			break;
		if (entries[i] == REMAP_META_FAILED_SLOT) {
			note_failed_slot(rc, first + i);
			continue;
		}
		node = remap_node_alloc(GFP_KERNEL);
		if (!node)
			return -ENOMEM;
		r = remap_table_insert(&rc->table, node, entries[i], first + i);
		if (r) {
			remap_node_free(node);
			return r;
		}
	}
	return 0;
}

/* Writes the picked copy of a metadata block over the other one. */
static void repair_copy(struct remap_c *rc, sector_t bad, const void *good)
{
	int r = write_meta_block(rc, bad, good, false);

	if (r) {
		DMWARN("%s: cannot rewrite the metadata block at spare sector %llu (%d)",
		       dev_name_of(rc), (unsigned long long)bad, r);
		return;
	}
	DMWARN("%s: rewrote the stale or damaged metadata block at spare sector %llu from its other copy",
	       dev_name_of(rc), (unsigned long long)bad);
	rc->metadata_repaired++;
}

/*
 * Loads the table blocks in use. A copy that differs from the picked one
 * (damaged, stale, or ahead of the superblock after a crash) is rewritten
 * from it when repair is set, else noted in needs_repair.
 */
static int load_table(struct remap_c *rc, bool repair, char **error)
{
	u64 blocks = remap_meta_table_blocks(rc->sb.used);
	u64 k = 0;
	void *buf;
	int r = 0;

	reset_tail(rc, rc->sb.used / REMAP_META_ENTRIES_PER_BLOCK);
	if (!blocks)
		return 0;
	buf = vmalloc(LOAD_CHUNK_BLOCKS * 2 * REMAP_META_BLOCK_BYTES);
	if (!buf) {
		*error = "Cannot allocate memory";
		return -ENOMEM;
	}
	mutex_lock(&rc->table.walk_mutex);
	while (k < blocks) {
		u64 n = min_t(u64, blocks - k, LOAD_CHUNK_BLOCKS), j;

		r = read_meta_blocks(rc, remap_meta_table_sector(k, 0), n * 2,
				     buf);
		if (r) {
			*error = "Cannot read the spare's remap table";
			break;
		}
		for (j = 0; j < n && !r; j++, k++) {
			void *copy0 = buf + 2 * j * REMAP_META_BLOCK_BYTES;
			unsigned int which;

			r = remap_meta_table_pick(&rc->sb, k, copy0,
						  copy0 + REMAP_META_BLOCK_BYTES,
						  &which, rc->scratch_entries);
			if (r) {
				DMERR("%s: table block %llu: %s",
				      dev_name_of(rc), (unsigned long long)k,
				      remap_meta_strerror(r));
				*error = "Spare's remap table is corrupt (no valid copy of a table block)";
				r = -EINVAL;
				break;
			}
			if (memcmp(copy0, copy0 + REMAP_META_BLOCK_BYTES,
				   REMAP_META_BLOCK_BYTES)) {
				if (repair)
					repair_copy(rc,
						    remap_meta_table_sector(k, !which),
						    copy0 + which * REMAP_META_BLOCK_BYTES);
				else
					rc->needs_repair = true;
			}
			r = insert_entries(rc, k, rc->scratch_entries);
			if (r == -EEXIST) {
				DMERR("%s: table block %llu: %s",
				      dev_name_of(rc), (unsigned long long)k,
				      remap_meta_strerror(REMAP_META_E_DUPLICATE));
				*error = "Spare's remap table is corrupt (a block is remapped twice)";
				r = -EINVAL;
			} else if (r) {
				*error = "Cannot allocate memory for the remap table";
			} else if (k == rc->tail_block) {
				memcpy(rc->tail_entries, rc->scratch_entries,
				       REMAP_META_ENTRIES_PER_BLOCK * sizeof(u64));
			}
		}
		if (r)
			break;
		cond_resched();
	}
	mutex_unlock(&rc->table.walk_mutex);
	vfree(buf);
	if (r)
		remap_table_clear(&rc->table);
	return r;
}

/* Makes u the unreadable sectors of block b, counted; frees u on failure. */
static int add_unreadable(struct remap_c *rc, u64 b, struct remap_unreadable *u,
			  gfp_t gfp)
{
	int r = xa_insert(&rc->table.unreadable, b, u, gfp);

	if (r) {
		kfree(u);
		return r;
	}
	atomic_inc(&rc->table.unreadable_count);
	atomic64_add(bitmap_weight(u->sectors, rc->block_size),
		     &rc->table.unreadable_sectors);
	return 0;
}

/* map() never dereferences an entry: it can go without a grace period. */
static void drop_unreadable(struct remap_c *rc, u64 b,
			    struct remap_unreadable *u)
{
	xa_erase(&rc->table.unreadable, b);
	atomic_dec(&rc->table.unreadable_count);
	atomic64_sub(bitmap_weight(u->sectors, rc->block_size),
		     &rc->table.unreadable_sectors);
	kfree(u);
}

/*
 * The unreadable-sector records of the superblock in sb_buf, after the
 * table: each must name a remapped block.
 */
static int load_unreadable(struct remap_c *rc, const void *sb_buf,
			   char **error)
{
	struct remap_meta_unreadable *rec = rc->unreadable_buf;
	u32 i;
	int r;

	remap_meta_sb_get_unreadable(sb_buf, &rc->sb, rec);
	rc->sb.unreadable = NULL;
	for (i = 0; i < rc->sb.unreadable_count; i++, rec++) {
		struct remap_unreadable *u;
		unsigned int s;
		u64 slot;

		if (!remap_table_find(&rc->table, rec->main_block, &slot)) {
			DMERR("%s: unreadable sectors recorded for block %llu, which is not remapped",
			      dev_name_of(rc),
			      (unsigned long long)rec->main_block);
			*error = "Spare's metadata is corrupt (unreadable sectors of a block that is not remapped)";
			return -EINVAL;
		}
		u = kzalloc(sizeof(*u), GFP_KERNEL);
		if (!u) {
			*error = "Cannot allocate memory";
			return -ENOMEM;
		}
		for (s = 0; s < rc->block_size; s++)
			if (rec->sectors[s / 8] >> (s % 8) & 1)
				__set_bit(s, u->sectors);
		u->committed = true;
		r = add_unreadable(rc, rec->main_block, u, GFP_KERNEL);
		if (r) {
			*error = "Cannot allocate memory";
			return r;
		}
	}
	return 0;
}

static int check_recorded(struct remap_c *rc, const struct remap_meta_sb *sb,
			  char **error)
{
	int r = remap_meta_sb_check_devices(sb, rc->main_sectors,
					    rc->spare_sectors);

	if (r) {
		DMERR("%s: %s (recorded main %llu sectors, spare %llu sectors; now %llu and %llu)",
		      dev_name_of(rc), remap_meta_strerror(r),
		      (unsigned long long)sb->main_sectors,
		      (unsigned long long)sb->spare_sectors,
		      (unsigned long long)rc->main_sectors,
		      (unsigned long long)rc->spare_sectors);
		*error = (char *)remap_meta_strerror(r);
		return -EINVAL;
	}
	if (rc->opt_block_size && sb->block_size != rc->block_size) {
		*error = "block_size differs from the one recorded on the spare";
		return -EINVAL;
	}
	if (rc->main_id[0] && strcmp(rc->main_id, sb->main_id)) {
		*error = "main_id differs from the one recorded on the spare";
		return -EINVAL;
	}
	if (rc->label[0] && strcmp(rc->label, sb->label)) {
		*error = "label differs from the one recorded on the spare";
		return -EINVAL;
	}
	return 0;
}

/*
 * Reads the metadata into rc. At the first resume (repair), rewrites every
 * copy that is not current from the good one, table blocks first, and the
 * superblock last with a flush, so that a crash in between is harmless.
 */
static int load_metadata(struct remap_c *rc, bool may_format, bool repair,
			 char **error)
{
	struct remap_meta_sb sb;
	unsigned int which;
	int r, err_b;

	r = read_superblocks(rc, &sb, &which, &err_b);
	if (r < 0) {
		*error = "Cannot read the spare's superblocks";
		return r;
	}
	if (r) {
		bool blank = r == REMAP_META_E_MAGIC &&
			     err_b == REMAP_META_E_MAGIC;

		/*
		 * Damaged metadata may still describe remapped data: never
		 * format over it, whatever the table line says.
		 */
		if (blank && may_format && rc->opt_format)
			return format_spare(rc, error);
		DMERR("%s: spare superblock A: %s; B: %s", dev_name_of(rc),
		      remap_meta_strerror(r), remap_meta_strerror(err_b));
		*error = blank ?
			"Spare has no dm-remap metadata (the format option initializes it)" :
			"Spare's dm-remap metadata is damaged (see the kernel log); it is never formatted over: wipe its first 8 KiB to start afresh";
		return -EINVAL;
	}
	r = check_recorded(rc, &sb, error);
	if (r)
		return r;
	r = set_block_size(rc, sb.block_size, error);
	if (r)
		return r;
	rc->sb = sb;
	rc->failed_slots = 0;
	xa_destroy(&rc->failed);
	rc->retry_from = 0;
	rc->needs_repair = false;
	rc->metadata_repaired = 0;
	repair &= rc->writable;
	r = load_table(rc, repair, error);
	if (r)
		return r;
	r = load_unreadable(rc, rc->meta_buf + which * REMAP_META_BLOCK_BYTES,
			    error);
	if (r) {
		remap_table_clear(&rc->table);
		return r;
	}
	if (memcmp(rc->meta_buf, rc->meta_buf + REMAP_META_BLOCK_BYTES,
		   REMAP_META_BLOCK_BYTES)) {
		if (!repair) {
			rc->needs_repair = true;
			return 0;
		}
		r = write_meta_block(rc, remap_meta_sb_sector(!which),
				     rc->meta_buf + which * REMAP_META_BLOCK_BYTES,
				     true);
		if (r) {
			DMWARN("%s: cannot rewrite superblock %c (%d)",
			       dev_name_of(rc), which ? 'A' : 'B', r);
			return 0;
		}
		DMWARN("%s: rewrote the stale or damaged superblock %c from the other copy",
		       dev_name_of(rc), which ? 'A' : 'B');
		rc->metadata_repaired++;
	} else if (rc->metadata_repaired) {
		blkdev_issue_flush(rc->spare_dev->bdev);
	}
	return 0;
}

int remap_metadata_open(struct remap_c *rc, char **error)
{
	return load_metadata(rc, true, false, error);
}

/*
 * First resume: the table was read in the constructor, possibly while an
 * older instance on the same spare was still live. Every commit raises the
 * sequence number, so read the table again only if it moved, or to repair
 * copies that were not current (now that no other instance writes).
 */
int remap_metadata_reload_if_changed(struct remap_c *rc)
{
	struct remap_meta_sb sb;
	unsigned int which, noio;
	char *error = NULL;
	int r;

	if (rc->loaded_once)
		return 0;
	r = read_superblocks(rc, &sb, &which, NULL);
	if (!r && sb.seq == rc->sb.seq && !rc->needs_repair &&
	    !memcmp(sb.uuid, rc->sb.uuid, REMAP_META_UUID_BYTES)) {
		rc->loaded_once = true;
		return 0;
	}
	remap_table_clear(&rc->table);
	/* We are suspended: reclaim must not write to this device. */
	noio = memalloc_noio_save();
	r = load_metadata(rc, false, true, &error);
	memalloc_noio_restore(noio);
	if (r) {
		DMERR("%s: cannot reload the remap table: %s", dev_name_of(rc),
		      error);
		return r;
	}
	rc->loaded_once = true;
	return 0;
}

/* The batch's slot of block b, if the batch has one. */
static bool batch_find(struct remap_c *rc, u64 b, u64 *slot)
{
	unsigned int i;

	for (i = 0; i < rc->batch->len; i++) {
		if (rc->batch->main_block[i] == b) {
			*slot = rc->sb.used + i;
			return true;
		}
	}
	return false;
}

/*
 * The unreadable-sector records the next commit writes, into
 * unreadable_buf, ascending: the committed ones and those of remaps in the
 * batch. Returns how many.
 */
static u32 collect_unreadable(struct remap_c *rc)
{
	struct remap_meta_unreadable *rec = rc->unreadable_buf;
	struct remap_unreadable *u;
	unsigned long index;
	unsigned int s;
	u32 n = 0;
	u64 slot;

	xa_for_each(&rc->table.unreadable, index, u) {
		if (!u->committed && !batch_find(rc, index, &slot))
			continue;
		if (WARN_ON_ONCE(n == REMAP_META_MAX_UNREADABLE))
			break;
		memset(rec, 0, sizeof(*rec));
		rec->main_block = index;
		for_each_set_bit(s, u->sectors, rc->block_size)
			rec->sectors[s / 8] |= 1 << (s % 8);
		rec++;
		n++;
	}
	return n;
}

/*
 * Commits the batch (kernel/README.md, "Commit protocol"): the table blocks
 * holding its slots and the superblock, copy 0 then copy 1, each ending in
 * a PREFLUSH|FUA superblock write (which also makes the slot data durable).
 */
static int commit(struct remap_c *rc)
{
	struct remap_batch *batch = rc->batch;
	struct remap_meta_sb sb = rc->sb;
	u64 first = sb.used / REMAP_META_ENTRIES_PER_BLOCK, last, slot;
	const u64 *blocks[2] = { rc->tail_entries, rc->scratch_entries };
	u64 *next = rc->scratch_entries;
	unsigned int i;
	bool durable;
	int r;

	memset(next, 0xff, REMAP_META_ENTRIES_PER_BLOCK * sizeof(u64));
	for (i = 0, slot = sb.used; i < batch->len; i++, slot++) {
		u64 *entries = slot / REMAP_META_ENTRIES_PER_BLOCK == first ?
			       rc->tail_entries : next;

		entries[slot % REMAP_META_ENTRIES_PER_BLOCK] =
			batch->main_block[i];
	}
	last = (slot - 1) / REMAP_META_ENTRIES_PER_BLOCK;
	sb.seq++;
	sb.used = slot;
	sb.unreadable_count = collect_unreadable(rc);
	sb.unreadable = rc->unreadable_buf;
	r = remap_meta_commit(&sb, first, last - first + 1, blocks,
			      rc->meta_buf, write_meta_block, rc, &durable);
	if (r) {
		WRITE_ONCE(rc->metadata_error, true);
		DMERR("%s: metadata write to the spare failed (%d): no new remaps",
		      dev_name_of(rc), r);
	}
	if (!durable) {
		for (slot = rc->sb.used;
		     slot / REMAP_META_ENTRIES_PER_BLOCK == first &&
		     slot < sb.used; slot++)
			rc->tail_entries[slot % REMAP_META_ENTRIES_PER_BLOCK] =
				REMAP_META_UNUSED_SLOT;
		return r;
	}
	/* Superblock A holds it: the commit stands even if copy 1 failed. */
	WRITE_ONCE(rc->sb.used, sb.used);
	rc->sb.seq = sb.seq;
	rc->sb.unreadable_count = sb.unreadable_count;
	rc->unreadable_dirty = false;
	if (sb.used / REMAP_META_ENTRIES_PER_BLOCK != first) {
		if (sb.used / REMAP_META_ENTRIES_PER_BLOCK == last)
			memcpy(rc->tail_entries, next,
			       REMAP_META_ENTRIES_PER_BLOCK * sizeof(u64));
		else
			memset(rc->tail_entries, 0xff,
			       REMAP_META_ENTRIES_PER_BLOCK * sizeof(u64));
		rc->tail_block = sb.used / REMAP_META_ENTRIES_PER_BLOCK;
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * State and events
 */

enum remap_state remap_current_state(struct remap_c *rc)
{
	u64 used = READ_ONCE(rc->sb.used), capacity = rc->sb.capacity;

	if (READ_ONCE(rc->metadata_error))
		return REMAP_METADATA_ERROR;
	if (READ_ONCE(rc->spare_error))
		return REMAP_SPARE_ERROR;
	if (used >= capacity)
		return REMAP_SPARE_FULL;
	if (used * 10 >= capacity * 9)
		return REMAP_SPARE_LOW;
	return REMAP_OK;
}

/* From the worker only: dm_table_event() may sleep. */
static void raise_event(struct remap_c *rc, bool changed)
{
	enum remap_state state = remap_current_state(rc);

	if (state != rc->state) {
		rc->state = state;
		changed = true;
	}
	if (changed)
		dm_table_event(rc->ti->table);
}

/* ---------------------------------------------------------------------
 * Write barrier: a block copied from main to the spare must not race with
 * a write to main that is still in flight, or that write would be lost.
 * map() counts writes to main per bucket of regions and holds new ones to
 * raised buckets back to the worker; writes elsewhere go on. Buckets stay
 * raised until the remaps made under them are committed and visible.
 */

static void barrier_raise(struct remap_c *rc, u64 block)
{
	int bucket = remap_barrier_bucket(block << rc->block_shift);
	atomic_t *in_flight = &rc->main_writes[bucket];

	/* Drained when it was raised; map() has held its writes since. */
	if (test_bit(bucket, rc->barrier_raised))
		return;
	/*
	 * Pairs with the full barrier in map() between counting a write and
	 * testing the bucket: either map() sees the bucket raised and holds
	 * its write back, or this sees it counted and waits for it. end_io
	 * wakes us after its decrement (also a full barrier).
	 */
	set_bit(bucket, rc->barrier_raised);
	/* The bucket raised before the count read: see above. */
	smp_mb__after_atomic();
	/* In slices: a main disk that hangs is no hung worker task. */
	while (!wait_event_timeout(rc->barrier_wait, !atomic_read(in_flight),
				   HZ))
		;
}

static void barrier_drop(struct remap_c *rc)
{
	unsigned int bucket;

	for_each_set_bit(bucket, rc->barrier_raised, REMAP_BARRIER_BUCKETS)
		clear_bit(bucket, rc->barrier_raised);
}

/* ---------------------------------------------------------------------
 * Remapping
 */

static void batch_add(struct remap_c *rc, u64 main_block,
		      struct remap_node *node)
{
	struct remap_batch *batch = rc->batch;

	batch->main_block[batch->len] = main_block;
	batch->node[batch->len] = node;
	batch->len++;
}

/*
 * Commits the batch and makes its remaps visible to map(); the
 * unreadable-sector records of its blocks are committed with it, or
 * dropped with a remap that did not make it.
 */
static int flush_batch(struct remap_c *rc)
{
	struct remap_batch *batch = rc->batch;
	u64 base = rc->sb.used;
	unsigned int i;
	int r;

	if (!batch->len)
		return 0;
	r = commit(rc);
	if (r)
		rc->group_failed = true;
	mutex_lock(&rc->table.walk_mutex);
	for (i = 0; i < batch->len; i++) {
		struct remap_node *node = batch->node[i];
		u64 block = batch->main_block[i];
		struct remap_unreadable *u;

		if (!node) {
			if (!r)
				note_failed_slot(rc, base + i);
			continue;
		}
		u = xa_load(&rc->table.unreadable, block);
		if (r || remap_table_insert(&rc->table, node, block, base + i)) {
			remap_node_free(node);
			if (u && !u->committed)
				drop_unreadable(rc, block, u);
			continue;
		}
		if (u)
			u->committed = true;
		remap_pending_remove(&rc->table, block);
		DMINFO_LIMIT("%s: remapped block at sector %llu to spare sector %llu",
			     dev_name_of(rc),
			     (unsigned long long)(block << rc->block_shift),
			     (unsigned long long)remap_slot_sector(rc, base + i));
	}
	mutex_unlock(&rc->table.walk_mutex);
	batch->len = 0;
	raise_event(rc, !r);
	return r;
}

/*
 * Reads block b of main into block_buf. Unreadable parts become zeros
 * (read by logical block) and are marked in bad_sectors; returns how many
 * sectors could not be read. An error that is not bad media ends the
 * reads at once: the whole block counts, other_error says why.
 */
static unsigned int read_block_from_main(struct remap_c *rc, u64 b,
					 unsigned int tries)
{
	sector_t start = b << rc->block_shift;
	sector_t count = min_t(sector_t, rc->block_size,
			       rc->main_sectors - start);
	unsigned int unit = bdev_logical_block_size(rc->main_dev->bdev) >>
			    SECTOR_SHIFT;
	unsigned int bad = 0;
	sector_t s;
	int r;

	bitmap_zero(rc->bad_sectors, REMAP_META_MAX_BLOCK_SIZE);
	memset(rc->block_buf, 0, rc->block_size << SECTOR_SHIFT);
	while (tries--) {
		r = io_buf(rc, REQ_OP_READ, rc->main_dev, start, count,
			   rc->block_buf);
		if (!r)
			return 0;
		/* Not bad media (other_error): more reads would not help. */
		if (!media_errno(r))
			goto unread;
	}
	for (s = 0; s < count; s += unit) {
		void *part = rc->block_buf + (s << SECTOR_SHIFT);

		r = io_buf(rc, REQ_OP_READ, rc->main_dev, start + s, unit,
			   part);
		if (!r)
			continue;
		if (!media_errno(r))
			goto unread;
		memset(part, 0, unit << SECTOR_SHIFT);
		bitmap_set(rc->bad_sectors, s, unit);
		bad += unit;
	}
	return bad;
unread:
	bitmap_set(rc->bad_sectors, 0, count);
	return count;
}

static bool fresh_slot_left(struct remap_c *rc)
{
	return rc->sb.used + rc->batch->len < rc->sb.capacity;
}

/* The next failed slot not tried again since the table was loaded. */
static bool retry_slot(struct remap_c *rc, u64 *slot)
{
	unsigned long index = rc->retry_from;

	if (!xa_find(&rc->failed, &index, ULONG_MAX, XA_PRESENT))
		return false;
	*slot = index;
	return true;
}

static bool can_remap(struct remap_c *rc)
{
	u64 slot;

	return rc->writable && !READ_ONCE(rc->metadata_error) &&
	       !READ_ONCE(rc->spare_error) &&
	       (fresh_slot_left(rc) || retry_slot(rc, &slot));
}

/*
 * Commits slot, a failed one whose write just succeeded, as an ordinary
 * entry for block b (its table block and the superblock, the commit
 * protocol of kernel/README.md) and makes the remap visible to map().
 */
static int commit_retried_slot(struct remap_c *rc, u64 slot, u64 b,
			       struct remap_node *node)
{
	u64 k = slot / REMAP_META_ENTRIES_PER_BLOCK;
	unsigned int i = slot % REMAP_META_ENTRIES_PER_BLOCK, which;
	u64 *entries = k == rc->tail_block ? rc->tail_entries :
		       rc->scratch_entries;
	const u64 *blocks[1] = { entries };
	struct remap_meta_sb sb = rc->sb;
	bool durable;
	int r;

	if (k != rc->tail_block) {
		r = read_meta_blocks(rc, remap_meta_table_sector(k, 0), 2,
				     rc->meta_buf);
		if (r)
			return r;
		if (remap_meta_table_pick(&rc->sb, k, rc->meta_buf,
					  rc->meta_buf + REMAP_META_BLOCK_BYTES,
					  &which, entries))
			return -EIO;
	}
	entries[i] = b;
	sb.seq++;
	r = remap_meta_commit(&sb, k, 1, blocks, rc->meta_buf,
			      write_meta_block, rc, &durable);
	if (r) {
		WRITE_ONCE(rc->metadata_error, true);
		DMERR("%s: metadata write to the spare failed (%d): no new remaps",
		      dev_name_of(rc), r);
	}
	if (!durable) {
		entries[i] = REMAP_META_FAILED_SLOT;
		return r;
	}
	rc->sb.seq = sb.seq;
	xa_erase(&rc->failed, slot);
	WRITE_ONCE(rc->failed_slots, rc->failed_slots - 1);
	mutex_lock(&rc->table.walk_mutex);
	if (remap_table_insert(&rc->table, node, b, slot))
		remap_node_free(node);
	else
		remap_pending_remove(&rc->table, b);
	mutex_unlock(&rc->table.walk_mutex);
	DMINFO_LIMIT("%s: remapped block at sector %llu to spare sector %llu, a slot that had failed",
		     dev_name_of(rc), (unsigned long long)(b << rc->block_shift),
		     (unsigned long long)remap_slot_sector(rc, slot));
	raise_event(rc, true);
	return 0;
}

/* Why can_remap() said no. */
static int cannot_remap_error(struct remap_c *rc)
{
	if (!rc->writable)
		return -EROFS;
	if (READ_ONCE(rc->metadata_error) || READ_ONCE(rc->spare_error))
		return -EIO;
	return -ENOSPC;
}

/*
 * Gives block b a new slot holding the data of block_buf (if merge) and
 * then of seg (if bio): a failing slot is marked failed and the next one
 * tried. The remap takes effect at the next flush_batch(). Once no fresh
 * slot is left, each failed slot is tried again (once per table load) and
 * committed at once when its write succeeds.
 */
static int remap_block(struct remap_c *rc, u64 b, bool merge,
		       struct bio *bio, struct bvec_iter seg)
{
	struct remap_node *node;
	sector_t offset = seg.bi_sector - (b << rc->block_shift);
	blk_opf_t opf = REQ_OP_WRITE | REQ_SYNC;
	unsigned short ioprio = IOPRIO_DEFAULT;
	int r;

	if (bio) {
		opf |= kept_flags(bio, opf);
		ioprio = kept_ioprio(bio);
	}
	node = remap_node_alloc(GFP_NOIO);
	if (!node)
		return -ENOMEM;
	for (;;) {
		bool retry;
		u64 slot;
		sector_t dst;

		if (rc->batch->len == REMAP_META_ENTRIES_PER_BLOCK) {
			r = flush_batch(rc);
			if (r)
				break;
		}
		if (!can_remap(rc)) {
			r = cannot_remap_error(rc);
			break;
		}
		retry = !fresh_slot_left(rc);
		if (retry) {
			/* Its commit rewrites a table block: batch first. */
			r = flush_batch(rc);
			if (r)
				break;
			if (!retry_slot(rc, &slot)) {
				r = -ENOSPC;
				break;
			}
			rc->retry_from = slot + 1;
		} else {
			slot = rc->sb.used + rc->batch->len;
		}
		dst = remap_slot_sector(rc, slot);
		r = 0;
		if (merge)
			r = io_buf_prio(rc, opf, ioprio, rc->spare_dev, dst,
					rc->block_size, rc->block_buf);
		if (!r && bio)
			r = io_bio(rc, REQ_OP_WRITE | REQ_SYNC, rc->spare_dev,
				   dst + offset, bio, seg);
		if (!r) {
			rc->slot_failures = 0;
			if (!retry) {
				batch_add(rc, b, node);
				return 0;
			}
			if (!commit_retried_slot(rc, slot, b, node))
				return 0;
			continue;
		}
		if (!retry)
			batch_add(rc, REMAP_META_FAILED_SLOT, NULL);
		/* A failing region or a full thin pool: stop burning slots. */
		if (++rc->slot_failures >= REMAP_MAX_SLOT_FAILURES) {
			WRITE_ONCE(rc->spare_error, true);
			DMERR("%s: %u spare slot writes failed in a row: no new remaps until a reload",
			      dev_name_of(rc), rc->slot_failures);
			r = -EIO;
			break;
		}
		DMERR_LIMIT("%s: write to spare slot %llu failed; trying the next",
			    dev_name_of(rc), (unsigned long long)slot);
	}
	remap_node_free(node);
	if (r == -ENOSPC)
		DMERR_LIMIT("%s: spare full: cannot remap block at sector %llu",
			    dev_name_of(rc),
			    (unsigned long long)(b << rc->block_shift));
	return r;
}

static void complete_bio(struct bio *bio, blk_status_t status)
{
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));

	pb->flags |= RB_DONE;
	bio->bi_iter = pb->iter;
	bio->bi_status = status;
	bio_endio(bio);
}

/* Describes the part of it inside its first block. */
static struct bvec_iter first_segment(struct remap_c *rc, struct bvec_iter it,
				      u64 *block)
{
	u64 b = remap_sector_to_block(rc, it.bi_sector);
	sector_t end = (b + 1) << rc->block_shift;
	struct bvec_iter seg = it;

	if (it.bi_sector + (it.bi_size >> SECTOR_SHIFT) > end)
		seg.bi_size = (end - it.bi_sector) << SECTOR_SHIFT;
	*block = b;
	return seg;
}

/*
 * Block b of main could be read only on a retry: copy it to a slot before
 * it fails for good. It is read again under the write barrier, so that a
 * write that completed since the read is not lost.
 */
static void move_weak_block(struct remap_c *rc, u64 b)
{
	struct bvec_iter none = { .bi_sector = b << rc->block_shift };
	int r;

	if (!can_remap(rc))
		return;
	barrier_raise(rc, b);
	r = read_block_from_main(rc, b, 1 + rc->read_retries) ? -EIO :
	    remap_block(rc, b, true, NULL, none);
	r = flush_batch(rc) ?: r;
	barrier_drop(rc);
	if (r)
		return;
	atomic64_inc(&rc->weak_moved);
	DMWARN_LIMIT("%s: block at sector %llu read only on a retry: moved to the spare",
		     dev_name_of(rc), (unsigned long long)(b << rc->block_shift));
	raise_event(rc, true);
}

/* ---------------------------------------------------------------------
 * Unreadable sectors inside remapped blocks: a sector that could not be
 * read from main when its block was copied to the spare keeps failing
 * reads, as on a disk, until it is written. Recorded with the remap in the
 * superblock, so at most REMAP_META_MAX_UNREADABLE blocks.
 */

/* The sectors of block b that seg covers: bits [*first, *first + *n). */
static void seg_sectors(struct remap_c *rc, u64 b, struct bvec_iter seg,
			unsigned int *first, unsigned int *n)
{
	*first = seg.bi_sector - (b << rc->block_shift);
	*n = seg.bi_size >> SECTOR_SHIFT;
}

static bool unreadable_covers(struct remap_c *rc, u64 b, struct bvec_iter seg)
{
	struct remap_unreadable *u = xa_load(&rc->table.unreadable, b);
	unsigned int first, n;

	if (!u)
		return false;
	seg_sectors(rc, b, seg, &first, &n);
	return find_next_bit(u->sectors, first + n, first) < first + n;
}

/*
 * seg was written to block b's slot: its sectors read again. Returns
 * whether that needs a commit.
 */
static bool unreadable_written(struct remap_c *rc, u64 b, struct bvec_iter seg)
{
	struct remap_unreadable *u = xa_load(&rc->table.unreadable, b);
	unsigned int first, n, before;

	if (!u)
		return false;
	seg_sectors(rc, b, seg, &first, &n);
	before = bitmap_weight(u->sectors, rc->block_size);
	bitmap_clear(u->sectors, first, n);
	atomic64_sub(before - bitmap_weight(u->sectors, rc->block_size),
		     &rc->table.unreadable_sectors);
	rc->unreadable_dirty = true;
	if (bitmap_empty(u->sectors, rc->block_size))
		drop_unreadable(rc, b, u);
	return true;
}

/*
 * Gives block b a slot for the write of seg. Sectors of the rest of a
 * partial block that cannot be read from main stay unreadable, recorded
 * with the remap; when no more records fit, the block is not remapped:
 * it stays pending and the write fails, nothing is zero-filled.
 */
static int remap_written_block(struct remap_c *rc, u64 b, bool full,
			       struct bio *bio, struct bvec_iter seg)
{
	struct remap_unreadable *u;
	unsigned int first, n;
	int r;

	if (full)
		return remap_block(rc, b, false, bio, seg);
	if (!read_block_from_main(rc, b, 1))
		return remap_block(rc, b, true, bio, seg);
	/* Not a media error: no remap, the caller gets that error. */
	if (rc->other_error)
		return rc->other_error;
	seg_sectors(rc, b, seg, &first, &n);
	bitmap_clear(rc->bad_sectors, first, n);
	if (bitmap_empty(rc->bad_sectors, rc->block_size))
		return remap_block(rc, b, true, bio, seg);
	atomic64_inc(&rc->read_errors);
	if (atomic_read(&rc->table.unreadable_count) >=
	    REMAP_META_MAX_UNREADABLE) {
		remap_pending_add(&rc->table, b);
		DMERR_LIMIT("%s: no room to record the unreadable sectors of block at sector %llu: not remapped, still pending",
			    dev_name_of(rc),
			    (unsigned long long)(b << rc->block_shift));
		return -EIO;
	}
	u = kzalloc(sizeof(*u), GFP_NOIO);
	if (!u)
		return -ENOMEM;
	bitmap_copy(u->sectors, rc->bad_sectors, REMAP_META_MAX_BLOCK_SIZE);
	/* Before the remap: map() must see it once the remap is visible. */
	r = add_unreadable(rc, b, u, GFP_NOIO);
	if (r)
		return r;
	r = remap_block(rc, b, true, bio, seg);
	if (r)
		drop_unreadable(rc, b, u);
	return r;
}

/*
 * After flush_batch(): records of remaps that made it are committed, the
 * others dropped; sectors written since the last commit are committed
 * readable (the superblocks alone, PREFLUSH making the data durable).
 * Fails when they cannot be: every write of the group then fails, and the
 * sectors stay readable until a reload.
 */
static int unreadable_finish(struct remap_c *rc)
{
	struct remap_meta_sb sb = rc->sb;
	struct remap_unreadable *u;
	unsigned long index;
	bool durable;
	u64 slot;
	int r;

	xa_for_each(&rc->table.unreadable, index, u) {
		if (u->committed)
			continue;
		if (remap_table_find(&rc->table, index, &slot))
			u->committed = true;
		else
			drop_unreadable(rc, index, u);
	}
	if (!rc->unreadable_dirty)
		return 0;
	rc->unreadable_dirty = false;
	if (!rc->writable || READ_ONCE(rc->metadata_error))
		return -EIO;
	sb.seq++;
	sb.unreadable_count = collect_unreadable(rc);
	sb.unreadable = rc->unreadable_buf;
	r = remap_meta_commit(&sb, 0, 0, NULL, rc->meta_buf, write_meta_block,
			      rc, &durable);
	if (r) {
		WRITE_ONCE(rc->metadata_error, true);
		DMERR("%s: metadata write to the spare failed (%d): no new remaps",
		      dev_name_of(rc), r);
	}
	if (durable) {
		rc->sb.seq = sb.seq;
		rc->sb.unreadable_count = sb.unreadable_count;
	}
	return r;
}

static void serve_read(struct remap_c *rc, struct bio *bio)
{
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));
	struct bvec_iter it = pb->iter;
	blk_status_t status = BLK_STS_OK;
	bool several = remap_sector_to_block(rc, it.bi_sector) !=
		remap_sector_to_block(rc, bvec_iter_end_sector(it) - 1);
	bool new_pending = false;

	while (it.bi_size) {
		u64 b, slot;
		struct bvec_iter seg = first_segment(rc, it, &b);
		int r;

		if (unreadable_covers(rc, b, seg)) {
			r = -EIO;
		} else if (remap_table_find(&rc->table, b, &slot)) {
			r = io_bio(rc, REQ_OP_READ, rc->spare_dev,
				   remap_slot_sector(rc, slot) + seg.bi_sector -
				   (b << rc->block_shift), bio, seg);
		} else {
			/* A bio of several blocks: find the failing ones. */
			unsigned int tries = max(rc->read_retries,
						 several ? 1u : 0u);
			/* The read of a single block failed in map()'s path. */
			unsigned int failures = !several;

			r = -EIO;
			while (r && media_errno(r) && tries--) {
				r = io_bio(rc, REQ_OP_READ, rc->main_dev,
					   seg.bi_sector, bio, seg);
				failures += !!r;
			}
			if (!r && failures)
				move_weak_block(rc, b);
			if (r && media_errno(r)) {
				atomic64_inc(&rc->read_errors);
				new_pending |= remap_pending_add(&rc->table, b);
				DMERR_LIMIT("%s: read error at sector %llu, block pending",
					    dev_name_of(rc),
					    (unsigned long long)seg.bi_sector);
			}
		}
		if (r)
			status = errno_to_blk_status(r);
		bio_advance_iter(bio, &it, seg.bi_size);
	}
	if (new_pending)
		raise_event(rc, true);
	complete_bio(bio, status);
}

/*
 * A write that failed on main, or was held by map() (barrier up, or a
 * pending block in range). Block by block: remapped blocks go to their
 * slot; pending ones get a slot; the rest is written to main again and
 * what fails again gets a slot. A write that remapped a block, or wrote to
 * a slot not committed yet, joins the group: it completes after the
 * group's commit (group_finish()).
 */
static void serve_write(struct remap_c *rc, struct bio *bio)
{
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));
	struct bvec_iter it = pb->iter;
	bool needs_commit = false;
	int err = 0, r = 0;

	if (bio_list_empty(&rc->group))
		rc->group_failed = false;
	while (it.bi_size) {
		u64 b, slot;
		struct bvec_iter seg = first_segment(rc, it, &b);
		bool full = seg.bi_size == rc->block_size << SECTOR_SHIFT;
		bool in_batch = batch_find(rc, b, &slot);

		if (in_batch || remap_table_find(&rc->table, b, &slot)) {
			r = io_bio(rc, REQ_OP_WRITE | REQ_SYNC, rc->spare_dev,
				   remap_slot_sector(rc, slot) + seg.bi_sector -
				   (b << rc->block_shift), bio, seg);
			if (!r && unreadable_written(rc, b, seg))
				needs_commit = true;
			needs_commit |= in_batch;
			goto next;
		}
		if (!remap_pending_test(&rc->table, b) || !can_remap(rc)) {
			r = io_bio(rc, REQ_OP_WRITE | REQ_SYNC, rc->main_dev,
				   seg.bi_sector, bio, seg);
			if (!r) {
				remap_pending_remove(&rc->table, b);
				goto next;
			}
			/* No space, a path or an offline device: as it is. */
			if (!media_errno(r))
				goto next;
			atomic64_inc(&rc->write_errors);
		}
		/* Held writes of remapped runs may cross a region. */
		barrier_raise(rc, b);
		rc->other_error = 0;
		needs_commit = true;
		/* A block that cannot be remapped keeps the write's error. */
		if (remap_written_block(rc, b, full, bio, seg))
			r = rc->other_error ?: (r ?: -EIO);
		else
			r = 0;
next:
		if (r)
			err = r;
		bio_advance_iter(bio, &it, seg.bi_size);
	}
	if (!needs_commit) {
		if (err)
			raise_event(rc, false);
		complete_bio(bio, errno_to_blk_status(err));
		return;
	}
	/* Its own status until the group's commit decides. */
	bio->bi_status = errno_to_blk_status(err);
	bio_list_add(&rc->group, bio);
	rc->group_len++;
}

/*
 * Group commit: one commit for the remaps of every write served since the
 * last one, then those writes complete, and the barrier drops. A write
 * fails if that commit (or one made while the group gathered) failed.
 */
static void group_finish(struct remap_c *rc)
{
	bool failed, errors = false;
	struct bio *bio;

	failed = flush_batch(rc) || rc->group_failed;
	if (unreadable_finish(rc))
		failed = true;
	barrier_drop(rc);
	while ((bio = bio_list_pop(&rc->group))) {
		blk_status_t status = bio->bi_status;

		if (!status && failed)
			status = BLK_STS_IOERR;
		errors |= !!status;
		complete_bio(bio, status);
	}
	rc->group_len = 0;
	rc->group_failed = false;
	if (errors)
		raise_event(rc, false);
}

/* `remap <sector>`: copy the block to a new slot now. */
static void serve_request(struct remap_c *rc, struct remap_request *req)
{
	struct bvec_iter none = { .bi_sector = req->block << rc->block_shift };
	int r;

	if (remap_table_find(&rc->table, req->block, &req->slot)) {
		req->already = true;
		req->result = 0;
		return;
	}
	if (!can_remap(rc)) {
		req->result = cannot_remap_error(rc);
		return;
	}
	barrier_raise(rc, req->block);
	rc->other_error = 0;
	if (read_block_from_main(rc, req->block, 1 + rc->read_retries)) {
		if (rc->other_error) {
			/* Not bad media: no pending block, the error as it is. */
			req->result = rc->other_error;
			barrier_drop(rc);
			return;
		}
		atomic64_inc(&rc->read_errors);
		req->pending = true;
		req->result = 0;
		raise_event(rc, remap_pending_add(&rc->table, req->block));
		barrier_drop(rc);
		return;
	}
	r = remap_block(rc, req->block, true, NULL, none);
	/* Even after a failure: commits the slots marked unused. */
	r = flush_batch(rc) ?: r;
	barrier_drop(rc);
	if (!r && !remap_table_find(&rc->table, req->block, &req->slot))
		r = -EIO;
	req->result = r;
}

static void remap_worker(struct work_struct *work)
{
	struct remap_c *rc = container_of(work, struct remap_c, work);

	for (;;) {
		struct remap_request *req = NULL;
		struct bio *bio;
		bool suspended;

		spin_lock_irq(&rc->lock);
		bio = bio_list_pop(&rc->failed_reads);
		if (!bio)
			bio = bio_list_pop(&rc->writes);
		if (!bio && !list_empty(&rc->requests)) {
			req = list_first_entry(&rc->requests,
					       struct remap_request, list);
			list_del(&req->list);
		}
		suspended = rc->suspended;
		spin_unlock_irq(&rc->lock);

		if (bio && op_is_write(bio_op(bio))) {
			serve_write(rc, bio);
			if (rc->group_len >= REMAP_GROUP_MAX)
				group_finish(rc);
			cond_resched();
			continue;
		}
		/* Reads and requests see every remap made so far visible. */
		group_finish(rc);
		if (bio) {
			serve_read(rc, bio);
		} else if (req) {
			if (suspended)
				req->result = -EBUSY;
			else
				serve_request(rc, req);
			complete(&req->done);
		} else {
			break;
		}
		cond_resched();
	}
}

/* From end_io (any context) or map() */
void remap_queue_bio(struct remap_c *rc, struct bio *bio)
{
	unsigned long flags;

	spin_lock_irqsave(&rc->lock, flags);
	if (op_is_write(bio_op(bio)))
		bio_list_add(&rc->writes, bio);
	else
		bio_list_add(&rc->failed_reads, bio);
	spin_unlock_irqrestore(&rc->lock, flags);
	queue_work(rc->wq, &rc->work);
}

int remap_request(struct remap_c *rc, struct remap_request *req)
{
	init_completion(&req->done);
	req->result = 0;
	req->already = false;
	req->pending = false;
	spin_lock_irq(&rc->lock);
	if (rc->suspended) {
		spin_unlock_irq(&rc->lock);
		return -EBUSY;
	}
	list_add_tail(&req->list, &rc->requests);
	spin_unlock_irq(&rc->lock);
	queue_work(rc->wq, &rc->work);
	wait_for_completion(&req->done);
	return req->result;
}

/* After dm drained every bio: refuse new requests, finish the current. */
void remap_suspend_worker(struct remap_c *rc)
{
	spin_lock_irq(&rc->lock);
	rc->suspended = true;
	spin_unlock_irq(&rc->lock);
	flush_workqueue(rc->wq);
}

void remap_resume_worker(struct remap_c *rc)
{
	spin_lock_irq(&rc->lock);
	rc->suspended = false;
	spin_unlock_irq(&rc->lock);
}

int remap_io_init(struct remap_c *rc)
{
	spin_lock_init(&rc->lock);
	bio_list_init(&rc->failed_reads);
	bio_list_init(&rc->writes);
	INIT_LIST_HEAD(&rc->requests);
	xa_init(&rc->failed);
	INIT_WORK(&rc->work, remap_worker);
	init_waitqueue_head(&rc->barrier_wait);
	bio_list_init(&rc->group);
	atomic64_set(&rc->read_errors, 0);
	atomic64_set(&rc->write_errors, 0);
	atomic64_set(&rc->weak_moved, 0);
	rc->suspended = true;

	rc->main_writes = kcalloc(REMAP_BARRIER_BUCKETS,
				  sizeof(*rc->main_writes), GFP_KERNEL);
	rc->barrier_raised = bitmap_zalloc(REMAP_BARRIER_BUCKETS, GFP_KERNEL);
	if (!rc->main_writes || !rc->barrier_raised)
		return -ENOMEM;
	if (bioset_init(&rc->bios, BIO_POOL_SIZE, 0, BIOSET_NEED_BVECS))
		return -ENOMEM;
	rc->meta_buf = vmalloc(2 * REMAP_META_BLOCK_BYTES);
	rc->block_buf = vmalloc(REMAP_META_MAX_BLOCK_SIZE << SECTOR_SHIFT);
	rc->tail_entries = kmalloc_array(REMAP_META_ENTRIES_PER_BLOCK,
					 sizeof(u64), GFP_KERNEL);
	rc->scratch_entries = kmalloc_array(REMAP_META_ENTRIES_PER_BLOCK,
					    sizeof(u64), GFP_KERNEL);
	rc->batch = kvzalloc(sizeof(*rc->batch), GFP_KERNEL);
	rc->unreadable_buf = kmalloc_array(REMAP_META_MAX_UNREADABLE,
					   sizeof(*rc->unreadable_buf),
					   GFP_KERNEL);
	if (!rc->meta_buf || !rc->block_buf || !rc->tail_entries ||
	    !rc->scratch_entries || !rc->batch || !rc->unreadable_buf)
		return -ENOMEM;
	rc->wq = alloc_ordered_workqueue("dm-remap", WQ_MEM_RECLAIM);
	return rc->wq ? 0 : -ENOMEM;
}

/* Safe on a partly initialized rc (failed constructor). */
void remap_io_exit(struct remap_c *rc)
{
	if (rc->wq)
		destroy_workqueue(rc->wq);
	xa_destroy(&rc->failed);
	kfree(rc->unreadable_buf);
	kvfree(rc->batch);
	kfree(rc->scratch_entries);
	kfree(rc->tail_entries);
	vfree(rc->block_buf);
	vfree(rc->meta_buf);
	bioset_exit(&rc->bios);
	bitmap_free(rc->barrier_raised);
	kfree(rc->main_writes);
}
