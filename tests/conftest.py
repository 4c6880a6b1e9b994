"""Shared test helpers: the fixture site on a local server, and a real ``scrapy crawl`` run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsbot.downloadermiddlewares.replay import FixtureSite, relocate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SCRAPY = str(Path(sys.executable).with_name("scrapy"))
LISTING_PATH = "/section/allArticles"

# Property tests draw the same examples on every run and keep no example database: a CI run
# passes or fails on the code, not on which random records it happened to draw.
settings.register_profile("newsbot", derandomize=True, database=None)
settings.load_profile("newsbot")


@pytest.fixture(scope="session")
def site() -> FixtureSite:
    return FixtureSite(FIXTURES)


@pytest.fixture(scope="session")
def fixture_server(site: FixtureSite) -> Iterator[HTTPServer]:
    """The fixture site on 127.0.0.1, every absolute site link pointed back at it."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)  # crawls send requests in parallel

    def handler(request: Request) -> Response:
        query = request.query_string.decode()
        page = site.find(request.path + (f"?{query}" if query else ""))
        if page is None:
            return Response("not in the fixture site", status=404)
        body = relocate(page.body(), origin(server))
        return Response(body, status=page.status, headers=page.headers)

    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    server.start()
    yield server
    server.clear()
    server.stop()


def origin(server: HTTPServer) -> str:
    return f"http://{server.host}:{server.port}"


@dataclass
class CrawlResult:
    returncode: int
    records: list[dict[str, Any]]
    log: str
    stats: dict[str, int]


_STAT = re.compile(r"'([a-z_][\w/.-]*)': (\d+)")


def run_crawl(tmp_path: Path, *args: str, output: str = "out.jsonl", spider: str = "joongang") -> CrawlResult:
    """``scrapy crawl <spider>`` as a user runs it, with the politeness delays off for speed."""
    out = tmp_path / output
    command = [
        SCRAPY, "crawl", spider, "-O", str(out),
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO",
        *args,
    ]  # fmt: skip
    env = {**os.environ, "NO_PROXY": "*", "no_proxy": "*"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    records = []
    if out.exists():
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    dump = done.stderr.split("Dumping Scrapy stats:", 1)[-1]
    stats = {key: int(value) for key, value in _STAT.findall(dump)}
    return CrawlResult(done.returncode, records, done.stderr, stats)
