#!/usr/bin/python3
"""Soak benchmark: r3-gatewayd with 64 simulated contacts streaming at 100 Hz (r3-sim, 10
adapters), a real mosquitto and a subscriber, for a while. Every 10 s it samples the daemon's
RSS, CPU (% of one core), open fds, the bytes of the on-disk MQTT queue and the log lines per
hour; at the end it prints the table and writes it as CSV and an SVG plot.

  bench/soak/soak.py --build BUILD_DIR [--duration S (600)] [--out DIR (build-soak)]
  bench/soak/soak.py --build build --duration 3600      # the one-hour run

Each contact plays a short session (3 sets), then keeps streaming rest packets at 100 Hz: the
links, the pipelines and the live topic stay busy for the whole run.
"""
import argparse
import os
import signal
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "tests", "chaos"))
import chaos_drill  # noqa: E402  (the same room: bus, broker, capture, sim, gatewayd)

TICK = os.sysconf("SC_CLK_TCK")


def proc_sample(pid):
    with open(f"/proc/{pid}/status") as f:
        rss_kb = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu_s = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    return rss_kb, cpu_s, fds


def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def svg(rows, path):
    series = [("RSS MiB", 1, "#c33"), ("CPU %", 2, "#36c"), ("fds", 3, "#393"),
              ("queue KiB", 4, "#963"), ("log lines/h /100", 5, "#999")]
    w, h, pad = 900, 420, 50
    tmax = max(r[0] for r in rows) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{pad}" y="20">r3-gatewayd soak: 64 contacts at 100 Hz; each series scaled '
           f'to its own maximum (printed)</text>',
           f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="black"/>',
           f'<text x="{w // 2}" y="{h - 15}">time [s], 0..{tmax:.0f}</text>']
    for k, (name, col, color) in enumerate(series):
        vals = [r[col] / (100 if col == 5 else 1) for r in rows]
        vmax = max(vals) or 1
        pts = " ".join(f"{pad + (w - 2 * pad) * r[0] / tmax:.1f},"
                       f"{h - pad - (h - 2 * pad - 20) * v / vmax:.1f}" for r, v in zip(rows, vals))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="1.5"/>')
        out.append(f'<text x="{w - pad - 200}" y="{40 + 16 * k}" fill="{color}">{name} '
                   f'(max {vmax:.1f})</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--duration", type=float, default=600)
    ap.add_argument("--interval", type=float, default=10)
    ap.add_argument("--out", default="build-soak")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    room_args = argparse.Namespace(build=os.path.abspath(args.build), seed=1, contacts=64,
                                   sets=3, time_scale=1.0, duration=args.duration)
    work = os.path.abspath(os.path.join(args.out, "room"))
    os.makedirs(work, exist_ok=True)
    room = chaos_drill.Room(room_args, work)
    room.t0 = time.monotonic()
    room.kills = 0
    rows = []
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the room on SIGTERM too
    try:
        room.start_bus()
        room.start_broker()
        room.start_capture()
        room.write_config()
        # 64 contacts: 10 adapters of 7 slots; no faults, a clean room.
        room.spawn("sim", [f"{room_args.build}/sim/r3-sim", "--contacts", "64", "--adapters", "10",
                           "--seed", "1", "--sets", "3"], env=room.env)
        room.start_gatewayd()
        pid = room.procs["gatewayd"].pid
        log = os.path.join(work, "gatewayd.log")
        start = time.monotonic()
        _, cpu0, _ = proc_sample(pid)
        lines_prev = count_lines(log)
        t_prev, cpu_prev = start, cpu0
        print(f"{'t_s':>6} {'rss_mib':>8} {'cpu_pct':>8} {'fds':>5} {'queue_kib':>10} "
              f"{'log_lines_per_h':>16}", flush=True)
        while time.monotonic() - start < args.duration:
            time.sleep(args.interval)
            now = time.monotonic()
            rss_kb, cpu_s, fds = proc_sample(pid)
            lines = count_lines(log)
            row = (now - start, rss_kb / 1024, 100 * (cpu_s - cpu_prev) / (now - t_prev), fds,
                   dir_bytes(os.path.join(work, "state", "mqtt")) / 1024,
                   (lines - lines_prev) * 3600 / (now - t_prev))
            t_prev, cpu_prev, lines_prev = now, cpu_s, lines
            rows.append(row)
            print(f"{row[0]:6.0f} {row[1]:8.1f} {row[2]:8.1f} {row[3]:5d} {row[4]:10.1f} "
                  f"{row[5]:16.0f}", flush=True)
    finally:
        room.shutdown()
    with open(os.path.join(args.out, "soak.csv"), "w") as f:
        f.write("t_s,rss_mib,cpu_pct,fds,queue_kib,log_lines_per_h\n")
        for r in rows:
            f.write(",".join(f"{v:.2f}" for v in r) + "\n")
    if rows:
        svg(rows, os.path.join(args.out, "soak.svg"))
        warm = [r for r in rows if r[0] >= min(120, rows[-1][0] / 2)]
        print(f"soak: after warm-up RSS {min(r[1] for r in warm):.1f}-{max(r[1] for r in warm):.1f}"
              f" MiB, fds {min(r[3] for r in warm)}-{max(r[3] for r in warm)}, CPU mean "
              f"{sum(r[2] for r in warm) / len(warm):.1f} %; {args.out}/soak.csv, soak.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
