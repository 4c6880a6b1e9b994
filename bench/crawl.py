"""End-to-end ``scrapy crawl`` throughput and memory against a local server of article pages."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from bench.rivals import RIVALS

ROOT = Path(__file__).resolve().parent.parent
_PER_LISTING = 100


class ArticleSite:
    """``count`` article URLs served from a few page bodies, behind paged listings."""

    def __init__(self, bodies: list[bytes], count: int) -> None:
        self.bodies = bodies
        self.count = count
        #: Article pages served: what every crawler's pages/s is counted on.
        self.served = 0

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
            self.served += 1
            return self.bodies[int(match.group(1)) % len(self.bodies)]
        return None


class _Responder(asyncio.Protocol):
    """HTTP/1.1 with keep-alive, and no more: the server shares the cores the crawl is measured
    on, so it reads the request line, skips the headers and writes a ready answer."""

    def __init__(self, site: ArticleSite) -> None:
        self.site = site
        self.pending = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.pending += data
        while b"\r\n\r\n" in self.pending:  # GET requests: a head and no body
            head, self.pending = self.pending.split(b"\r\n\r\n", 1)
            parts = head.split(b" ", 2)
            body = self.site.answer(parts[1].decode("latin-1")) if len(parts) == 3 else None
            status = b"200 OK" if body is not None else b"404 Not Found"
            payload = body if body is not None else b"not here"
            self.transport.writelines(
                [
                    b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n",
                    payload,
                ]
            )


@contextmanager
def serving(site: ArticleSite) -> Iterator[str]:
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(lambda: _Responder(site), "127.0.0.1", 0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()


@dataclass
class CrawlRun:
    pages: int
    workers: int
    records: int
    seconds: float
    #: Article pages the server answered (a crawl that drops a page still fetched it).
    fetched: int
    peak_rss_mb: float
    #: CPU time per page of the crawl process itself, of the extraction workers, and of this
    #: process: the local server (and the sampling loop) that compete for the same cores.
    crawl_cpu_ms: float = 0.0
    worker_cpu_ms: float = 0.0
    server_cpu_ms: float = 0.0
    #: pages/s of every run of this configuration; the best one is this run.
    attempts: tuple[float, ...] = ()

    #: Which crawler ran: newsbot, or a rival of bench/rivals.py.
    crawler: str = "newsbot"

    @property
    def pages_per_second(self) -> float:
        return self.fetched / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "crawler": self.crawler,
            "pages": self.pages,
            "fetched": self.fetched,
            "workers": self.workers,
            "records": self.records,
            "seconds": round(self.seconds, 2),
            "pages_per_s": round(self.pages_per_second, 1),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "crawl_cpu_ms_per_page": round(self.crawl_cpu_ms, 2),
            "worker_cpu_ms_per_page": round(self.worker_cpu_ms, 2),
            "server_cpu_ms_per_page": round(self.server_cpu_ms, 2),
            "attempts_pages_per_s": [round(rate, 1) for rate in self.attempts or (self.pages_per_second,)],
        }


def fastest(
    bodies: list[bytes], pages: int, configurations: tuple[int, ...], repeat: int, concurrency: int = 32
) -> dict[int, CrawlRun]:
    """Each worker count crawled ``repeat`` times, interleaved so that a slow spell of the machine
    does not fall on one configuration only. The fastest run of each counts, as timeit counts its
    fastest: on a shared machine other load only ever slows a run down."""
    runs = [
        crawl(bodies, pages, workers, concurrency=concurrency)
        for _ in range(max(repeat, 1))
        for workers in configurations
    ]
    best = {}
    for workers in configurations:
        mine = [run for run in runs if run.workers == workers]
        winner = max(mine, key=lambda run: run.pages_per_second)
        best[workers] = dataclasses.replace(winner, attempts=tuple(run.pages_per_second for run in mine))
    return best


def _sample(process: psutil.Process, cpu: dict[int, float]) -> int:
    """RSS of the process tree now; each member's CPU time so far goes into ``cpu``.

    One walk of the process table a sample: the sampler runs on the cores it measures."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error), member.oneshot():  # a worker that just ended
            total += member.memory_info().rss
            cpu[member.pid] = sum(member.cpu_times()[:2])
    return total


def crawl(
    bodies: list[bytes], pages: int, workers: int, *extra: str, rival: str | None = None, concurrency: int = 32
) -> CrawlRun:
    """One crawl of ``pages`` articles: ``scrapy crawl joongang`` (``workers`` extraction
    processes, 0 for none), or with ``rival`` one of bench/rivals.py's spiders run outside the
    project. Peak RSS of the whole process tree; pages/s on the pages the server answered."""
    site = ArticleSite(bodies, pages)
    scrapy = str(Path(sys.executable).with_name("scrapy"))
    with serving(site) as origin, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        common = [
            "-O", str(out), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
            "-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
            "-s", "LOG_LEVEL=INFO", "-s", "TELNETCONSOLE_ENABLED=False",
        ]  # fmt: skip
        cwd = ROOT
        if rival is None:
            command = [scrapy, "crawl", "joongang", "-a", f"start_urls={origin}/bench/list?page=0", *common, *extra]
            if workers >= 0:  # -1: the default (one per core)
                command += ["-s", f"NEWSBOT_WORKERS={workers}"]
        else:
            script = Path(tmp) / "rival.py"
            script.write_text(RIVALS[rival], encoding="utf-8")
            cwd = Path(tmp)  # outside the project: none of newsbot's settings apply
            command = [scrapy, "runspider", str(script), "-a", f"start={origin}/bench/list?page=0", *common, *extra]
        log = Path(tmp) / "crawl.log"
        server_start = time.process_time()
        with log.open("w") as log_file:
            process = subprocess.Popen(command, cwd=cwd, stdout=log_file, stderr=subprocess.STDOUT)
            watched = psutil.Process(process.pid)
            peak, cpu = 0, dict[int, float]()
            while process.poll() is None:
                with contextlib.suppress(psutil.Error):  # the crawl that just ended
                    peak = max(peak, _sample(watched, cpu))
                time.sleep(0.1)
            own = cpu.pop(process.pid, 0.0)
        server_cpu = time.process_time() - server_start
        text = log.read_text()
        if process.returncode != 0:
            raise RuntimeError(f"the benchmark crawl failed:\n{text[-3000:]}")
        elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", text)
        records = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
        seconds = float(elapsed.group(1)) if elapsed else 0.0
        per_page = 1000 / max(site.served, 1)
        return CrawlRun(
            pages,
            workers,
            records,
            seconds,
            site.served,
            peak / 2**20,
            own * per_page,
            sum(cpu.values()) * per_page,
            server_cpu * per_page,
            crawler=rival or "newsbot",
        )


#: The crawlers of the three-way comparison, in the order they are printed.
CRAWLERS = ("bare", "trafilatura", "newsbot")


def compare(bodies: list[bytes], pages: int, repeat: int, concurrency: int = 16) -> dict[str, CrawlRun]:
    """Bare Scrapy, the naive trafilatura spider and newsbot (its default workers, monitor and
    validation on) against the same server, each ``repeat`` times interleaved; the fastest run
    of each counts."""
    runs: list[CrawlRun] = []
    for _ in range(max(repeat, 1)):
        for crawler in CRAWLERS:
            rival = None if crawler == "newsbot" else crawler
            runs.append(crawl(bodies, pages, -1, rival=rival, concurrency=concurrency))
    best = {}
    for crawler in CRAWLERS:
        mine = [run for run in runs if run.crawler == crawler]
        winner = max(mine, key=lambda run: run.pages_per_second)
        best[crawler] = dataclasses.replace(winner, attempts=tuple(run.pages_per_second for run in mine))
    return best
