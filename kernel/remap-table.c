// SPDX-License-Identifier: GPL-2.0-only
/*
 * dm-remap in-memory table: an rbtree of remaps keyed by main block, read
 * locklessly by the map path under a seqlock, and a bounded set of pending
 * blocks (reads failed, not remapped yet).
 *
 * Nodes are only ever added while a target lives and freed all at once
 * when it goes, so a lookup racing an insert can read stale pointers but
 * never freed memory; the seqlock makes it retry.
 */
#include <linux/slab.h>

#include "dm-remap.h"

static struct kmem_cache *node_cache;

int remap_table_module_init(void)
{
	node_cache = kmem_cache_create("dm_remap_node",
				       sizeof(struct remap_node), 0, 0, NULL);
	return node_cache ? 0 : -ENOMEM;
}

void remap_table_module_exit(void)
{
	kmem_cache_destroy(node_cache);
}

struct remap_node *remap_node_alloc(gfp_t gfp)
{
	return kmem_cache_alloc(node_cache, gfp);
}

void remap_node_free(struct remap_node *node)
{
	kmem_cache_free(node_cache, node);
}

void remap_table_init(struct remap_table *t)
{
	seqlock_init(&t->lock);
	t->root = RB_ROOT;
	t->count = 0;
	mutex_init(&t->walk_mutex);
	xa_init(&t->pending);
	atomic_set(&t->pending_count, 0);
	atomic_set(&t->pending_dropped, 0);
	xa_init(&t->unreadable);
	atomic_set(&t->unreadable_count, 0);
	atomic64_set(&t->unreadable_sectors, 0);
}

/*
 * Frees every remap and pending entry; the map path must not be running. A
 * `list` may be (a message during a reload's preresume): walk_mutex keeps it
 * off the nodes being freed.
 */
void remap_table_clear(struct remap_table *t)
{
	struct remap_node *node, *next;
	struct remap_unreadable *u;
	unsigned long index;

	mutex_lock(&t->walk_mutex);
	rbtree_postorder_for_each_entry_safe(node, next, &t->root, rb)
		remap_node_free(node);
	t->root = RB_ROOT;
	WRITE_ONCE(t->count, 0);
	mutex_unlock(&t->walk_mutex);
	xa_destroy(&t->pending);
	atomic_set(&t->pending_count, 0);
	atomic_set(&t->pending_dropped, 0);
	xa_for_each(&t->unreadable, index, u)
		kfree(u);
	xa_destroy(&t->unreadable);
	atomic_set(&t->unreadable_count, 0);
	atomic64_set(&t->unreadable_sectors, 0);
}

/* The remap with the smallest main block >= block, or NULL. */
static struct remap_node *lower_bound(struct remap_table *t, u64 block)
{
	struct rb_node *n = READ_ONCE(t->root.rb_node);
	struct remap_node *best = NULL;

	while (n) {
		struct remap_node *e = rb_entry(n, struct remap_node, rb);

		if (e->main_block >= block) {
			best = e;
			if (e->main_block == block)
				break;
			n = READ_ONCE(n->rb_left);
		} else {
			n = READ_ONCE(n->rb_right);
		}
	}
	return best;
}

/*
 * First remap in [block, last]: *first is its main block, *slot its slot,
 * *run how many following blocks (up to last) sit in consecutive slots.
 */
bool remap_table_lookup(struct remap_table *t, u64 block, u64 last,
			u64 *first, u64 *slot, u64 *run)
{
	struct remap_node *e;
	unsigned int seq;
	bool found;

	do {
		seq = read_seqbegin(&t->lock);
		e = lower_bound(t, block);
		found = e && e->main_block <= last;
		if (found) {
			*first = e->main_block;
			*slot = e->slot;
			*run = 1;
			while (*first + *run <= last) {
				e = lower_bound(t, *first + *run);
				if (!e || e->main_block != *first + *run ||
				    e->slot != *slot + *run)
					break;
				(*run)++;
			}
		}
	} while (read_seqretry(&t->lock, seq));
	return found;
}

bool remap_table_find(struct remap_table *t, u64 block, u64 *slot)
{
	u64 first, run;

	return remap_table_lookup(t, block, block, &first, slot, &run);
}

int remap_table_insert(struct remap_table *t, struct remap_node *node,
		       u64 block, u64 slot)
{
	struct rb_node **link = &t->root.rb_node, *parent = NULL;
	unsigned long flags;

	lockdep_assert_held(&t->walk_mutex);
	while (*link) {
		struct remap_node *e = rb_entry(*link, struct remap_node, rb);

		parent = *link;
		if (block < e->main_block)
			link = &parent->rb_left;
		else if (block > e->main_block)
			link = &parent->rb_right;
		else
			return -EEXIST;
	}
	node->main_block = block;
	node->slot = slot;
	/* A reader interrupting us on this CPU would spin forever. */
	write_seqlock_irqsave(&t->lock, flags);
	rb_link_node(&node->rb, parent, link);
	rb_insert_color(&node->rb, &t->root);
	WRITE_ONCE(t->count, t->count + 1);
	write_sequnlock_irqrestore(&t->lock, flags);
	return 0;
}

/*
 * Message answers. A line that does not fit fills the buffer to its last
 * byte instead: dm then sets DM_BUFFER_FULL (strlen + 1 reaches maxlen) and
 * libdevmapper asks again with a larger buffer, so no answer is ever cut
 * short silently.
 */
struct answer {
	char *buf;
	unsigned int maxlen;
	unsigned int sz;
};

static bool answer_add(struct answer *a, const char *line, unsigned int len)
{
	if (!a->maxlen)
		return false;
	if (a->sz + len + 1 >= a->maxlen) {
		memcpy(a->buf + a->sz, line, a->maxlen - 1 - a->sz);
		a->buf[a->maxlen - 1] = '\0';
		a->sz = a->maxlen - 1;
		return false;
	}
	memcpy(a->buf + a->sz, line, len + 1);
	a->sz += len;
	return true;
}

/* Remaps listed per hold of walk_mutex, which every commit needs. */
#define LIST_CHUNK 256

/*
 * `list` answer: lines "<main_sector> <spare_sector>" for the remaps of
 * main blocks >= from_block, ascending, at most count. The walk restarts
 * by block number after each chunk, so remaps added meanwhile never shift
 * it, and a reload freeing the tree (remap_table_clear) waits for a chunk.
 */
void remap_table_emit_list(struct remap_table *t, u64 from_block, u64 count,
			   unsigned int block_shift, sector_t data_offset,
			   char *result, unsigned int maxlen)
{
	struct answer a = { .buf = result, .maxlen = maxlen };
	bool more = true;
	char line[48];

	if (maxlen)
		result[0] = '\0';
	while (more && count) {
		unsigned int chunk = LIST_CHUNK;
		struct remap_node *e;

		mutex_lock(&t->walk_mutex);
		e = lower_bound(t, from_block);
		for (; e && count && chunk; count--, chunk--) {
			int len = scnprintf(line, sizeof(line), "%llu %llu\n",
					    (unsigned long long)(e->main_block << block_shift),
					    (unsigned long long)(data_offset +
								 (e->slot << block_shift)));

			if (!answer_add(&a, line, len)) {
				more = false;
				break;
			}
			from_block = e->main_block + 1;
			e = rb_entry_safe(rb_next(&e->rb), struct remap_node, rb);
		}
		if (!e)
			more = false;
		mutex_unlock(&t->walk_mutex);
		cond_resched();
	}
}

bool remap_pending_in(struct remap_table *t, u64 first, u64 last)
{
	unsigned long index = first;

	if (!atomic_read(&t->pending_count))
		return false;
	return xa_find(&t->pending, &index, last, XA_PRESENT) != NULL;
}

bool remap_pending_test(struct remap_table *t, u64 block)
{
	return xa_load(&t->pending, block) != NULL;
}

/* Returns true if the block is newly pending. */
bool remap_pending_add(struct remap_table *t, u64 block)
{
	int r;

	if (atomic_read(&t->pending_count) >= REMAP_MAX_PENDING) {
		if (remap_pending_test(t, block))
			return false;
		atomic_inc(&t->pending_dropped);
		return true;
	}
	r = xa_insert(&t->pending, block, xa_mk_value(1), GFP_NOIO);
	if (r == -EBUSY)
		return false;
	if (r) {
		atomic_inc(&t->pending_dropped);
		return true;
	}
	atomic_inc(&t->pending_count);
	return true;
}

void remap_pending_remove(struct remap_table *t, u64 block)
{
	if (xa_erase(&t->pending, block))
		atomic_dec(&t->pending_count);
}

/* A remapped block in [first, last] holds unreadable sectors. */
bool remap_unreadable_in(struct remap_table *t, u64 first, u64 last)
{
	unsigned long index = first;

	if (!atomic_read(&t->unreadable_count))
		return false;
	return xa_find(&t->unreadable, &index, last, XA_PRESENT) != NULL;
}

/*
 * `pending` answer: the blocks >= from_block, at most count, that are
 * pending or remapped with unreadable sectors (one line per block).
 */
void remap_pending_emit(struct remap_table *t, u64 from_block, u64 count,
			unsigned int block_shift, char *result,
			unsigned int maxlen)
{
	struct answer a = { .buf = result, .maxlen = maxlen };
	unsigned long pend = from_block, unr = from_block, index;
	void *p, *u;
	char line[24];

	if (maxlen)
		result[0] = '\0';
	if (!count || from_block != (unsigned long)from_block)
		return;
	p = xa_find(&t->pending, &pend, ULONG_MAX, XA_PRESENT);
	u = xa_find(&t->unreadable, &unr, ULONG_MAX, XA_PRESENT);
	while (p || u) {
		int len;

		if (p && (!u || pend <= unr)) {
			index = pend;
			p = xa_find_after(&t->pending, &pend, ULONG_MAX,
					  XA_PRESENT);
		} else {
			index = unr;
		}
		if (u && unr == index)
			u = xa_find_after(&t->unreadable, &unr, ULONG_MAX,
					  XA_PRESENT);
		len = scnprintf(line, sizeof(line), "%llu\n",
				(unsigned long long)index << block_shift);
		if (!answer_add(&a, line, len) || !--count)
			break;
	}
}
