// SPDX-License-Identifier: GPL-2.0-only
/*
 * log-replay: reads a dm-log-writes log (format: drivers/md/dm-log-writes.c,
 * Documentation/admin-guide/device-mapper/log-writes.rst) and replays it.
 *
 *   log-replay list <log>                   one line per entry:
 *                                           <index> <sector> <sectors> <flags> [mark]
 *   log-replay replay <log> <target> <from> <to>
 *                                           writes entries from..to-1 to target
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

int main(int argc, char **argv)
{
	struct log_write_super super;
	uint64_t nr, sectorsize, pos, i, from = 0, to = 0;
	int log, target = -1, replay;
	char *block, *data = NULL;
	size_t data_cap = 0;

	replay = argc == 6 && !strcmp(argv[1], "replay");
	if (!replay && !(argc == 3 && !strcmp(argv[1], "list"))) {
		fputs("usage: log-replay list <log>\n"
		      "       log-replay replay <log> <target> <from> <to>\n", stderr);
		return 2;
	}
	log = open(argv[2], O_RDONLY);
	if (log < 0)
		die(argv[2]);
	if (replay) {
		target = open(argv[3], O_WRONLY);
		if (target < 0)
			die(argv[3]);
		from = strtoull(argv[4], NULL, 0);
		to = strtoull(argv[5], NULL, 0);
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
		} else if (i >= from && bytes) {
			if (bytes > data_cap) {
				free(data);
				data = malloc(bytes);
				if (!data)
					die("malloc");
				data_cap = bytes;
			}
			read_at(log, data, bytes, pos);
			write_at(target, data, bytes, sector * sectorsize);
		} else if (i >= from && (flags & LOG_DISCARD_FLAG)) {
			/* The spare never sees discards (not advertised); zero if one does. */
			memset(block, 0, sectorsize);
			for (uint64_t s = 0; s < count; s++)
				write_at(target, block, sectorsize, (sector + s) * sectorsize);
		}
		pos += bytes;
	}
	if (replay && fsync(target))
		die("fsync of the target");
	return 0;
}
