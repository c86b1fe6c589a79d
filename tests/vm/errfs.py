#!/usr/bin/python3
# A FUSE file system with one file, "disk", held in memory, whose reads fail
# with the errno a rule names: under a loop device with direct I/O (loop
# passes the backing file's errno on as a block status, errno_to_blk_status)
# it is a disk whose reads fail with errors other than EIO (ENOLINK gives
# BLK_STS_TRANSPORT, ENODEV BLK_STS_OFFLINE, ENOSPC BLK_STS_NOSPC), which no
# other in-kernel driver of Debian's 6.1 makes for reads. Speaks the kernel's
# FUSE protocol on /dev/fuse itself (no libfuse in the guest).
#
#   errfs.py <mountpoint> <size MiB> <rules file>
#
# Mounts, then serves until unmounted. Each line of the rules file is
# "<first byte> <end byte> <errno name> [<count>]": a read overlapping
# [first, end) fails with that errno, for the next <count> such reads only
# when a count is given; the first rule that applies wins. The file is read
# again whenever it changes (replace it with mv to change the rules). Every
# read is logged to stdout as "read <offset> <size> <errno name or OK>".
import errno
import os
import stat
import struct
import subprocess
import sys

FUSE_LOOKUP, FUSE_FORGET, FUSE_GETATTR, FUSE_SETATTR = 1, 2, 3, 4
FUSE_OPEN, FUSE_READ, FUSE_WRITE, FUSE_STATFS = 14, 15, 16, 17
FUSE_RELEASE, FUSE_FSYNC, FUSE_FLUSH, FUSE_INIT = 18, 20, 25, 26
FUSE_INTERRUPT, FUSE_DESTROY, FUSE_BATCH_FORGET = 36, 38, 42
NO_REPLY = (FUSE_FORGET, FUSE_INTERRUPT, FUSE_BATCH_FORGET)
ROOT, DISK = 1, 2
MAX_WRITE = 128 * 1024

mountpoint, size_mib, rules_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = bytearray(size_mib << 20)
rules, rules_stamp = [], None


def load_rules():
    global rules, rules_stamp
    try:
        st = os.stat(rules_path)
    except FileNotFoundError:
        rules, rules_stamp = [], None
        return
    stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
    if stamp == rules_stamp:
        return
    rules_stamp, rules = stamp, []
    with open(rules_path) as f:
        for line in f:
            w = line.split()
            if w:
                rules.append([int(w[0]), int(w[1]), w[2], int(w[3]) if len(w) > 3 else -1])


def read_error(off, size):
    load_rules()
    for r in rules:
        if r[3] != 0 and off < r[1] and r[0] < off + size:
            if r[3] > 0:
                r[3] -= 1
            return r[2]
    return None


def attr(node):
    if node == ROOT:
        mode, size, nlink = stat.S_IFDIR | 0o755, 0, 2
    else:
        mode, size, nlink = stat.S_IFREG | 0o644, len(data), 1
    # ino size blocks atime mtime ctime atimensec mtimensec ctimensec mode
    # nlink uid gid rdev blksize flags
    return struct.pack("<QQQQQQIIIIIIIIII", node, size, (size + 511) // 512,
                       0, 0, 0, 0, 0, 0, mode, nlink, 0, 0, 0, 4096, 0)


def main():
    fd = os.open("/dev/fuse", os.O_RDWR)
    os.makedirs(mountpoint, exist_ok=True)
    subprocess.run(["mount", "-t", "fuse", "-o",
                    f"fd={fd},rootmode=40000,user_id=0,group_id=0,allow_other",
                    "errfs", mountpoint], pass_fds=(fd,), check=True)
    sys.stdout.write("mounted\n")
    sys.stdout.flush()
    while True:
        try:
            req = os.read(fd, MAX_WRITE + 4096)
        except OSError as e:
            if e.errno == errno.ENODEV:     # unmounted
                return
            if e.errno in (errno.EINTR, errno.ENOENT):
                continue
            raise
        _, opcode, unique, node = struct.unpack_from("<IIQQ", req)
        body = req[40:]
        err, out = 0, b""
        if opcode == FUSE_INIT:
            major, minor, readahead, flags = struct.unpack_from("<IIII", body)
            # major minor max_readahead flags max_background
            # congestion_threshold max_write time_gran max_pages
            # map_alignment flags2 unused[7]
            out = struct.pack("<IIIIHHIIHHI28x", 7, 31, readahead, 0, 16, 12,
                              MAX_WRITE, 1, MAX_WRITE // 4096, 0, 0)
        elif opcode == FUSE_LOOKUP:
            if node == ROOT and body.rstrip(b"\0") == b"disk":
                out = struct.pack("<QQQQII", DISK, 0, 3600, 3600, 0, 0) + attr(DISK)
            else:
                err = errno.ENOENT
        elif opcode in (FUSE_GETATTR, FUSE_SETATTR):
            out = struct.pack("<QII", 3600, 0, 0) + attr(node)
        elif opcode == FUSE_OPEN:
            out = struct.pack("<QII", 0, 0, 0)
        elif opcode == FUSE_READ:
            _, off, size = struct.unpack_from("<QQI", body)
            name = read_error(off, size)
            print("read", off, size, name or "OK", flush=True)
            if name:
                err = getattr(errno, name)
            else:
                out = bytes(data[off:off + size])
        elif opcode == FUSE_WRITE:
            _, off, size = struct.unpack_from("<QQI", body)
            data[off:off + size] = body[40:40 + size]
            out = struct.pack("<II", size, 0)
        elif opcode in (FUSE_RELEASE, FUSE_FLUSH, FUSE_FSYNC):
            pass
        elif opcode == FUSE_STATFS:
            out = struct.pack("<QQQQQIIII24x", 0, 0, 0, 0, 0, 4096, 255, 4096, 0)
        elif opcode == FUSE_DESTROY:
            pass
        elif opcode in NO_REPLY:
            continue
        else:
            err = errno.ENOSYS
        os.write(fd, struct.pack("<IiQ", 16 + len(out), -err, unique) + out)


main()
