"""Where the crawl process's time goes per page: ``python -m bench.profile``.

Runs ``scrapy crawl joongang`` on the small pages of the three-way crawl (the JoongAng Daily
fixture articles under a local server, 16 concurrent requests, default workers) under py-spy
(``pip install -e '.[profile]'``), and prints the crawl process's time a page by kind of work.
Each sample is charged to the innermost frame that belongs to a kind, so the feed exporter's
JSON encoding counts as "feed", not as Scrapy's signal dispatch that called it. Samples of a
thread waiting (a poll, a lock, a condition) are left out: that is no work. The workers'
own time is not in this table: ``python -m bench`` prints it beside the crawl process's.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.crawl import ROOT, ArticleSite, serving
from newsbot.downloadermiddlewares.replay import FixtureSite

#: Kind of work -> path fragments of its frames; the first kind whose fragment a frame holds.
KINDS: dict[str, tuple[str, ...]] = {
    "startup and imports": ("importlib._bootstrap", "_create_engine", "Crawler.__init__"),
    "feed: JSON encoding and the write of each record": (
        "newsbot/exporters.py",
        "newsbot/extensions/feeds.py",
        "scrapy/extensions/feedexport.py",
        "scrapy/exporters.py",
        "json/encoder.py",
    ),
    "hand-off to the workers and back": (
        "newsbot/pipelines/extract.py",
        "newsbot/extraction/pool.py",
        "concurrent/futures/",
        "multiprocessing/",
    ),
    "schema validation": ("newsbot/pipelines/validate.py", "newsbot/schema/"),
    "scope and seen-store pipelines": ("newsbot/pipelines/scope.py", "newsbot/pipelines/incremental.py"),
    "crawl monitor and summary": ("newsbot/extensions/monitor.py", "newsbot/extensions/summary.py"),
    "newsbot's downloader middlewares": ("newsbot/downloadermiddlewares/",),
    "spider: listings, article requests, pages": ("newsbot/spiders/", "newsbot/discovery/", "newsbot/profiles/"),
}
OTHER = "Scrapy, Twisted and asyncio themselves"
# Leaves of a thread that waits rather than works.
_WAITING = ("select (", "wait (", "poll (", "acquire (", "Condition.wait", "_recv (", "sleep (")


def kind_of(frames: list[str]) -> str:
    for frame in reversed(frames):
        for kind, fragments in KINDS.items():
            if any(fragment in frame for fragment in fragments):
                return kind
    return OTHER


def tally(raw: str) -> Counter[str]:
    """Samples by kind of work from py-spy's raw (collapsed stack) output."""
    found: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")[1:]  # the first is the thread
        if not frames or not count.isdigit() or any(word in frames[-1] for word in _WAITING):
            continue
        found[kind_of(frames)] += int(count)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--rate", type=int, default=250, help="samples a second")
    args = parser.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        print("py-spy is not installed: pip install -e '.[profile]'", file=sys.stderr)
        return 2
    bodies = [page.body() for page in FixtureSite(ROOT / "fixtures").articles if page.name.startswith("articles/")]
    site = ArticleSite(bodies, args.pages)
    scrapy = str(Path(sys.executable).with_name("scrapy"))
    with serving(site) as origin, tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "samples.txt"
        command = [
            spy, "record", "--rate", str(args.rate), "--format", "raw", "--threads", "--output", str(raw), "--",
            scrapy, "crawl", "joongang", "-a", f"start_urls={origin}/bench/list?page=0",
            "-O", str(Path(tmp) / "out.jsonl"),
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING",
            "-s", "TELNETCONSOLE_ENABLED=False",
        ]  # fmt: skip
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        samples = tally(raw.read_text())
    per_sample_ms = 1000 / args.rate
    pages = max(site.served, 1)
    total = sum(samples.values())
    print(f"crawl process, {pages} small pages, {args.rate} samples/s: ms of CPU a page by kind of work\n")
    print("| kind of work | ms/page | share |\n|---|---|---|")
    for kind, count in samples.most_common():
        print(f"| {kind} | {count * per_sample_ms / pages:.3f} | {count / total:.0%} |")
    print(f"| all | {total * per_sample_ms / pages:.3f} | 100% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
