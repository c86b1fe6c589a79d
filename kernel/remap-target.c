// SPDX-License-Identifier: GPL-2.0-only
/*
 * dm-remap: a device-mapper target pairing a main disk with a spare. Blocks
 * whose writes fail on main move to slots on the spare; the table of moved
 * blocks lives on the spare. Interface: kernel/README.md.
 *
 * This file: the target's constructor, map/end_io fast path, status,
 * messages and suspend hooks. The slow path is in remap-io.c.
 */
#include <linux/blkdev.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "dm-remap.h"

#ifdef REMAP_BLK_OPEN_WRITE
#define REMAP_MODE_WRITE BLK_OPEN_WRITE
#else
#define REMAP_MODE_WRITE FMODE_WRITE
#endif

static const char *const state_names[] = {
	[REMAP_OK] = "ok",
	[REMAP_SPARE_LOW] = "spare_low",
	[REMAP_SPARE_FULL] = "spare_full",
	[REMAP_SPARE_ERROR] = "spare_error",
	[REMAP_METADATA_ERROR] = "metadata_error",
};

static void remap_destroy(struct remap_c *rc)
{
	struct dm_target *ti = rc->ti;

	/* Drains the worker before anything it uses goes away. */
	remap_io_exit(rc);
	remap_table_clear(&rc->table);
	if (rc->spare_dev)
		dm_put_device(ti, rc->spare_dev);
	if (rc->main_dev)
		dm_put_device(ti, rc->main_dev);
	kfree(rc);
}

static int parse_uint(const char *s, unsigned int min, unsigned int max,
		      unsigned int *out)
{
	return kstrtouint(s, 10, out) || *out < min || *out > max ?
		-EINVAL : 0;
}

static int parse_options(struct remap_c *rc, struct dm_arg_set *as,
			 char **error)
{
	static const struct dm_arg group = {
		0, 9, "Invalid number of optional arguments"
	};
	unsigned int argc;
	int r;

	if (!as->argc)
		return 0;
	r = dm_read_arg_group(&group, as, &argc, error);
	if (r)
		return r;
	while (argc--) {
		const char *name = dm_shift_arg(as), *value;

		if (!strcasecmp(name, "format")) {
			if (rc->opt_format)
				goto duplicate;
			rc->opt_format = true;
			continue;
		}
		if (strcasecmp(name, "block_size") &&
		    strcasecmp(name, "read_retries") &&
		    strcasecmp(name, "main_id") && strcasecmp(name, "label")) {
			*error = "Unknown optional argument (format, block_size, read_retries, main_id, label)";
			return -EINVAL;
		}
		if (!argc--) {
			*error = "Optional argument without its value (the count includes values)";
			return -EINVAL;
		}
		value = dm_shift_arg(as);
		if (!strcasecmp(name, "block_size")) {
			if (rc->opt_block_size)
				goto duplicate;
			rc->opt_block_size = true;
			if (parse_uint(value, REMAP_META_MIN_BLOCK_SIZE,
				       REMAP_META_MAX_BLOCK_SIZE,
				       &rc->block_size) ||
			    !is_power_of_2(rc->block_size)) {
				*error = "block_size must be a power of two from 8 to 128 sectors";
				return -EINVAL;
			}
		} else if (!strcasecmp(name, "read_retries")) {
			if (rc->opt_read_retries)
				goto duplicate;
			rc->opt_read_retries = true;
			if (parse_uint(value, 0, REMAP_MAX_READ_RETRIES,
				       &rc->read_retries)) {
				*error = "read_retries must be a number from 0 to 16";
				return -EINVAL;
			}
		} else if (!strcasecmp(name, "main_id")) {
			if (rc->main_id[0])
				goto duplicate;
			if (remap_meta_check_name(value, true)) {
				*error = "main_id must be 1..63 characters of A-Z a-z 0-9 . _ : -";
				return -EINVAL;
			}
			strscpy(rc->main_id, value, sizeof(rc->main_id));
		} else {
			if (rc->label[0])
				goto duplicate;
			if (remap_meta_check_name(value, false)) {
				*error = "label must be 1..63 characters of A-Z a-z 0-9 . _ -";
				return -EINVAL;
			}
			strscpy(rc->label, value, sizeof(rc->label));
		}
	}
	if (as->argc) {
		*error = "Unexpected arguments after the optional arguments";
		return -EINVAL;
	}
	return 0;

duplicate:
	*error = "Optional argument given twice";
	return -EINVAL;
}

/*
 * <main_dev> <spare_dev> [<#opt_args> <opt_arg>...]
 */
static int remap_ctr(struct dm_target *ti, unsigned int argc, char **argv)
{
	struct dm_arg_set as = { .argc = argc, .argv = argv };
	struct remap_c *rc;
	int r;

	if (argc < 2) {
		ti->error = "Need <main_dev> <spare_dev> [<#opt_args> <opt_arg>...]";
		return -EINVAL;
	}
	rc = kzalloc(sizeof(*rc), GFP_KERNEL);
	if (!rc) {
		ti->error = "Cannot allocate memory";
		return -ENOMEM;
	}
	rc->ti = ti;
	rc->block_size = REMAP_DEFAULT_BLOCK_SIZE;
	rc->read_retries = REMAP_DEFAULT_READ_RETRIES;
	remap_table_init(&rc->table);

	r = dm_get_device(ti, dm_shift_arg(&as), dm_table_get_mode(ti->table),
			  &rc->main_dev);
	if (r) {
		ti->error = "Cannot open the main device";
		goto bad;
	}
	r = dm_get_device(ti, dm_shift_arg(&as), dm_table_get_mode(ti->table),
			  &rc->spare_dev);
	if (r) {
		ti->error = "Cannot open the spare device";
		goto bad;
	}
	r = -EINVAL;
	if (rc->main_dev->bdev == rc->spare_dev->bdev) {
		ti->error = "Main and spare are the same device";
		goto bad;
	}
	r = parse_options(rc, &as, &ti->error);
	if (r)
		goto bad;
	rc->writable = !!(dm_table_get_mode(ti->table) & REMAP_MODE_WRITE);
	rc->main_sectors = bdev_nr_sectors(rc->main_dev->bdev);
	rc->spare_sectors = bdev_nr_sectors(rc->spare_dev->bdev);
	r = -EINVAL;
	if (ti->len > rc->main_sectors) {
		ti->error = "Target length exceeds the main device";
		goto bad;
	}
	if (bdev_logical_block_size(rc->spare_dev->bdev) >
	    REMAP_META_BLOCK_BYTES) {
		ti->error = "Spare's logical block size is above 4096 bytes";
		goto bad;
	}
	r = remap_io_init(rc);
	if (r) {
		ti->error = "Cannot allocate memory";
		goto bad;
	}
	r = remap_metadata_open(rc, &ti->error);
	if (r)
		goto bad;
	rc->state = remap_current_state(rc);

	ti->private = rc;
	ti->num_flush_bios = 2;
	ti->num_discard_bios = 0;
	ti->num_write_zeroes_bios = 0;
	ti->per_io_data_size = sizeof(struct remap_bio);
	return 0;

bad:
	remap_destroy(rc);
	return r;
}

static void remap_dtr(struct dm_target *ti)
{
	remap_destroy(ti->private);
}

static void hold_for_worker(struct remap_c *rc, struct bio *bio,
			    sector_t sector)
{
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));

	pb->iter = bio->bi_iter;
	pb->iter.bi_sector = sector;
	remap_queue_bio(rc, bio);
}

static int remap_map(struct dm_target *ti, struct bio *bio)
{
	struct remap_c *rc = ti->private;
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));
	sector_t sector, end, nr = bio_sectors(bio);
	u64 first, last, found, slot, run;
	bool write;

	pb->flags = 0;
	pb->opf = bio->bi_opf;
	pb->ioprio = bio->bi_ioprio;
	if (unlikely(!nr)) {
		/* Empty flush: one copy to each device. */
		bio_set_dev(bio, dm_bio_get_target_bio_nr(bio) ?
			    rc->spare_dev->bdev : rc->main_dev->bdev);
		return DM_MAPIO_REMAPPED;
	}
	sector = dm_target_offset(ti, bio->bi_iter.bi_sector);
	first = remap_sector_to_block(rc, sector);
	last = remap_sector_to_block(rc, sector + nr - 1);
	end = sector + nr;
	write = op_is_write(bio_op(bio));

	if (READ_ONCE(rc->table.count) &&
	    remap_table_lookup(&rc->table, first, last, &found, &slot, &run)) {
		if (found == first) {
			sector_t run_end = (found + run) << rc->block_shift;

			if (sector + nr > run_end)
				dm_accept_partial_bio(bio, run_end - sector);
			/* Unreadable sectors in range: the worker checks. */
			if (unlikely(remap_unreadable_in(&rc->table, first,
							 min(last, found + run - 1)))) {
				hold_for_worker(rc, bio, sector);
				return DM_MAPIO_SUBMITTED;
			}
			bio_set_dev(bio, rc->spare_dev->bdev);
			bio->bi_iter.bi_sector = remap_slot_sector(rc, slot) +
				sector - (first << rc->block_shift);
			return DM_MAPIO_REMAPPED;
		}
		end = found << rc->block_shift;
	}
	/* A write to main stays in one region of the write barrier. */
	if (write)
		end = min(end, (sector | ((1 << REMAP_REGION_SHIFT) - 1)) + 1);
	if (end < sector + nr) {
		dm_accept_partial_bio(bio, end - sector);
		last = remap_sector_to_block(rc, end - 1);
	}

	if (write) {
		int bucket = remap_barrier_bucket(sector);

		if (unlikely(remap_pending_in(&rc->table, first, last))) {
			hold_for_worker(rc, bio, sector);
			return DM_MAPIO_SUBMITTED;
		}
		atomic_inc(&rc->main_writes[bucket]);
		/* Counted, then checked: pairs with barrier_raise(). */
		smp_mb__after_atomic();
		if (unlikely(test_bit(bucket, rc->barrier_raised))) {
			if (atomic_dec_and_test(&rc->main_writes[bucket]))
				wake_up(&rc->barrier_wait);
			/* A block of this region is being copied. */
			hold_for_worker(rc, bio, sector);
			return DM_MAPIO_SUBMITTED;
		}
		pb->flags = RB_COUNTED;
		pb->bucket = bucket;
	}
	pb->flags |= RB_MAIN;
	pb->iter = bio->bi_iter;
	pb->iter.bi_sector = sector;
	bio_set_dev(bio, rc->main_dev->bdev);
	bio->bi_iter.bi_sector = sector;
	return DM_MAPIO_REMAPPED;
}

static int remap_end_io(struct dm_target *ti, struct bio *bio,
			blk_status_t *error)
{
	struct remap_c *rc = ti->private;
	struct remap_bio *pb = dm_per_bio_data(bio, sizeof(*pb));

	if (pb->flags & RB_DONE)
		return DM_ENDIO_DONE;
	if (pb->flags & RB_COUNTED) {
		pb->flags &= ~RB_COUNTED;
		if (atomic_dec_and_test(&rc->main_writes[pb->bucket]) &&
		    unlikely(test_bit(pb->bucket, rc->barrier_raised)))
			wake_up(&rc->barrier_wait);
	}
	if (likely(!*error) || !(pb->flags & RB_MAIN) ||
	    !remap_media_error(*error) || (bio->bi_opf & REQ_RAHEAD))
		return DM_ENDIO_DONE;
	/* The worker retries it and completes it (end_io is called again). */
	remap_queue_bio(rc, bio);
	return DM_ENDIO_INCOMPLETE;
}

static void remap_status(struct dm_target *ti, status_type_t type,
			 unsigned int status_flags, char *result,
			 unsigned int maxlen)
{
	struct remap_c *rc = ti->private;
	unsigned int sz = 0, nopts, pending;

	switch (type) {
	case STATUSTYPE_INFO:
		pending = atomic_read(&rc->table.pending_count) +
			  atomic_read(&rc->table.pending_dropped);
		DMEMIT("%u %llu/%llu %u %llu %llu %s %llu %llu %llu %llu",
		       rc->block_size,
		       (unsigned long long)READ_ONCE(rc->table.count),
		       (unsigned long long)rc->sb.capacity, pending,
		       (unsigned long long)atomic64_read(&rc->read_errors),
		       (unsigned long long)atomic64_read(&rc->write_errors),
		       state_names[remap_current_state(rc)],
		       ((unsigned long long)pending << rc->block_shift) +
		       atomic64_read(&rc->table.unreadable_sectors),
		       (unsigned long long)atomic64_read(&rc->weak_moved),
		       (unsigned long long)READ_ONCE(rc->metadata_repaired),
		       (unsigned long long)READ_ONCE(rc->failed_slots));
		break;
	case STATUSTYPE_TABLE:
		nopts = rc->opt_format + 2 * rc->opt_block_size +
			2 * rc->opt_read_retries + 2 * !!rc->main_id[0] +
			2 * !!rc->label[0];
		DMEMIT("%s %s", rc->main_dev->name, rc->spare_dev->name);
		if (nopts)
			DMEMIT(" %u", nopts);
		if (rc->opt_format)
			DMEMIT(" format");
		if (rc->opt_block_size)
			DMEMIT(" block_size %u", rc->block_size);
		if (rc->opt_read_retries)
			DMEMIT(" read_retries %u", rc->read_retries);
		if (rc->main_id[0])
			DMEMIT(" main_id %s", rc->main_id);
		if (rc->label[0])
			DMEMIT(" label %s", rc->label);
		break;
	default:
		result[0] = '\0';
		break;
	}
}

static int parse_u64(const char *s, u64 *out)
{
	return kstrtoull(s, 10, out);
}

static bool table_is_read_only(struct dm_target *ti)
{
#ifdef BLK_OPEN_WRITE
	return !(dm_table_get_mode(ti->table) & BLK_OPEN_WRITE);
#else
	return !(dm_table_get_mode(ti->table) & FMODE_WRITE);
#endif
}

static int message_remap(struct remap_c *rc, const char *arg, char *result,
			 unsigned int maxlen)
{
	struct dm_target *ti = rc->ti;
	struct remap_request req;
	unsigned int sz = 0;
	u64 sector;
	int r;

	if (parse_u64(arg, &sector) || sector >= ti->len) {
		DMWARN("%s: remap: sector must be below %llu",
		       dm_table_device_name(ti->table),
		       (unsigned long long)ti->len);
		return -EINVAL;
	}
	if (table_is_read_only(ti))
		return -EROFS;
	if (dm_suspended(ti))
		return -EBUSY;
	req.block = remap_sector_to_block(rc, sector);
	r = remap_request(rc, &req);
	if (r) {
		DMWARN("%s: remap of sector %llu failed: %d",
		       dm_table_device_name(ti->table),
		       (unsigned long long)sector, r);
		return r;
	}
	if (req.pending)
		DMEMIT("pending %llu",
		       (unsigned long long)(req.block << rc->block_shift));
	else
		DMEMIT("%s %llu %llu", req.already ? "already" : "remapped",
		       (unsigned long long)(req.block << rc->block_shift),
		       (unsigned long long)remap_slot_sector(rc, req.slot));
	return 1;
}

/*
 * "<from_sector> [<count>]" of list and pending: from_sector becomes the
 * first whole block at or after it, count is 1..REMAP_MAX_PAGE.
 */
static int parse_page(struct remap_c *rc, unsigned int argc, char **argv,
		      u64 *from_block, u64 *count)
{
	u64 from = 0;

	*count = REMAP_MAX_PAGE;
	if ((argc > 0 && parse_u64(argv[0], &from)) ||
	    (argc > 1 && (parse_u64(argv[1], count) || !*count ||
			  *count > REMAP_MAX_PAGE)))
		return -EINVAL;
	*from_block = (from >> rc->block_shift) +
		      !!(from & (rc->block_size - 1));
	return 0;
}

static int remap_message(struct dm_target *ti, unsigned int argc,
			 char **argv, char *result, unsigned int maxlen)
{
	struct remap_c *rc = ti->private;
	u64 from_block, count;

	if (!argc)
		goto invalid;
	if (!strcasecmp(argv[0], "list") && argc >= 2 && argc <= 3) {
		if (parse_page(rc, argc - 1, argv + 1, &from_block, &count))
			goto invalid;
		remap_table_emit_list(&rc->table, from_block, count,
				      rc->block_shift, rc->sb.data_offset,
				      result, maxlen);
		return 1;
	}
	if (!strcasecmp(argv[0], "pending") && argc <= 3) {
		if (parse_page(rc, argc - 1, argv + 1, &from_block, &count))
			goto invalid;
		remap_pending_emit(&rc->table, from_block, count,
				   rc->block_shift, result, maxlen);
		return 1;
	}
	if (!strcasecmp(argv[0], "remap") && argc == 2)
		return message_remap(rc, argv[1], result, maxlen);
invalid:
	DMWARN("%s: invalid message (list <from_sector> [<count>], pending [<from_sector> [<count>]], remap <sector>; count 1..%u)",
	       dm_table_device_name(ti->table), REMAP_MAX_PAGE);
	return -EINVAL;
}

static int remap_iterate_devices(struct dm_target *ti,
				 iterate_devices_callout_fn fn, void *data)
{
	struct remap_c *rc = ti->private;
	int r;

	r = fn(ti, rc->main_dev, 0, ti->len, data);
	if (!r)
		r = fn(ti, rc->spare_dev, 0, rc->spare_sectors, data);
	return r;
}

static void remap_io_hints(struct dm_target *ti, struct queue_limits *limits)
{
	struct remap_c *rc = ti->private;
	unsigned int block_bytes = rc->block_size << SECTOR_SHIFT;

	/* Writes of whole blocks never need a merge when they fail. */
	if (limits->io_min < block_bytes)
		limits->io_min = block_bytes;
}

static void remap_postsuspend(struct dm_target *ti)
{
	remap_suspend_worker(ti->private);
}

static int remap_preresume(struct dm_target *ti)
{
	return remap_metadata_reload_if_changed(ti->private);
}

static void remap_resume(struct dm_target *ti)
{
	remap_resume_worker(ti->private);
}

static struct target_type remap_target = {
	.name = "remap",
	.version = {1, 0, 0},
	.module = THIS_MODULE,
	.ctr = remap_ctr,
	.dtr = remap_dtr,
	.map = remap_map,
	.end_io = remap_end_io,
	.status = remap_status,
	.message = remap_message,
	.iterate_devices = remap_iterate_devices,
	.io_hints = remap_io_hints,
	.postsuspend = remap_postsuspend,
	.preresume = remap_preresume,
	.resume = remap_resume,
};

static int __init dm_remap_init(void)
{
	int r = remap_table_module_init();

	if (r)
		return r;
	r = dm_register_target(&remap_target);
	if (r) {
		DMERR("register failed %d", r);
		remap_table_module_exit();
	}
	return r;
}

static void __exit dm_remap_exit(void)
{
	dm_unregister_target(&remap_target);
	remap_table_module_exit();
}

module_init(dm_remap_init);
module_exit(dm_remap_exit);

MODULE_DESCRIPTION(DM_NAME " target moving blocks that fail on a main disk to a spare");
MODULE_LICENSE("GPL");
