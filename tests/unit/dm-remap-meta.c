// SPDX-License-Identifier: GPL-2.0-only
/*
 * dm-remap-meta: reads and writes dm-remap metadata on a spare (an image
 * file or a block device) with the kernel's own format code, for the tests:
 * format a spare, add many remaps in one commit, dump and list what a spare
 * holds, and corrupt one field at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "remap-metadata.h"

#define BLOCK REMAP_META_BLOCK_BYTES
#define EPB REMAP_META_ENTRIES_PER_BLOCK

struct spare {
	int fd;
	u64 sectors;
	struct remap_meta_sb sb;
	unsigned int sb_copy;		/* copy holding sb */
	u64 *entries;			/* by slot, for every table block */
	/* unreadable-sector records, kept by every commit */
	struct remap_meta_unreadable unreadable[REMAP_META_MAX_UNREADABLE];
};

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "dm-remap-meta: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	exit(2);
}

static void usage(void)
{
	fputs("usage: dm-remap-meta format <spare> --main-sectors N [--block-size S]\n"
	      "                            [--main-id ID] [--label NAME]\n"
	      "       dm-remap-meta fill <spare> <count> [--first BLOCK] [--stride N]\n"
	      "                          [--unreadable-sector S]\n"
	      "       dm-remap-meta dump <spare>\n"
	      "       dm-remap-meta list <spare>\n"
	      "       dm-remap-meta corrupt <spare> <field> [--copy a|b|both] [--stale-crc]\n"
	      "       dm-remap-meta fields\n"
	      "Exit status: 0 done, 1 the spare's metadata is invalid, 2 usage or I/O error.\n",
	      stderr);
	exit(2);
}

static u64 parse_u64(const char *s)
{
	char *end;
	u64 v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-')
		die("not a number: %s", s);
	return v;
}

static void read_block(int fd, u64 sector, void *buf)
{
	if (pread(fd, buf, BLOCK, sector * 512) != BLOCK)
		die("cannot read the spare: %s", errno ? strerror(errno) : "short read");
}

static void write_block(int fd, u64 sector, const void *buf)
{
	if (pwrite(fd, buf, BLOCK, sector * 512) != BLOCK)
		die("cannot write the spare: %s", errno ? strerror(errno) : "short write");
}

static void open_spare(struct spare *s, const char *path, int flags)
{
	struct stat st;

	memset(s, 0, sizeof(*s));
	s->fd = open(path, flags);
	if (s->fd < 0 || fstat(s->fd, &st))
		die("cannot open %s", path);
	if (S_ISBLK(st.st_mode)) {
		u64 bytes;

		if (ioctl(s->fd, BLKGETSIZE64, &bytes))
			die("cannot get the size of %s", path);
		s->sectors = bytes / 512;
	} else {
		s->sectors = st.st_size / 512;
	}
}

static void close_spare(struct spare *s)
{
	if (fsync(s->fd) || close(s->fd))
		die("cannot flush the spare: %s", strerror(errno));
	free(s->entries);
}

/* Loads the metadata as the kernel does; exits 1 with the reason if invalid. */
static void load(struct spare *s)
{
	static u8 a[BLOCK], b[BLOCK];
	u64 blocks, k;
	int err_b = 0, r;

	if (s->sectors < 16)
		die("%s", "spare too small to hold dm-remap metadata");
	read_block(s->fd, remap_meta_sb_sector(0), a);
	read_block(s->fd, remap_meta_sb_sector(1), b);
	r = remap_meta_sb_pick(a, b, &s->sb, &s->sb_copy, &err_b);
	if (r) {
		fprintf(stderr, "dm-remap-meta: superblock A: %s; superblock B: %s\n",
			remap_meta_strerror(r), remap_meta_strerror(err_b));
		exit(1);
	}
	remap_meta_sb_get_unreadable(s->sb_copy ? b : a, &s->sb, s->unreadable);
	s->sb.unreadable = s->unreadable;
	if (s->sectors < s->sb.spare_sectors) {
		fprintf(stderr, "dm-remap-meta: %s\n",
			remap_meta_strerror(REMAP_META_E_SPARE_SHRUNK));
		exit(1);
	}
	blocks = remap_meta_table_blocks(s->sb.capacity);
	s->entries = calloc(blocks ? blocks * EPB : 1, sizeof(u64));
	if (!s->entries)
		die("%s", "out of memory");
	for (k = 0; k < remap_meta_table_blocks(s->sb.used); k++) {
		unsigned int which;

		read_block(s->fd, remap_meta_table_sector(k, 0), a);
		read_block(s->fd, remap_meta_table_sector(k, 1), b);
		r = remap_meta_table_pick(&s->sb, k, a, b, &which, s->entries + k * EPB);
		if (r) {
			fprintf(stderr, "dm-remap-meta: table block %" PRIu64 ": %s\n",
				k, remap_meta_strerror(r));
			exit(1);
		}
	}
	{
		u64 *sorted = malloc((s->sb.used + 1) * sizeof(u64));

		if (!sorted)
			die("%s", "out of memory");
		memcpy(sorted, s->entries, s->sb.used * sizeof(u64));
		r = remap_meta_check_duplicates(sorted, s->sb.used);
		free(sorted);
		if (r) {
			fprintf(stderr, "dm-remap-meta: %s\n", remap_meta_strerror(r));
			exit(1);
		}
	}
}

static int commit_write(void *ctx, u64 sector, const void *buf, bool flush)
{
	struct spare *s = ctx;

	write_block(s->fd, sector, buf);
	if (flush && fsync(s->fd))
		die("cannot flush the spare: %s", strerror(errno));
	return 0;
}

/* Writes entries [from, sb.used) as one commit, in the kernel's order. */
static void commit(struct spare *s, u64 from)
{
	static u8 buf[BLOCK];
	u64 first = from / EPB, n = remap_meta_table_blocks(s->sb.used) - first, k;
	const u64 **blocks = malloc((n + 1) * sizeof(*blocks));
	bool durable;

	if (!blocks)
		die("%s", "out of memory");
	for (k = 0; k < n; k++)
		blocks[k] = s->entries + (first + k) * EPB;
	s->sb.seq++;
	remap_meta_commit(&s->sb, first, n, blocks, buf, commit_write, s, &durable);
	free(blocks);
}

static void cmd_format(const char *path, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "main-sectors", required_argument, NULL, 'm' },
		{ "block-size", required_argument, NULL, 'b' },
		{ "main-id", required_argument, NULL, 'i' },
		{ "label", required_argument, NULL, 'l' },
		{ 0 }
	};
	const char *main_id = NULL, *label = NULL;
	u64 main_sectors = 0, block_size = 8;
	static u8 buf[BLOCK];
	struct remap_meta_sb sb;
	struct spare s;
	bool durable;
	u8 uuid[16];
	int c, r;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'm': main_sectors = parse_u64(optarg); break;
		case 'b': block_size = parse_u64(optarg); break;
		case 'i': main_id = optarg; break;
		case 'l': label = optarg; break;
		default: usage();
		}
	}
	if (!main_sectors || block_size > 0xffffffffu)
		usage();
	open_spare(&s, path, O_RDWR);
	{
		int rfd = open("/dev/urandom", O_RDONLY);

		if (rfd < 0 || read(rfd, uuid, sizeof(uuid)) != sizeof(uuid))
			die("%s", "cannot read /dev/urandom");
		close(rfd);
	}
	r = remap_meta_sb_init(&sb, uuid, block_size, main_sectors, s.sectors,
			       main_id, label);
	if (r)
		die("cannot format: %s", remap_meta_strerror(r));
	/* As the kernel: a commit without table blocks. */
	remap_meta_commit(&sb, 0, 0, NULL, buf, commit_write, &s, &durable);
	printf("formatted: capacity %" PRIu64 " slots of %" PRIu64 " sectors, data at sector %" PRIu64 "\n",
	       sb.capacity, block_size, sb.data_offset);
	close_spare(&s);
}

/* Records sector of the newly remapped block as unreadable, in order. */
static void add_unreadable(struct spare *s, u64 block, u64 sector)
{
	u32 n = s->sb.unreadable_count, i;

	if (n == REMAP_META_MAX_UNREADABLE)
		die("%s", "more than 160 blocks would hold unreadable sectors");
	for (i = n; i > 0 && s->unreadable[i - 1].main_block > block; i--)
		s->unreadable[i] = s->unreadable[i - 1];
	memset(&s->unreadable[i], 0, sizeof(s->unreadable[i]));
	s->unreadable[i].main_block = block;
	s->unreadable[i].sectors[sector / 8] = 1u << (sector % 8);
	s->sb.unreadable_count = n + 1;
}

/*
 * Adds count remaps of blocks first, first + stride, ...; with
 * --unreadable-sector, sector S of each is recorded unreadable.
 */
static void cmd_fill(const char *path, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "first", required_argument, NULL, 'f' },
		{ "stride", required_argument, NULL, 's' },
		{ "unreadable-sector", required_argument, NULL, 'u' },
		{ 0 }
	};
	u64 count, first = 0, stride = 1, from, i, main_blocks;
	u64 unreadable = ~0ull;
	struct spare s;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': first = parse_u64(optarg); break;
		case 's': stride = parse_u64(optarg); break;
		case 'u': unreadable = parse_u64(optarg); break;
		default: usage();
		}
	}
	if (optind >= argc || !stride)
		usage();
	count = parse_u64(argv[optind]);
	open_spare(&s, path, O_RDWR);
	load(&s);
	if (count > s.sb.capacity - s.sb.used)
		die("%s", "not enough free slots on the spare");
	main_blocks = remap_meta_main_blocks(&s.sb);
	if (count && (first >= main_blocks || (count - 1) > (main_blocks - 1 - first) / stride))
		die("%s", "the remaps would reach beyond the main device");
	{
		/* refuse blocks that are remapped already */
		u64 *sorted = malloc((s.sb.used + count + 1) * sizeof(u64));

		if (!sorted)
			die("%s", "out of memory");
		memcpy(sorted, s.entries, s.sb.used * sizeof(u64));
		for (i = 0; i < count; i++)
			sorted[s.sb.used + i] = first + i * stride;
		if (remap_meta_check_duplicates(sorted, s.sb.used + count))
			die("%s", "a block in that range is remapped already");
		free(sorted);
	}
	if (unreadable != ~0ull && count &&
	    (unreadable >= s.sb.block_size ||
	     (first + (count - 1) * stride) * s.sb.block_size + unreadable >= s.sb.main_sectors))
		die("%s", "--unreadable-sector must be a sector of every block");
	from = s.sb.used;
	for (i = 0; i < count; i++) {
		s.entries[from + i] = first + i * stride;
		if (unreadable != ~0ull)
			add_unreadable(&s, first + i * stride, unreadable);
	}
	s.sb.used += count;
	commit(&s, from);
	printf("added %" PRIu64 " remaps, %" PRIu64 "/%" PRIu64 " slots used\n",
	       count, s.sb.used, s.sb.capacity);
	close_spare(&s);
}

static void cmd_dump(const char *path)
{
	struct spare s;
	char uuid[33];

	open_spare(&s, path, O_RDONLY);
	load(&s);
	for (int i = 0; i < 16; i++)
		snprintf(uuid + 2 * i, 3, "%02x", s.sb.uuid[i]);
	printf("superblock_copy=%c\nseq=%" PRIu64 "\nuuid=%s\nblock_size=%u\n"
	       "main_sectors=%" PRIu64 "\nspare_sectors=%" PRIu64 "\ncapacity=%" PRIu64 "\n"
	       "data_offset=%" PRIu64 "\nused=%" PRIu64 "\nmain_id=%s\nlabel=%s\n"
	       "unreadable_blocks=%u\n",
	       s.sb_copy ? 'B' : 'A', s.sb.seq, uuid, s.sb.block_size, s.sb.main_sectors,
	       s.sb.spare_sectors, s.sb.capacity, s.sb.data_offset, s.sb.used,
	       s.sb.main_id, s.sb.label, s.sb.unreadable_count);
	close_spare(&s);
}

static int by_main(const void *a, const void *b)
{
	u64 x = ((const u64 *)a)[0], y = ((const u64 *)b)[0];

	return x < y ? -1 : x > y;
}

/* The same lines as the kernel's "list" message. */
static void cmd_list(const char *path)
{
	struct spare s;
	u64 (*pairs)[2], n = 0, i;

	open_spare(&s, path, O_RDONLY);
	load(&s);
	pairs = malloc((s.sb.used + 1) * sizeof(*pairs));
	if (!pairs)
		die("%s", "out of memory");
	for (i = 0; i < s.sb.used; i++) {
		if (s.entries[i] == REMAP_META_FAILED_SLOT)
			continue;
		pairs[n][0] = s.entries[i] * s.sb.block_size;
		pairs[n][1] = s.sb.data_offset + i * s.sb.block_size;
		n++;
	}
	qsort(pairs, n, sizeof(*pairs), by_main);
	for (i = 0; i < n; i++)
		printf("%" PRIu64 " %" PRIu64 "\n", pairs[i][0], pairs[i][1]);
	free(pairs);
	close_spare(&s);
}

/* Each field: where it is and a value that makes it invalid. */
static const struct field {
	const char *name;
	bool table;	/* in table block 0, else in the superblock */
	size_t off;
	int width;	/* bytes written */
	u64 value;
} fields[] = {
	{ "magic", false, 0, 8, 0x2121212121212121ull },
	{ "crc", false, 8, 4, 0 },
	{ "version", false, 12, 4, 99 },
	{ "seq", false, 16, 8, 0 },
	{ "block_size", false, 40, 4, 12 },
	{ "entries", false, 44, 4, 503 },
	{ "main_sectors", false, 48, 8, 0 },
	{ "spare_sectors", false, 56, 8, 8 },
	{ "capacity", false, 64, 8, ~0ull },
	{ "data_offset", false, 72, 8, 7 },
	{ "used", false, 80, 8, ~0ull },
	{ "reserved", false, 88, 1, 0x5a },
	{ "main_id", false, 96, 1, '/' },
	{ "label", false, 160, 1, ' ' },
	{ "padding", false, 4095, 1, 1 },
	{ "table_magic", true, 0, 4, 0 },
	{ "table_crc", true, 4, 4, 0 },
	{ "table_seq", true, 8, 8, 0 },
	{ "table_uuid", true, 16, 1, 0xa5 },
	{ "table_index", true, 32, 4, 7 },
	{ "table_reserved", true, 36, 1, 1 },
	{ "table_entry", true, 64, 8, ~0ull - 2 },
};

static void cmd_fields(void)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		printf("%s\n", fields[i].name);
}

static void corrupt_block(int fd, u64 sector, const struct field *f, bool stale_crc)
{
	static u8 buf[BLOCK];
	size_t crc_off = f->table ? 4 : 8;

	read_block(fd, sector, buf);
	for (int i = 0; i < f->width; i++)
		buf[f->off + i] = f->value >> (8 * (i % 8));
	if (!stale_crc && f->off != crc_off) {
		memset(buf + crc_off, 0, 4);
		u32 crc = ~crc32c(~0u, buf, BLOCK);

		for (int i = 0; i < 4; i++)
			buf[crc_off + i] = crc >> (8 * i);
	}
	write_block(fd, sector, buf);
}

static void cmd_corrupt(const char *path, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "copy", required_argument, NULL, 'c' },
		{ "stale-crc", no_argument, NULL, 's' },
		{ 0 }
	};
	const struct field *f = NULL;
	const char *copy = "both";
	bool stale_crc = false;
	struct spare s;
	int c;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': copy = optarg; break;
		case 's': stale_crc = true; break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (!strcmp(fields[i].name, argv[optind]))
			f = &fields[i];
	if (!f)
		die("unknown field %s (see: dm-remap-meta fields)", argv[optind]);
	if (strcmp(copy, "a") && strcmp(copy, "b") && strcmp(copy, "both"))
		usage();
	open_spare(&s, path, O_RDWR);
	for (unsigned int n = 0; n < 2; n++) {
		if ((n == 0 && !strcmp(copy, "b")) || (n == 1 && !strcmp(copy, "a")))
			continue;
		corrupt_block(s.fd, f->table ? remap_meta_table_sector(0, n) :
			      remap_meta_sb_sector(n), f, stale_crc);
	}
	close_spare(&s);
}

int main(int argc, char **argv)
{
	const char *cmd, *path;

	if (argc == 2 && !strcmp(argv[1], "fields")) {
		cmd_fields();
		return 0;
	}
	if (argc < 3)
		usage();
	cmd = argv[1];
	path = argv[2];
	/* options and operands after the spare */
	argv[2] = argv[0];
	argc -= 2;
	argv += 2;
	if (!strcmp(cmd, "format"))
		cmd_format(path, argc, argv);
	else if (!strcmp(cmd, "fill"))
		cmd_fill(path, argc, argv);
	else if (!strcmp(cmd, "dump") && argc == 1)
		cmd_dump(path);
	else if (!strcmp(cmd, "list") && argc == 1)
		cmd_list(path);
	else if (!strcmp(cmd, "corrupt"))
		cmd_corrupt(path, argc, argv);
	else
		usage();
	return 0;
}
