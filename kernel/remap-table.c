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
	t->generation = 0;
	t->cursor = NULL;
	xa_init(&t->pending);
	atomic_set(&t->pending_count, 0);
	atomic_set(&t->pending_dropped, 0);
}

/* Frees every remap and pending entry; no reader may be running. */
void remap_table_clear(struct remap_table *t)
{
	struct remap_node *node, *next;

	rbtree_postorder_for_each_entry_safe(node, next, &t->root, rb)
		remap_node_free(node);
	t->root = RB_ROOT;
	WRITE_ONCE(t->count, 0);
	t->generation++;
	t->cursor = NULL;
	xa_destroy(&t->pending);
	atomic_set(&t->pending_count, 0);
	atomic_set(&t->pending_dropped, 0);
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
	t->generation++;
	return 0;
}

/*
 * `list` answer: lines "<main_sector> <spare_sector>" from the offset-th
 * remap on, as many as fit (and at most count). Sequential paging resumes
 * from a cursor instead of walking from the start again.
 */
unsigned int remap_table_emit_list(struct remap_table *t, u64 offset,
				   u64 count, unsigned int block_shift,
				   sector_t data_offset, char *result,
				   unsigned int maxlen)
{
	unsigned int sz = 0;
	struct rb_node *n;
	u64 index;
	char line[48];

	mutex_lock(&t->walk_mutex);
	if (t->cursor && t->cursor_generation == t->generation &&
	    t->cursor_index <= offset) {
		n = &t->cursor->rb;
		index = t->cursor_index;
	} else {
		n = rb_first(&t->root);
		index = 0;
	}
	for (; n && index < offset; index++)
		n = rb_next(n);
	for (; n && count; n = rb_next(n), index++, count--) {
		struct remap_node *e = rb_entry(n, struct remap_node, rb);
		int len = scnprintf(line, sizeof(line), "%llu %llu\n",
				    (unsigned long long)(e->main_block << block_shift),
				    (unsigned long long)(data_offset +
							 (e->slot << block_shift)));

		/* dm reports a full buffer when strlen + 1 reaches maxlen */
		if (sz + len + 1 >= maxlen)
			break;
		memcpy(result + sz, line, len + 1);
		sz += len;
	}
	t->cursor = n ? rb_entry(n, struct remap_node, rb) : NULL;
	t->cursor_index = index;
	t->cursor_generation = t->generation;
	mutex_unlock(&t->walk_mutex);
	return sz;
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

unsigned int remap_pending_emit(struct remap_table *t,
				unsigned int block_shift, char *result,
				unsigned int maxlen)
{
	unsigned int sz = 0;
	unsigned long index;
	void *entry;
	char line[24];

	xa_for_each(&t->pending, index, entry) {
		int len = scnprintf(line, sizeof(line), "%llu\n",
				    (unsigned long long)index << block_shift);

		if (sz + len + 1 >= maxlen)
			break;
		memcpy(result + sz, line, len + 1);
		sz += len;
	}
	return sz;
}
