#!/usr/bin/env python3
"""What a fresh page-cache page costs on this machine, and what drop-behind saves (BENCHMARKS.md, "Session 6").

Usage: python3 bench/probes/page-cost.py [DIR]   (DIR: on the journal's file system; default: the current directory)

Writes 1 GiB files in DIR and deletes them. Prints microseconds of this process's CPU (user + system) per 4 KiB page:
  1. write() into a new file, three times: at once, just after deleting the previous file (its pages were freed a
     moment ago), and 20 s later. On a VM whose balloon driver reports free memory to the hypervisor, the first and
     the last cost many times the second: the host must back the memory again.
  2. the journal's pattern through a shared mapping: madvise(MADV_POPULATE_WRITE) 4 MiB ahead of a writer that stores
     256 KiB at a time, without and with drop-behind (sync_file_range 4 MiB behind, and 12 MiB behind wait, then
     MADV_DONTNEED + POSIX_FADV_DONTNEED in 2 MiB steps), 4 s apart.
Linux only (MADV_POPULATE_WRITE needs 5.14+).
"""
import ctypes
import mmap
import os
import resource
import sys
import time

SIZE = 1 << 30
PAGES = SIZE // 4096
STEP = 256 << 10
DROP_STEP = 2 << 20
AHEAD, WRITE_LAG, EVICT_LAG = 4 << 20, 4 << 20, 12 << 20
MADV_DONTNEED, MADV_POPULATE_WRITE = 4, 23
SYNC_WAIT_BEFORE, SYNC_WRITE, SYNC_WAIT_AFTER = 1, 2, 4

libc = ctypes.CDLL(None, use_errno=True)
libc.sync_file_range.argtypes = [ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong, ctypes.c_uint]


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(label, path, body):
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC)
    try:
        start = cpu_seconds()
        body(fd)
        print(f"{label:58s} {(cpu_seconds() - start) * 1e6 / PAGES:6.2f} us CPU per page", flush=True)
    finally:
        os.close(fd)
        os.unlink(path)


def write_all(fd):
    chunk = bytes(1 << 20)
    for offset in range(0, SIZE, len(chunk)):
        os.pwrite(fd, chunk, offset)


def journal_pattern(drop_behind):
    def body(fd):
        os.ftruncate(fd, SIZE)
        mapping = mmap.mmap(fd, SIZE, mmap.MAP_SHARED)
        data = b"x" * STEP
        try:
            for offset in range(0, SIZE, STEP):
                if offset + AHEAD < SIZE:
                    mapping.madvise(MADV_POPULATE_WRITE, offset + AHEAD, STEP)
                mapping[offset:offset + STEP] = data
                if drop_behind and offset >= EVICT_LAG and offset % DROP_STEP == 0:
                    libc.sync_file_range(fd, offset - WRITE_LAG, DROP_STEP, SYNC_WRITE)
                    behind = offset - EVICT_LAG
                    libc.sync_file_range(fd, behind, DROP_STEP, SYNC_WAIT_BEFORE | SYNC_WRITE | SYNC_WAIT_AFTER)
                    mapping.madvise(MADV_DONTNEED, behind, DROP_STEP)
                    os.posix_fadvise(fd, behind, DROP_STEP, os.POSIX_FADV_DONTNEED)
        finally:
            mapping.close()
    return body


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "."
    path = os.path.join(directory, "sluice-page-cost.tmp")
    measure("write(), new file", path, write_all)
    measure("write(), just after deleting the previous one", path, write_all)
    time.sleep(20)
    measure("write(), 20 s later", path, write_all)
    time.sleep(4)
    measure("mapping: populate ahead, no drop-behind", path, journal_pattern(False))
    time.sleep(4)
    measure("mapping: populate ahead, drop-behind", path, journal_pattern(True))


if __name__ == "__main__":
    main()
