"""The server under load, reads mixed with an ingest: `sugia serve` on loopback over a base of
at least 10,000 pages, wrk with 50 concurrent clients for 30 s asking a mix of searches, pages,
people, events, the timeline and stats — once with the server idle, once while an ingest job
(uploaded pages) runs. Prints requests/s, p50/p95/p99 and errors of each run. Target: 0 errors.

usage: python benchmarks/bench_load.py [--db BASE] [--pages 10000] [--clients 50] [--duration 30]
Builds BASE (generated pages, as bench_store.py does) when it does not exist. Needs wrk.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from bench_api import LUA, free_port, queries
from corpus import ROOT, base_pages, variants

from sugia.ingest import Writer
from sugia.store import Queries, open_store

TOKEN = "bench-token"


def build(db: str, pages: int) -> None:
    store = open_store(db)
    writer = Writer(store)
    folders = [ROOT / "examples" / "pages"]
    for n, page in enumerate(variants(base_pages(folders), pages), start=1):
        writer.add(page)
        if n % 5000 == 0:
            print(f"  built {n} pages", flush=True)
    store.close()


def mixed_paths(db: str, n: int = 1000) -> list[str]:
    """Searches (half), and the other reads a reader makes: people, a person, events, pages, stats."""
    base = Queries(open_store(db))
    people = [p["id"] for p in base.entities("person", None, 200)]
    reads = ["/api/stats", "/api/events?limit=20", "/api/people?limit=20", "/api/pages?limit=20", "/events",
             *(f"/api/people/{i}" for i in people[:50]), *(f"/person/{i}" for i in people[:20])]
    searches = queries(n // 2)
    return [searches[i // 2] if i % 2 == 0 else reads[i % len(reads)] for i in range(n)]


def upload_job(base: str, files: list[Path]) -> str:
    """Start an ingest job by uploading `files`; returns its id."""
    boundary = uuid.uuid4().hex
    body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{f.name}\"\r\n"
                    "Content-Type: application/octet-stream\r\n\r\n".encode() + f.read_bytes() + b"\r\n" for f in files)
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(base + "/api/ingest", data=body, method="POST", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["id"]


def load(base: str, paths_file: Path, tmp: str, clients: int, duration: int) -> str:
    script = Path(tmp, "mixed.lua")
    script.write_text(LUA % (paths_file, 0), encoding="utf-8")
    run = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), base],
                         capture_output=True, text=True, check=True)
    requests, errors, seconds, p50, p95, p99 = (float(x) for x in
                                                next(l for l in run.stdout.splitlines() if l.startswith("RESULT")).split()[1:])
    return (f"{requests / seconds:.1f} requests/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms,"
            f" errors {int(errors)} of {int(requests)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="the base (SQLite path); built when missing (default: a temporary file)")
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=30)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench_load: wrk is not installed (apt-get install wrk)")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp, "load.db"))
        if not Path(db).exists():
            print(f"building a base of {args.pages} pages ...", flush=True)
            build(db, args.pages)
        port = free_port()
        sugia = str(Path(sys.executable).with_name("sugia"))
        server = subprocess.Popen([sugia, "serve", "--db", db, "--port", str(port), "--token", TOKEN],
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(base + "/api/stats", timeout=60).read()
                    break
                except OSError:
                    time.sleep(0.5)
            paths = Path(tmp, "paths.txt")
            paths.write_text("\n".join(mixed_paths(db)) + "\n", encoding="utf-8")
            print(f"{args.clients} clients, {args.duration} s, mixed reads, idle server: "
                  f"{load(base, paths, tmp, args.clients, args.duration)}", flush=True)
            files = sorted((ROOT / "examples" / "pages").iterdir()) * 4
            job = upload_job(base, files)
            during = load(base, paths, tmp, args.clients, args.duration)
            state = json.load(urllib.request.urlopen(urllib.request.Request(
                f"{base}/api/ingest/{job}", headers={"Authorization": f"Bearer {TOKEN}"}), timeout=60))
            print(f"{args.clients} clients, {args.duration} s, mixed reads while ingesting {len(files)} uploaded files "
                  f"(job {state['state']}, {state['pages']} pages read): {during}", flush=True)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
