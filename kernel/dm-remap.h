/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dm-remap: state shared by the target (remap-target.c), the in-memory
 * table (remap-table.c) and the worker with its slow-path I/O (remap-io.c).
 */
#ifndef DM_REMAP_H
#define DM_REMAP_H

#include <linux/atomic.h>
#include <linux/bio.h>
#include <linux/device-mapper.h>
#include <linux/hash.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/seqlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "remap-metadata.h"

#define DM_MSG_PREFIX "remap"

/* Pending blocks kept for `pending` and for remapping on the next write. */
#define REMAP_MAX_PENDING	65536
/* Most lines one `list` or `pending` answer gives. */
#define REMAP_MAX_PAGE		65536
#define REMAP_MAX_READ_RETRIES	16
#define REMAP_DEFAULT_READ_RETRIES 2
#define REMAP_DEFAULT_BLOCK_SIZE 8
/* Slot writes failing in a row before the state becomes spare_error. */
#define REMAP_MAX_SLOT_FAILURES	3

/* One remap; 40 bytes, from a dedicated kmem_cache. */
struct remap_node {
	struct rb_node rb;
	u64 main_block;
	u64 slot;
};

struct remap_table {
	/* The map path reads under the seqlock only; the worker writes. */
	seqlock_t lock;
	struct rb_root root;
	u64 count;
	/* Serializes writers, clearing and each chunk of `list`. */
	struct mutex walk_mutex;

	struct xarray pending;		/* main block -> xa_mk_value(1) */
	atomic_t pending_count;
	atomic_t pending_dropped;	/* failed blocks beyond the limit */

	/*
	 * Remapped blocks holding sectors that could not be read from main:
	 * main block -> struct remap_unreadable, changed by the worker only.
	 * map() tests presence alone and never dereferences an entry.
	 */
	struct xarray unreadable;
	atomic_t unreadable_count;
	atomic64_t unreadable_sectors;
};

struct remap_unreadable {
	DECLARE_BITMAP(sectors, REMAP_META_MAX_BLOCK_SIZE);
	bool committed;			/* false: its remap is in the batch */
};

enum remap_state {
	REMAP_OK,
	REMAP_SPARE_LOW,
	REMAP_SPARE_FULL,
	REMAP_SPARE_ERROR,
	REMAP_METADATA_ERROR,
};

/* A `remap <sector>` message handed to the worker. */
struct remap_request {
	struct list_head list;
	u64 block;
	int result;
	u64 slot;
	bool already;
	bool pending;
	struct completion done;
};

/*
 * New slots of the commit being prepared, in slot order from sb.used on:
 * at most 504, so a commit writes at most two table blocks.
 */
struct remap_batch {
	unsigned int len;
	u64 main_block[REMAP_META_ENTRIES_PER_BLOCK];
	struct remap_node *node[REMAP_META_ENTRIES_PER_BLOCK];
};

struct remap_c {
	struct dm_target *ti;
	struct dm_dev *main_dev;
	struct dm_dev *spare_dev;
	sector_t main_sectors;
	sector_t spare_sectors;

	/* Options as given on the table line. */
	bool opt_format;
	bool opt_block_size;
	bool opt_read_retries;
	u32 block_size;
	unsigned int block_shift;
	unsigned int read_retries;
	char main_id[REMAP_META_ID_BYTES];
	char label[REMAP_META_ID_BYTES];

	struct remap_table table;

	/* Metadata as committed; owned by the worker once resumed. */
	struct remap_meta_sb sb;
	u64 tail_block;			/* table block holding slot sb.used */
	u64 *tail_entries;		/* its 504 entries */
	u64 *scratch_entries;
	void *meta_buf;			/* two metadata blocks */
	void *block_buf;		/* one remap block */
	struct remap_batch *batch;
	struct bio_set bios;		/* the worker's own I/O */
	int other_error;		/* worker: see note_other_error() */
	/* Unreadable-sector records as a commit writes them or load reads them */
	struct remap_meta_unreadable *unreadable_buf;
	bool unreadable_dirty;		/* sectors written since the last commit */
	/* Sectors read_block_from_main() could not read */
	DECLARE_BITMAP(bad_sectors, REMAP_META_MAX_BLOCK_SIZE);
	bool loaded_once;		/* preresume ran once */
	bool writable;			/* table opened read-write */
	bool needs_repair;		/* a metadata copy is not current */
	u64 metadata_repaired;		/* copies rewritten at load */
	u64 failed_slots;		/* used slots marked failed */
	struct xarray failed;		/* those slots (slot -> value 1) */
	unsigned long retry_from;	/* failed slots below: tried in this load */

	bool metadata_error;
	bool spare_error;		/* slot writes kept failing */
	unsigned int slot_failures;	/* slot writes failed in a row */
	enum remap_state state;		/* last state reported by an event */
	atomic64_t read_errors;
	atomic64_t write_errors;
	atomic64_t weak_moved;		/* blocks moved after a retried read */

	/* Worker */
	struct workqueue_struct *wq;
	struct work_struct work;
	spinlock_t lock;		/* lists below and suspended */
	struct bio_list failed_reads;
	struct bio_list writes;		/* failed or held writes */
	/* Served writes waiting for the commit of their remaps */
	struct bio_list group;
	unsigned int group_len;
	bool group_failed;		/* a commit failed while it gathered */
	struct list_head requests;
	bool suspended;

	/* Write barrier per region: see barrier_raise() in remap-io.c */
	atomic_t *main_writes;		/* per bucket: writes in flight */
	unsigned long *barrier_raised;	/* buckets whose writes are held */
	wait_queue_head_t barrier_wait;
};

/* Per-bio data */
struct remap_bio {
	struct bvec_iter iter;		/* target-relative, saved at map */
	unsigned int flags;
	/* As map() got them: the block layer may change the clone's. */
	blk_opf_t opf;
	unsigned short ioprio;
	unsigned short bucket;		/* with RB_COUNTED */
};

#define RB_MAIN		1	/* data bio sent to main */
#define RB_COUNTED	2	/* write counted in main_writes[bucket] */
#define RB_DONE		4	/* completed by the worker */

/* Errors that may mean bad media (kernel/README.md); the rest pass through. */
static inline bool remap_media_error(blk_status_t error)
{
	return error == BLK_STS_IOERR || error == BLK_STS_MEDIUM ||
	       error == BLK_STS_TARGET || error == BLK_STS_PROTECTION ||
	       error == BLK_STS_TIMEOUT;
}

/*
 * The write barrier holds back writes to one region of main while a block
 * of it is copied, not writes to the whole device (as raid1.c's barrier
 * buckets): a bad block read with retries on a dying disk takes seconds.
 * A write to main never crosses a region boundary (map() splits it).
 */
#define REMAP_REGION_SHIFT	13	/* sectors: 4 MiB */
#define REMAP_BARRIER_BUCKET_BITS	10
#define REMAP_BARRIER_BUCKETS		(1 << REMAP_BARRIER_BUCKET_BITS)

static inline int remap_barrier_bucket(sector_t s)
{
	return hash_64(s >> REMAP_REGION_SHIFT, REMAP_BARRIER_BUCKET_BITS);
}

static inline u64 remap_sector_to_block(struct remap_c *rc, sector_t s)
{
	return s >> rc->block_shift;
}

static inline sector_t remap_slot_sector(struct remap_c *rc, u64 slot)
{
	return rc->sb.data_offset + (slot << rc->block_shift);
}

/* remap-table.c */
int remap_table_module_init(void);
void remap_table_module_exit(void);
void remap_table_init(struct remap_table *t);
void remap_table_clear(struct remap_table *t);
struct remap_node *remap_node_alloc(gfp_t gfp);
void remap_node_free(struct remap_node *node);
bool remap_table_lookup(struct remap_table *t, u64 block, u64 last,
			u64 *first, u64 *slot, u64 *run);
bool remap_table_find(struct remap_table *t, u64 block, u64 *slot);
int remap_table_insert(struct remap_table *t, struct remap_node *node,
		       u64 block, u64 slot);
void remap_table_emit_list(struct remap_table *t, u64 from_block, u64 count,
			   unsigned int block_shift, sector_t data_offset,
			   char *result, unsigned int maxlen);
bool remap_pending_in(struct remap_table *t, u64 first, u64 last);
bool remap_pending_test(struct remap_table *t, u64 block);
bool remap_pending_add(struct remap_table *t, u64 block);
void remap_pending_remove(struct remap_table *t, u64 block);
bool remap_unreadable_in(struct remap_table *t, u64 first, u64 last);
void remap_pending_emit(struct remap_table *t, u64 from_block, u64 count,
			unsigned int block_shift, char *result,
			unsigned int maxlen);

/* remap-io.c */
int remap_io_init(struct remap_c *rc);
void remap_io_exit(struct remap_c *rc);
int remap_metadata_open(struct remap_c *rc, char **error);
int remap_metadata_reload_if_changed(struct remap_c *rc);
void remap_queue_bio(struct remap_c *rc, struct bio *bio);
int remap_request(struct remap_c *rc, struct remap_request *req);
enum remap_state remap_current_state(struct remap_c *rc);
void remap_suspend_worker(struct remap_c *rc);
void remap_resume_worker(struct remap_c *rc);

#endif
