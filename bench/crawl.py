"""End-to-end ``scrapy crawl`` throughput and memory against a local server of article pages."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
_PER_LISTING = 100


class ArticleSite:
    """``count`` article URLs served from a few page bodies, behind paged listings."""

    def __init__(self, bodies: list[bytes], count: int) -> None:
        self.bodies = bodies
        self.count = count

    def article_path(self, number: int) -> str:
        return f"/news/2025-01-{number % 28 + 1:02d}/national/politics/Bench-{number}/{3_000_000 + number}"

    def listing(self, page: int) -> bytes:
        start = page * _PER_LISTING
        links = "".join(
            f"<a href='{self.article_path(n)}'>story {n}</a>"
            for n in range(start, min(start + _PER_LISTING, self.count))
        )
        more = f"<a rel='next' href='/bench/list?page={page + 1}'>More</a>" if start + _PER_LISTING < self.count else ""
        return f"<html><body>{links}{more}</body></html>".encode()

    def answer(self, path: str) -> bytes | None:
        if path.startswith("/bench/list"):
            match = re.search(r"page=(\d+)", path)
            return self.listing(int(match.group(1)) if match else 0)
        match = re.match(r"^/news/[^/]+/national/politics/Bench-(\d+)/\d+$", path)
        if match and int(match.group(1)) < self.count:
            return self.bodies[int(match.group(1)) % len(self.bodies)]
        return None


@contextmanager
def serving(site: ArticleSite) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = site.answer(self.path)
            self.send_response(200 if body is not None else 404)
            payload = body if body is not None else b"not here"
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class CrawlRun:
    pages: int
    workers: int
    records: int
    seconds: float
    peak_rss_mb: float
    #: CPU time per page of the crawl process itself, of the extraction workers, and of this
    #: process: the local server (and the sampling loop) that compete for the same cores.
    crawl_cpu_ms: float = 0.0
    worker_cpu_ms: float = 0.0
    server_cpu_ms: float = 0.0

    @property
    def pages_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "pages": self.pages,
            "workers": self.workers,
            "records": self.records,
            "seconds": round(self.seconds, 2),
            "pages_per_s": round(self.pages_per_second, 1),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "crawl_cpu_ms_per_page": round(self.crawl_cpu_ms, 2),
            "worker_cpu_ms_per_page": round(self.worker_cpu_ms, 2),
            "server_cpu_ms_per_page": round(self.server_cpu_ms, 2),
        }


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a worker that just ended
            total += member.memory_info().rss
    return total


def crawl(bodies: list[bytes], pages: int, workers: int, *extra: str) -> CrawlRun:
    """One ``scrapy crawl joongang`` over ``pages`` articles; peak RSS of the whole process tree."""
    site = ArticleSite(bodies, pages)
    with serving(site) as origin, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        command = [
            str(Path(sys.executable).with_name("scrapy")), "crawl", "joongang", "-O", str(out),
            "-a", f"start_urls={origin}/bench/list?page=0", "-s", f"NEWSBOT_WORKERS={workers}",
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "CONCURRENT_REQUESTS=32", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32",
            "-s", "NEWSBOT_MONITOR_ENABLED=False", "-s", "LOG_LEVEL=INFO", *extra,
        ]  # fmt: skip
        log = Path(tmp) / "crawl.log"
        server_start = time.process_time()
        with log.open("w") as log_file:
            process = subprocess.Popen(command, cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT)
            watched = psutil.Process(process.pid)
            peak, own, workers_cpu = 0, 0.0, {}
            while process.poll() is None:
                peak = max(peak, _tree_rss(watched))
                with contextlib.suppress(psutil.Error):
                    own = sum(watched.cpu_times()[:2])
                    for child in watched.children(recursive=True):
                        workers_cpu[child.pid] = sum(child.cpu_times()[:2])
                time.sleep(0.1)
        server_cpu = time.process_time() - server_start
        text = log.read_text()
        if process.returncode != 0:
            raise RuntimeError(f"the benchmark crawl failed:\n{text[-3000:]}")
        elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", text)
        records = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
        seconds = float(elapsed.group(1)) if elapsed else 0.0
        per_page = 1000 / max(records, 1)
        return CrawlRun(
            pages,
            workers,
            records,
            seconds,
            peak / 2**20,
            own * per_page,
            sum(workers_cpu.values()) * per_page,
            server_cpu * per_page,
        )
