#!/usr/bin/python3
"""What a flush costs on this disk, for the durability window of the MQTT queue
(docs/mqtt-api.md, "Power loss"): a 300-byte file written and fsync'ed (a flush per message, as
Paho's queue files are about that size) against one syncfs() of the whole filesystem (the group
commit).   bench/disk_flush_cost.py [DIR (default /var/tmp)] [N (default 50)]"""
import ctypes
import os
import statistics
import sys
import tempfile
import time

base = sys.argv[1] if len(sys.argv) > 1 else "/var/tmp"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
libc = ctypes.CDLL(None, use_errno=True)
with tempfile.TemporaryDirectory(dir=base) as d:
    per_file = []
    for i in range(n):
        t = time.perf_counter()
        fd = os.open(os.path.join(d, f"m-{i}"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, b"x" * 300)
        os.fsync(fd)
        os.close(fd)
        per_file.append(time.perf_counter() - t)
    group = []
    dfd = os.open(d, os.O_RDONLY)
    for i in range(max(3, n // 10)):
        fd = os.open(os.path.join(d, f"g-{i}"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, b"x" * 300)
        os.close(fd)
        t = time.perf_counter()
        libc.syncfs(dfd)
        group.append(time.perf_counter() - t)
    os.close(dfd)
ms = lambda v: f"median {1000 * statistics.median(v):.1f} ms, max {1000 * max(v):.1f} ms"
print(f"write + fsync of one 300-byte file: {ms(per_file)} ({len(per_file)} runs): "
      f"at most {1 / statistics.median(per_file):.0f} messages/s flushed one by one")
print(f"syncfs() of the filesystem: {ms(group)} ({len(group)} runs)")
