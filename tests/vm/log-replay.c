// SPDX-License-Identifier: GPL-2.0-only
/*
 * log-replay: reads a dm-log-writes log (format: drivers/md/dm-log-writes.c,
 * Documentation/admin-guide/device-mapper/log-writes.rst) and replays it.
 *
 *   log-replay list <log>                   one line per entry:
 *                                           <index> <sector> <sectors> <flags> [mark]
 *   log-replay replay <log> <target> <from> <to>
 *                                           writes entries from..to-1 to target
 *   log-replay crash <log> <target> <from> <to> <seed>
 *                                           what a volatile disk cache may have
 *                                           kept of entries from..to-1 (all
 *                                           written since the flush at from):
 *                                           the FUA ones, a random subset of the
 *                                           others, written in a random order
 *
 * Sectors and counts are in the log's sector size. Flags are printed as
 * letters: F flush, U fua, D discard, M mark, T metadata, - none.
 */
#define _GNU_SOURCE
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LOG_FLUSH_FLAG    (1 << 0)
#define LOG_FUA_FLAG      (1 << 1)
#define LOG_DISCARD_FLAG  (1 << 2)
#define LOG_MARK_FLAG     (1 << 3)
#define LOG_METADATA_FLAG (1 << 4)
#define WRITE_LOG_MAGIC   0x6a736677736872ULL
#define WRITE_LOG_VERSION 1ULL

struct log_write_super {
	uint64_t magic;
	uint64_t version;
	uint64_t nr_entries;
	uint32_t sectorsize;
} __attribute__((packed));

struct log_write_entry {
	uint64_t sector;
	uint64_t nr_sectors;
	uint64_t flags;
	uint64_t data_len;
} __attribute__((packed));

/* xorshift64*: a seeded, reproducible choice of subset and order. */
static uint64_t rand_r_u64(uint64_t *state)
{
	uint64_t x = *state ? *state : 0x9e3779b97f4a7c15ULL;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return (x * 0x2545f4914f6cdd1dULL) >> 11;
}

static void die(const char *what)
{
	fprintf(stderr, "log-replay: %s: %s\n", what, errno ? strerror(errno) : "bad input");
	exit(1);
}

static void read_at(int fd, void *buf, size_t len, uint64_t off)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = pread(fd, (char *)buf + done, len - done, off + done);

		if (n <= 0) {
			if (n == 0)
				errno = 0;
			die("read from the log");
		}
		done += n;
	}
}

static void write_at(int fd, const void *buf, size_t len, uint64_t off)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = pwrite(fd, (const char *)buf + done, len - done, off + done);

		if (n <= 0)
			die("write to the target");
		done += n;
	}
}

/* An entry to write: where its data sits in the log and where it goes. */
struct pending_write {
	uint64_t log_pos, sector, bytes;
	int discard;
};

static void write_entry(int log, int target, const struct pending_write *w,
			uint64_t sectorsize, char **data, size_t *data_cap)
{
	uint64_t bytes = w->discard ? sectorsize : w->bytes;

	if (bytes > *data_cap) {
		free(*data);
		*data = malloc(bytes);
		if (!*data)
			die("malloc");
		*data_cap = bytes;
	}
	if (w->discard) {
		/* The spare never sees discards (not advertised); zero if one does. */
		memset(*data, 0, sectorsize);
		for (uint64_t s = 0; s < w->bytes / sectorsize; s++)
			write_at(target, *data, sectorsize, (w->sector + s) * sectorsize);
		return;
	}
	read_at(log, *data, bytes, w->log_pos);
	write_at(target, *data, bytes, w->sector * sectorsize);
}

int main(int argc, char **argv)
{
	struct log_write_super super;
	uint64_t nr, sectorsize, pos, i, from = 0, to = 0, seed = 0;
	int log, target = -1, replay, crash;
	char *block, *data = NULL;
	size_t data_cap = 0, nwrites = 0;
	struct pending_write *writes = NULL;

	replay = argc == 6 && !strcmp(argv[1], "replay");
	crash = argc == 7 && !strcmp(argv[1], "crash");
	if (!replay && !crash && !(argc == 3 && !strcmp(argv[1], "list"))) {
		fputs("usage: log-replay list <log>\n"
		      "       log-replay replay <log> <target> <from> <to>\n"
		      "       log-replay crash <log> <target> <from> <to> <seed>\n", stderr);
		return 2;
	}
	replay |= crash;
	log = open(argv[2], O_RDONLY);
	if (log < 0)
		die(argv[2]);
	if (replay) {
		target = open(argv[3], O_WRONLY);
		if (target < 0)
			die(argv[3]);
		from = strtoull(argv[4], NULL, 0);
		to = strtoull(argv[5], NULL, 0);
		if (crash)
			seed = strtoull(argv[6], NULL, 0);
	}

	read_at(log, &super, sizeof(super), 0);
	sectorsize = le32toh(super.sectorsize);
	errno = 0;
	if (le64toh(super.magic) != WRITE_LOG_MAGIC || le64toh(super.version) != WRITE_LOG_VERSION)
		die("not a dm-log-writes log (magic or version)");
	if (sectorsize < 512 || sectorsize > 65536 || (sectorsize & (sectorsize - 1)))
		die("bad sector size in the log");
	nr = le64toh(super.nr_entries);
	if (replay && to > nr)
		to = nr;
	if (replay && to > from) {
		writes = calloc(to - from, sizeof(*writes));
		if (!writes)
			die("malloc");
	}
	block = malloc(sectorsize);
	if (!block)
		die("malloc");

	/* Entry i sits in the sector after entry i-1 and its data. */
	pos = sectorsize;
	for (i = 0; i < nr && (!replay || i < to); i++) {
		struct log_write_entry e;
		uint64_t sector, count, flags, len, bytes;

		read_at(log, block, sectorsize, pos);
		memcpy(&e, block, sizeof(e));
		sector = le64toh(e.sector);
		count = le64toh(e.nr_sectors);
		flags = le64toh(e.flags);
		len = le64toh(e.data_len);
		pos += sectorsize;
		bytes = (flags & LOG_DISCARD_FLAG) ? 0 : count * sectorsize;
		if (!replay) {
			printf("%" PRIu64 " %" PRIu64 " %" PRIu64 " %s%s%s%s%s%s", i, sector, count,
			       flags & LOG_FLUSH_FLAG ? "F" : "", flags & LOG_FUA_FLAG ? "U" : "",
			       flags & LOG_DISCARD_FLAG ? "D" : "", flags & LOG_MARK_FLAG ? "M" : "",
			       flags & LOG_METADATA_FLAG ? "T" : "",
			       flags & (LOG_FLUSH_FLAG | LOG_FUA_FLAG | LOG_DISCARD_FLAG |
					LOG_MARK_FLAG | LOG_METADATA_FLAG) ? "" : "-");
			if (flags & LOG_MARK_FLAG) {
				if (len > sectorsize - sizeof(e)) {
					errno = 0;
					die("mark longer than its sector");
				}
				printf(" %.*s", (int)len, block + sizeof(e));
			}
			putchar('\n');
		} else if (i >= from && (bytes || (flags & LOG_DISCARD_FLAG))) {
			struct pending_write w = {
				.log_pos = pos, .sector = sector,
				.bytes = (flags & LOG_DISCARD_FLAG) ? count * sectorsize : bytes,
				.discard = !!(flags & LOG_DISCARD_FLAG),
			};

			/* A FUA write is durable once complete; the others maybe not. */
			if (!crash || (flags & LOG_FUA_FLAG) || (rand_r_u64(&seed) & 1))
				writes[nwrites++] = w;
		}
		pos += bytes;
	}
	if (crash) {
		/* Fisher-Yates: the cache writes back in any order. */
		for (size_t k = nwrites; k > 1; k--) {
			size_t j = rand_r_u64(&seed) % k;
			struct pending_write t = writes[k - 1];

			writes[k - 1] = writes[j];
			writes[j] = t;
		}
		fprintf(stderr, "log-replay: crash: kept %zu of %" PRIu64 " entries\n",
			nwrites, to > from ? to - from : 0);
	}
	for (size_t k = 0; k < nwrites; k++)
		write_entry(log, target, &writes[k], sectorsize, &data, &data_cap);
	if (replay && fsync(target))
		die("fsync of the target");
	return 0;
}
