"""HTTP API latency and throughput under load: `sugia serve` on loopback, wrk with 50
concurrent connections asking /api/search with queries drawn from the corpus's vocabulary
(names, places, forums, phrases, operators), on a 100,000-page base. Target: p95 <= 100 ms
for search, no errors.

Two runs: clients that send their next request as soon as the last is answered (saturation:
the throughput figure), and clients that pause between requests like people reading results
(`--think-ms`, mean pause, uniform in 0.5-1.5x; the way locust users behave).

usage: python benchmarks/bench_api.py --db BASE [--clients 50] [--duration 30] [--workers 2] [--think-ms 1000]
       (build BASE first: python benchmarks/bench_store.py --backends sqlite --db BASE)
Needs wrk (Debian package wrk).
"""
from __future__ import annotations

import argparse
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from bench_store import QUERIES
from corpus import FAMILY, GIVEN

PLACES = ["Hà Nội", "Viêng Chăn", "Bangkok", "Kazakhstan", "Nhật Bản", "Hoa Kỳ", "Liên bang Nga", "Ấn Độ", "Lào",
          "Campuchia", "Trung Quốc", "Hàn Quốc", "Singapore", "Australia", "Algeria", "Peru", "Chile", "New Zealand"]
WORDS = ["hợp tác", "kinh tế", "thương mại", "quốc phòng", "giáo dục", "biển", "an ninh", "đầu tư", "du lịch",
         "văn hóa", "năng lượng", "nông nghiệp", "y tế", "khoa học", "công nghệ", "lao động", "hòa bình"]

LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
math.randomseed(7)
request = function() return wrk.format(nil, paths[math.random(#paths)]) end
local think = %d
if think > 0 then delay = function() return math.random(think / 2, think * 3 / 2) end end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT %%d %%d %%.1f %%.1f %%.1f %%.1f\\n", summary.requests, errors, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def queries(n: int, seed: int = 1) -> list[str]:
    """Varied search requests: a person, a place, a topic, a place and topic, the store benchmark's queries."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        shape = rng.randrange(5)
        if shape == 0:
            q = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)} {rng.choice(GIVEN)}"
        elif shape == 1:
            q = rng.choice(PLACES)
        elif shape == 2:
            q = rng.choice(WORDS)
        elif shape == 3:
            q = f"{rng.choice(PLACES)} AND {rng.choice(WORDS)}"
        else:
            q = rng.choice(QUERIES)
        out.append(f"/api/search?q={quote(q)}&limit=20")
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the base to serve (SQLite path or postgresql:// URL)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--think-ms", type=int, default=1000, help="mean pause between a client's requests, second run")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench_api: wrk is not installed (apt-get install wrk)")
    port = free_port()
    sugia = str(Path(sys.executable).with_name("sugia"))
    server = subprocess.Popen([sugia, "serve", "--db", args.db, "--port", str(port), "--workers", str(args.workers)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=60).read()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    sys.exit("bench_api: the server did not start")
                time.sleep(0.5)
        with tempfile.TemporaryDirectory() as tmp:
            paths = Path(tmp, "paths.txt")
            paths.write_text("\n".join(queries(1000)) + "\n", encoding="utf-8")
            for path in queries(1000)[:50]:  # warm the server's caches and connections once
                urllib.request.urlopen(base + path, timeout=60).read()
            for think in (0, args.think_ms):
                script = Path(tmp, f"search{think}.lua")
                script.write_text(LUA % (paths, think), encoding="utf-8")
                run = subprocess.run(["wrk", "-t2", f"-c{args.clients}", f"-d{args.duration}s", "--timeout", "10s",
                                      "-s", str(script), base], capture_output=True, text=True, check=True)
                line = next(l for l in run.stdout.splitlines() if l.startswith("RESULT"))
                requests, errors, seconds, p50, p95, p99 = (float(x) for x in line.split()[1:])
                mode = "no pause" if not think else f"~{think} ms pause between requests"
                print(f"API /api/search, {args.clients} concurrent clients ({mode}), {args.workers} server workers,"
                      f" {seconds:.0f} s, 1,000 distinct queries: {requests / seconds:.1f} requests/s, p50 {p50:.1f} ms,"
                      f" p95 {p95:.1f} ms, p99 {p99:.1f} ms, errors {int(errors)} of {int(requests)}"
                      " (target p95 <= 100 ms, no errors)", flush=True)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
