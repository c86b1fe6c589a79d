// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * dm-remap-member: tells udev whether a disk belongs to a pair recorded in
 * /var/lib/dm-remap/pairs (docs/udev.md), so that 56-dm-remap.rules can hide
 * it the way multipath-tools hides its path devices. Called with
 * IMPORT{program}; prints udev properties for a member and nothing for any
 * other disk.
 *
 * A disk is the spare of a record when one of its two superblock copies is
 * valid and carries the record's uuid; it is the main disk when its identity
 * (what the helper's Validation::mainIdFor gives for its WWN or serial, read
 * from sysfs as the helper reads it, with udev's properties as fallback) and
 * its size equal the record's main-id and main-sectors.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/fs.h>

#include "remap-metadata.h"

#define DEFAULT_PAIRS "/var/lib/dm-remap/pairs"
/* Bounded work on any record: a real one holds a handful of short lines. */
#define MAX_RECORD_BYTES (1024 * 1024)
#define MAX_VALUE 64
/* Validation::sanitize keeps 128 characters of a sysfs or udev value. */
#define MAX_RAW_ID 128
#define ID_LEN 63

struct pair {
	char name[MAX_VALUE];
	u8 uuid[REMAP_META_UUID_BYTES];
	char main_id[MAX_VALUE];
	u64 main_sectors;
	/* The disk the main disk is being copied to (ReplaceMain), if any. */
	char replace_id[MAX_VALUE];
	u64 replace_sectors;
};

static const char *program = "dm-remap-member";

static bool is_value_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == ':' || c == '-';
}

static bool parse_sectors(const char *s, u64 *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return !errno && !*end && *out > 0;
}

static bool parse_uuid(const char *s, u8 *uuid)
{
	if (strlen(s) != 2 * REMAP_META_UUID_BYTES)
		return false;
	for (int i = 0; i < REMAP_META_UUID_BYTES; i++) {
		unsigned int byte = 0;

		for (int k = 0; k < 2; k++) {
			char c = s[2 * i + k];

			if (c >= '0' && c <= '9')
				byte = byte * 16 + (unsigned int)(c - '0');
			else if (c >= 'a' && c <= 'f')
				byte = byte * 16 + (unsigned int)(c - 'a' + 10);
			else
				return false;
		}
		uuid[i] = (u8)byte;
	}
	return true;
}

/*
 * One "pair key=value ..." line (docs/dbus-api.md, "Pair record": unknown keys are ignored). Returns
 * NULL when the line is a valid pair, else what is wrong with it.
 */
static const char *parse_pair_line(char *line, struct pair *p)
{
	bool has_name = false, has_uuid = false, has_id = false, has_sectors = false;
	char *save = NULL, *token;

	memset(p, 0, sizeof(*p));
	token = strtok_r(line, " \t", &save);
	if (!token || strcmp(token, "pair"))
		return "not a \"pair\" line";
	while ((token = strtok_r(NULL, " \t", &save))) {
		char *value = strchr(token, '=');

		if (!value || value == token)
			return "a token is not key=value";
		*value++ = '\0';
		if (!*value || strlen(value) >= MAX_VALUE)
			return "a value is empty or longer than 63 characters";
		for (const char *c = value; *c; c++)
			if (!is_value_char(*c))
				return "a value has a character outside [A-Za-z0-9._:-]";
		if (!strcmp(token, "name")) {
			strcpy(p->name, value);
			has_name = true;
		} else if (!strcmp(token, "uuid")) {
			if (!parse_uuid(value, p->uuid))
				return "uuid is not 32 lowercase hex digits";
			has_uuid = true;
		} else if (!strcmp(token, "main-id")) {
			strcpy(p->main_id, value);
			has_id = true;
		} else if (!strcmp(token, "main-sectors")) {
			if (!parse_sectors(value, &p->main_sectors))
				return "main-sectors is not a positive number";
			has_sectors = true;
		} else if (!strcmp(token, "replace-id")) {
			strcpy(p->replace_id, value);
		} else if (!strcmp(token, "replace-sectors")) {
			if (!parse_sectors(value, &p->replace_sectors))
				return "replace-sectors is not a positive number";
		}
	}
	if (!p->replace_id[0] != !p->replace_sectors)
		return "replace-id and replace-sectors come together";
	if (!has_name || !has_uuid || !has_id || !has_sectors)
		return "name, uuid, main-id or main-sectors is missing";
	return NULL;
}

/* Reads the whole record; *count pairs, malformed lines reported and skipped. */
static struct pair *read_pairs(const char *path, size_t *count)
{
	struct pair *pairs = NULL;
	size_t used = 0, line_no = 0;
	char *text, *line;
	ssize_t got;
	size_t size = 0;
	int fd;

	*count = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return NULL; /* no pair recorded yet */
		fprintf(stderr, "%s: cannot open %s: %s\n", program, path, strerror(errno));
		exit(1);
	}
	text = malloc(MAX_RECORD_BYTES + 1);
	if (!text) {
		fprintf(stderr, "%s: out of memory\n", program);
		exit(1);
	}
	while (size <= MAX_RECORD_BYTES &&
	       (got = read(fd, text + size, MAX_RECORD_BYTES + 1 - size)) > 0)
		size += (size_t)got;
	if (got < 0) {
		fprintf(stderr, "%s: cannot read %s: %s\n", program, path, strerror(errno));
		exit(1);
	}
	close(fd);
	if (size > MAX_RECORD_BYTES) {
		fprintf(stderr, "%s: %s is larger than %d bytes\n", program, path, MAX_RECORD_BYTES);
		exit(1);
	}
	text[size] = '\0';
	if (memchr(text, '\0', size)) {
		fprintf(stderr, "%s: %s is not a text file\n", program, path);
		exit(1);
	}
	/* At most one pair per two bytes of text, so this is always enough. */
	pairs = calloc(size / 2 + 1, sizeof(*pairs));
	if (!pairs) {
		fprintf(stderr, "%s: out of memory\n", program);
		exit(1);
	}
	for (char *p = text; (line = strsep(&p, "\n")); ) {
		const char *problem;
		char *start = line;

		line_no++;
		while (*start == ' ' || *start == '\t')
			start++;
		if (!*start || *start == '#')
			continue;
		problem = parse_pair_line(start, &pairs[used]);
		if (problem) {
			fprintf(stderr, "%s: %s line %zu ignored: %s\n", program, path, line_no, problem);
			continue;
		}
		used++;
	}
	free(text);
	*count = used;
	return pairs;
}

/*
 * Validation::mainIdFor(wwn, serial) on one raw value: sanitize() (tab and
 * newline to a space, other control characters to '?', trimmed, 128
 * characters), then reduceToIdCharacters() (only [A-Za-z0-9._:-], a run of
 * spaces to one '_', no trailing '_', 63 characters). Non-ASCII characters
 * are dropped there, so each UTF-8 sequence only counts as one character.
 */
static void id_from_raw(const char *raw, size_t len, char *out)
{
	char clean[MAX_RAW_ID + 1];
	size_t n = 0, o = 0, start = 0, end;

	for (size_t i = 0; i < len && n < MAX_RAW_ID; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c >= 0x80 && c < 0xc0)
			continue; /* continuation byte of a character already counted */
		if (c == '\t' || c == '\n')
			c = ' ';
		else if (c < 0x20 || c == 0x7f)
			c = '?';
		clean[n++] = (char)c;
	}
	end = n;
	while (start < end && clean[start] == ' ')
		start++;
	while (end > start && clean[end - 1] == ' ')
		end--;
	for (size_t i = start; i < end; i++) {
		char c = clean[i];

		if (is_value_char(c))
			out[o++] = c;
		else if (c == ' ' && (o == 0 || out[o - 1] != '_'))
			out[o++] = '_';
	}
	while (o > 0 && out[o - 1] == '_')
		o--;
	if (o > ID_LEN)
		o = ID_LEN;
	out[o] = '\0';
}

/* Up to 4 KiB of a sysfs attribute; 0 bytes when it is absent. */
static size_t read_attr(const char *dir, const char *name, char *buf, size_t size)
{
	char path[PATH_MAX];
	ssize_t got;
	int fd;

	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path))
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	got = read(fd, buf, size);
	close(fd);
	return got > 0 ? (size_t)got : 0;
}

static bool is_wwn(const char *id)
{
	return !strncmp(id, "naa.", 4) || !strncmp(id, "eui.", 4) || !strncmp(id, "uuid.", 5);
}

/* The helper's DiskInfo::mainId() for the disk whose sysfs directory is sys. */
static void disk_main_id(const char *sys, char *out)
{
	char real[PATH_MAX], buf[4096], wwid[MAX_VALUE], serial[MAX_VALUE];
	const char *name, *env;
	size_t len;

	if (!realpath(sys, real))
		snprintf(real, sizeof(real), "%s", sys);
	name = strrchr(real, '/');
	name = name ? name + 1 : real;

	serial[0] = '\0';
	if (!strncmp(name, "nvme", 4)) {
		len = read_attr(real, "device/serial", buf, sizeof(buf));
		id_from_raw(buf, len, serial);
	} else if (strstr(real, "/virtio") && !strstr(real, "/usb")) {
		len = read_attr(real, "serial", buf, sizeof(buf));
		id_from_raw(buf, len, serial);
	} else {
		/* SCSI VPD page 0x80: a 4-byte header, then the serial. */
		len = read_attr(real, "device/vpd_pg80", buf, sizeof(buf));
		if (len >= 4 && (unsigned char)buf[1] == 0x80) {
			size_t page = ((size_t)(unsigned char)buf[2] << 8) | (unsigned char)buf[3];

			id_from_raw(buf + 4, page < len - 4 ? page : len - 4, serial);
		}
	}
	env = getenv("ID_SERIAL_SHORT");
	if (!serial[0] && env)
		id_from_raw(env, strlen(env), serial);

	len = read_attr(real, "wwid", buf, sizeof(buf));
	if (!len)
		len = read_attr(real, "device/wwid", buf, sizeof(buf));
	id_from_raw(buf, len, wwid);
	if (!is_wwn(wwid)) {
		env = getenv("ID_WWN_WITH_EXTENSION");
		id_from_raw(env ? env : "", env ? strlen(env) : 0, wwid);
	}
	strcpy(out, wwid[0] ? wwid : serial);
}

static void usage(void)
{
	fprintf(stderr,
		"usage: %s [--pairs FILE] [--sysfs DIR] DEVICE\n"
		"Prints DM_REMAP_MEMBER=1, DM_REMAP_PAIR=<name> and DM_REMAP_ROLE=main|spare\n"
		"when DEVICE is a disk of a pair recorded in FILE (default %s); nothing\n"
		"otherwise. DIR is the disk's sysfs directory (default: /sys$DEVPATH, or\n"
		"/sys/class/block/<name of DEVICE>).\n",
		program, DEFAULT_PAIRS);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *pairs_path = DEFAULT_PAIRS, *sys = NULL, *device = NULL;
	/* Aligned for O_DIRECT on disks of up to 4096-byte logical blocks. */
	static u8 head[2 * REMAP_META_BLOCK_BYTES] __attribute__((aligned(4096)));
	char sys_buf[PATH_MAX], main_id[MAX_VALUE];
	struct remap_meta_sb copies[2];
	bool copy_valid[2] = { false, false };
	struct pair *pairs;
	size_t count;
	u64 bytes = 0;
	struct stat st;
	ssize_t got;
	int fd;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pairs") && i + 1 < argc)
			pairs_path = argv[++i];
		else if (!strcmp(argv[i], "--sysfs") && i + 1 < argc)
			sys = argv[++i];
		else if (argv[i][0] == '-' || device)
			usage();
		else
			device = argv[i];
	}
	if (!device)
		usage();

	pairs = read_pairs(pairs_path, &count);
	if (!count)
		return 0;

	/*
	 * O_DIRECT: the kernel target writes the spare's superblock beneath the
	 * page cache, which keeps what blkid read before (the erased disk) for
	 * as long as anyone holds the disk open, and the pair's device always
	 * does. An image file on a file system without O_DIRECT is read
	 * through the cache.
	 */
	fd = open(device, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_DIRECT);
	if (fd < 0 && errno == EINVAL)
		fd = open(device, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st)) {
		fprintf(stderr, "%s: cannot open %s: %s\n", program, device, strerror(errno));
		return 1;
	}
	if (S_ISBLK(st.st_mode)) {
		if (ioctl(fd, BLKGETSIZE64, &bytes)) {
			fprintf(stderr, "%s: cannot get the size of %s: %s\n", program, device,
				strerror(errno));
			return 1;
		}
	} else if (S_ISREG(st.st_mode)) {
		bytes = (u64)st.st_size; /* an image file, for the tests */
	} else {
		fprintf(stderr, "%s: %s is not a block device\n", program, device);
		return 1;
	}
	got = pread(fd, head, sizeof(head), 0);
	if (got < 0 && errno == EINVAL && !fcntl(fd, F_SETFL, O_NONBLOCK))
		got = pread(fd, head, sizeof(head), 0); /* a disk whose blocks O_DIRECT cannot read alone */
	if (got < 0) {
		fprintf(stderr, "%s: cannot read %s: %s\n", program, device, strerror(errno));
		return 1;
	}
	close(fd);
	for (unsigned int copy = 0; copy < 2; copy++) {
		u64 offset = remap_meta_sb_sector(copy) * 512;

		if ((u64)got >= offset + REMAP_META_BLOCK_BYTES)
			copy_valid[copy] = !remap_meta_sb_decode(head + offset, &copies[copy]);
	}

	for (size_t i = 0; i < count; i++) {
		for (unsigned int copy = 0; copy < 2; copy++) {
			if (copy_valid[copy] &&
			    !memcmp(copies[copy].uuid, pairs[i].uuid, REMAP_META_UUID_BYTES)) {
				printf("DM_REMAP_MEMBER=1\nDM_REMAP_PAIR=%s\nDM_REMAP_ROLE=spare\n",
				       pairs[i].name);
				return 0;
			}
		}
	}

	if (!sys) {
		const char *devpath = getenv("DEVPATH");
		const char *base = strrchr(device, '/');

		if (devpath)
			snprintf(sys_buf, sizeof(sys_buf), "/sys%s", devpath);
		else
			snprintf(sys_buf, sizeof(sys_buf), "/sys/class/block/%s",
				 base ? base + 1 : device);
		sys = sys_buf;
	}
	disk_main_id(sys, main_id);
	if (!main_id[0])
		return 0;
	for (size_t i = 0; i < count; i++) {
		if (!strcmp(main_id, pairs[i].main_id) && bytes / 512 == pairs[i].main_sectors &&
		    bytes % 512 == 0) {
			printf("DM_REMAP_MEMBER=1\nDM_REMAP_PAIR=%s\nDM_REMAP_ROLE=main\n",
			       pairs[i].name);
			return 0;
		}
		if (pairs[i].replace_id[0] && !strcmp(main_id, pairs[i].replace_id) &&
		    bytes / 512 == pairs[i].replace_sectors && bytes % 512 == 0) {
			printf("DM_REMAP_MEMBER=1\nDM_REMAP_PAIR=%s\nDM_REMAP_ROLE=replacement\n",
			       pairs[i].name);
			return 0;
		}
	}
	return 0;
}
