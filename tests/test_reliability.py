"""Faults, bad pages and restarts: every good article is written exactly once, every other
page is a counted drop with one log line, and no record breaks the schema."""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest
from werkzeug import Request, Response

from newsbot.downloadermiddlewares.replay import FixtureSite, relocate
from newsbot.schema import record_errors
from newsbot.stores import seen
from tests.conftest import ROOT, SCRAPY, run_crawl
from tests.sites import Handler, ResetServer, Site, flaky, redirect, stall, status, truncated

GOOD = {
    "2021-10-13-diplomacy-security-advisers": "20211013183600363",
    "2022-05-02-economy-chip-exports": "20220502173012345",
    "2023-09-20-social-affairs-heatwave": "1873456",
    "2025-05-14-tech-ai-chips": "20250514",
}
HANGUL = "김장철이 다가오면서 여름철 급등했던 배추 가격이 하락세를 보이고 있다."
STORY = "".join(
    f"<p>Paragraph {n} of a story that a redesign put into markup no layout describes, with words.</p>"
    for n in range(6)
)


def fault(slug: str, number: int) -> str:
    return f"/news/2025-01-{number % 28 + 1:02d}/national/politics/{slug}/{2700000 + number}"


def story_page(title: str, body: str, charset_meta: str = "") -> str:
    return (
        f"<html><head>{charset_meta}<title>{title} - Korea JoongAng Daily</title></head>"
        f"<body><div class='x'><h1>{title}</h1>{body}</div></body></html>"
    )


@pytest.fixture(scope="module")
def sites(site: FixtureSite) -> Iterator[tuple[Site, Site]]:
    faults, elsewhere, resets = Site(), Site(), ResetServer()
    with faults.running(), elsewhere.running(), resets.running():
        pages = {page.name.split("/")[-1]: page for page in site.pages}
        good_paths = []
        for name in GOOD:
            page = pages[name]
            path = page.key
            faults.page(path, relocate(page.body(), faults.origin))
            good_paths.append(path)
        dump_body = pages["2021-10-13-diplomacy-security-advisers"].body()
        good_response = faults.routes[good_paths[0]]
        routes = {
            fault("Gone-404", 1): status(404),
            fault("Gone-410", 2): status(410),
            fault("Error-500", 3): status(500),
            fault("Error-502", 4): status(502),
            fault("Busy-503", 5): status(503, {"Retry-After": "1"}),
            fault("Slow-down-429", 6): status(429, {"Retry-After": "1"}),
            fault("Flaky-503", 7): flaky(status(503), good_response),
            fault("Stalled", 8): stall(4),
            fault("Truncated", 10): truncated(dump_body),
            fault("Moved", 11): redirect(good_paths[0]),
            fault("Loop-a", 12): redirect(fault("Loop-b", 13), 302),
            fault("Loop-b", 13): redirect(fault("Loop-a", 12), 302),
            fault("Offsite", 14): redirect(f"http://localhost:{elsewhere.server.port}{fault('Elsewhere', 15)}", 302),
        }
        faults.routes.update(routes)
        faults.page(fault("Empty", 20), b"")
        faults.page(fault("No-container", 21), story_page("A story in new markup", STORY))
        faults.page(fault("Broken-markup", 22), dump_body[: int(len(dump_body) * 0.6)])
        faults.page(fault("Huge", 23), story_page("Huge", "<p>" + "word " * 60000 + "</p>"))
        faults.page(fault("Pdf", 24), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf")
        faults.page(fault("Image", 25), b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg")
        faults.page(fault("Json", 26), b'{"headline": "not a page"}', "application/json")
        faults.page(fault("Garbage", 27), bytes(range(256)) * 40, "text/html")
        euc = story_page("Kimchi season", STORY + f"<p>{HANGUL}</p>", "<meta charset='euc-kr'>")
        faults.page(fault("Euc-kr", 28), euc.encode("cp949"), "text/html")
        faults.page(
            fault("Misdeclared", 29),
            story_page("Kimchi", STORY + f"<p>{HANGUL}</p>").encode(),
            "text/html; charset=iso-8859-1",
        )
        faults.page(fault("No-headline", 30), f"<html><body><div>{STORY}</div></body></html>")
        # A gzip bomb: 5 KB on the wire, 5 MB inflated, over the crawl's DOWNLOAD_MAXSIZE.
        bomb = gzip.compress(b"<html><body>" + b" " * 5_000_000 + b"</body></html>")
        faults.routes[fault("Bomb", 31)] = lambda request: Response(
            bomb, status=200, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
        )
        links = [*good_paths, *routes, *(fault(slug, n) for n, slug in [
            (20, "Empty"), (21, "No-container"), (22, "Broken-markup"), (23, "Huge"), (24, "Pdf"), (25, "Image"),
            (26, "Json"), (27, "Garbage"), (28, "Euc-kr"), (29, "Misdeclared"), (30, "No-headline"), (31, "Bomb"),
        ])]  # fmt: skip
        links.append(f"http://127.0.0.1:{resets.port}{fault('Reset', 9)}")  # same host, another port
        listing = "".join(f"<a href='{path}'>story</a>" for path in links if "Loop-b" not in path)
        faults.page("/faults/list", f"<html><body>{listing}</body></html>")
        faults.reset_origin = f"http://127.0.0.1:{resets.port}"  # type: ignore[attr-defined]
        yield faults, elsewhere


@pytest.fixture(scope="module")
def fault_crawl(sites: tuple[Site, Site], tmp_path_factory: pytest.TempPathFactory) -> Any:
    faults, _ = sites
    # The reset server's port is on the site only when a start URL names it (its own fetch is
    # reset too, a failed discovery page).
    start_urls = f"{faults.origin}/faults/list,{faults.reset_origin}/start"  # type: ignore[attr-defined]
    return run_crawl(
        tmp_path_factory.mktemp("faults"), "-a", f"start_urls={start_urls}",
        "-s", "RETRY_TIMES=2", "-s", "NEWSBOT_RETRY_BACKOFF=0.2", "-s", "DOWNLOAD_TIMEOUT=1",
        "-s", "DOWNLOAD_MAXSIZE=200000", "-s", "DOWNLOAD_WARNSIZE=0", "-s", "NEWSBOT_MONITOR_ENABLED=False",
    )  # fmt: skip


def test_good_articles_are_written_exactly_once(fault_crawl: Any) -> None:
    ids = [record["articleId"] for record in fault_crawl.records]
    assert len(ids) == len(set(ids))
    assert set(GOOD.values()) <= set(ids)
    assert str(2700000 + 7) in ids  # the flaky page, after one retry
    # No exception went through newsbot's code (Scrapy logs a failed robots.txt with a traceback).
    # The package's own folder, not any path with "newsbot" in it (a clone named newsbot has its
    # virtualenv, and Scrapy's frames, below such a folder).
    assert f'File "{ROOT / "newsbot"}/' not in fault_crawl.log
    for record in fault_crawl.records:
        assert record_errors(record) == []


@pytest.mark.parametrize(
    ("reason", "count"),
    [
        ("http_404", 1), ("http_410", 1), ("http_500", 1), ("http_502", 1), ("http_503", 1), ("http_429", 1),
        ("timeout", 1), ("truncated", 1), ("redirect_loop", 1), ("offsite", 1), ("too_large", 2),
        ("not_html", 3), ("empty_page", 2), ("no_headline", 1),
    ],
)  # fmt: skip
def test_every_other_page_is_a_counted_drop(fault_crawl: Any, reason: str, count: int) -> None:
    assert fault_crawl.stats.get(f"newsbot/dropped/{reason}") == count


def test_a_reset_connection_is_counted(fault_crawl: Any) -> None:
    assert (
        fault_crawl.stats.get("newsbot/dropped/connection_lost", 0)
        + fault_crawl.stats.get("newsbot/dropped/download_error", 0)
        == 1
    )


def test_client_errors_are_not_retried_and_server_errors_are(sites: tuple[Site, Site], fault_crawl: Any) -> None:
    faults, _ = sites
    assert len(faults.hits[fault("Gone-404", 1)]) == 1
    assert len(faults.hits[fault("Gone-410", 2)]) == 1
    for slug, number in [("Error-500", 3), ("Error-502", 4), ("Busy-503", 5), ("Slow-down-429", 6)]:
        assert len(faults.hits[fault(slug, number)]) == 3  # once, then RETRY_TIMES=2 more


def test_retry_after_is_honoured(sites: tuple[Site, Site], fault_crawl: Any) -> None:
    faults, _ = sites
    for slug, number in [("Busy-503", 5), ("Slow-down-429", 6)]:
        times = faults.hits[fault(slug, number)]
        assert min(b - a for a, b in itertools.pairwise(times)) >= 0.9


def test_redirects_stay_on_the_allowed_hosts(sites: tuple[Site, Site], fault_crawl: Any) -> None:
    _, elsewhere = sites
    assert not elsewhere.hits
    moved = [r for r in fault_crawl.records if r["articleId"] == GOOD["2021-10-13-diplomacy-security-advisers"]]
    assert len(moved) == 1 and "Moved" not in moved[0]["url"]


def test_pages_with_odd_markup_or_charsets_become_correct_records(fault_crawl: Any) -> None:
    by_id = {record["articleId"]: record for record in fault_crawl.records}
    for number in (28, 29):
        assert HANGUL in by_id[str(2700000 + number)]["articleBody"]
    generic = by_id[str(2700000 + 21)]
    assert generic["metadata"]["layout"] == "generic" and generic["articleBody"].count("\n") == 5
    broken = str(2700000 + 22)
    assert broken in by_id or fault_crawl.stats.get("newsbot/dropped/empty_body", 0) == 1


def test_each_dropped_page_is_logged_once(fault_crawl: Any) -> None:
    lines = [line for line in fault_crawl.log.split("Dumping Scrapy stats")[0].splitlines() if "newsbot: " in line]
    for slug, number in [("Gone-404", 1), ("Error-500", 3), ("Stalled", 8), ("Pdf", 24), ("Empty", 20)]:
        url_path = fault(slug, number)
        assert len([line for line in lines if url_path + ">" in line]) == 1, url_path
    # Pages over DOWNLOAD_MAXSIZE, by their Content-Length or inflated: one line each, whoever logs.
    every_line = fault_crawl.log.split("Dumping Scrapy stats")[0].splitlines()
    for slug, number in [("Huge", 23), ("Bomb", 31)]:
        mentions = [line for line in every_line if fault(slug, number) in line and "DEBUG" not in line]
        assert len(mentions) == 1, mentions
        assert "too_large" in mentions[0]


# Restarts -------------------------------------------------------------------------------

ARTICLES = 40


@pytest.fixture(scope="module")
def slow_site(site: FixtureSite) -> Iterator[Site]:
    slow = Site()
    with slow.running():
        body = next(page for page in site.pages if page.name.endswith("2022-05-02-economy-chip-exports")).body()
        paths = [fault(f"Story-{n}", 100 + n) for n in range(ARTICLES)]
        for path in paths:
            slow.routes[path] = slow_page(body)
        slow.page("/slow/list", "<html><body>" + "".join(f"<a href='{p}'>s</a>" for p in paths) + "</body></html>")
        yield slow


def slow_page(body: bytes) -> Handler:
    def handler(request: Request) -> Response:
        time.sleep(0.15)  # slow enough for a crawl to be killed half-way
        return Response(body, status=200, headers={"Content-Type": "text/html; charset=utf-8"})

    return handler


def crawl_process(
    tmp_path: Path, origin: str, output: str, *settings: str, feed_option: str = "-o", log_dir: Path | None = None
) -> subprocess.Popen[str]:
    command = [
        SCRAPY, "crawl", "joongang", feed_option, str(tmp_path / output), "-a", f"start_urls={origin}/slow/list",
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=2",
        "-s", "LOG_LEVEL=INFO", "-s", "NEWSBOT_MONITOR_ENABLED=False", *settings,
    ]  # fmt: skip
    log = ((log_dir or tmp_path) / f"{output}.log").open("a")
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_killed_crawl_resumes_with_each_article_once(slow_site: Site, tmp_path: Path) -> None:
    jobdir = f"JOBDIR={tmp_path / 'job'}"
    first = crawl_process(tmp_path, slow_site.origin, "first.jsonl", "-s", jobdir)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(lines(tmp_path / "first.jsonl")) < 8:
        time.sleep(0.1)
    workers = psutil.Process(first.pid).children(recursive=True)
    assert workers  # the default pool, one process per core
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    # Its extraction workers notice and end too, instead of waiting for work for ever.
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert alive == []
    written_first = lines(tmp_path / "first.jsonl")  # every line parses: no half record
    assert 8 <= len(written_first) < ARTICLES
    second = crawl_process(tmp_path, slow_site.origin, "second.jsonl", "-s", jobdir)
    assert second.wait(timeout=120) == 0
    written_second = lines(tmp_path / "second.jsonl")
    ids = [record["articleId"] for record in written_first + written_second]
    assert sorted(ids) == sorted(str(2700100 + n) for n in range(ARTICLES))
    assert "newsbot/skipped/already_written" in (tmp_path / "second.jsonl.log").read_text()


def _wait_for_lines(path: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(lines(path)) < count:
        time.sleep(0.1)


def test_the_same_overwrite_command_resumes_without_losing_records(slow_site: Site, tmp_path: Path) -> None:
    """The README's resume: the same `-O` command again. -O must not empty what the job wrote."""
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    _wait_for_lines(tmp_path / "out.jsonl", 8)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    before = len(lines(tmp_path / "out.jsonl"))
    assert 8 <= before < ARTICLES
    second = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    assert second.wait(timeout=120) == 0
    ids = [record["articleId"] for record in lines(tmp_path / "out.jsonl")]
    assert sorted(ids) == sorted(str(2700100 + n) for n in range(ARTICLES))
    assert "feeds are appended to, not overwritten" in (tmp_path / "out.jsonl.log").read_text()


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_crawl_exits_non_zero_and_resumes_losing_nothing(
    slow_site: Site, tmp_path: Path, sent: signal.Signals
) -> None:
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    _wait_for_lines(tmp_path / "out.jsonl", 5)
    os.kill(first.pid, sent)
    assert first.wait(timeout=60) == 130
    interrupted = lines(tmp_path / "out.jsonl")  # every line parses: only whole records
    assert 5 <= len(interrupted) < ARTICLES
    second = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    assert second.wait(timeout=120) == 0
    ids = [record["articleId"] for record in lines(tmp_path / "out.jsonl")]
    assert sorted(ids) == sorted(str(2700100 + n) for n in range(ARTICLES))


def _all_once(path: Path) -> bool:
    ids = [record["articleId"] for record in lines(path)]
    return sorted(ids) == sorted(str(2700100 + n) for n in range(ARTICLES))


def test_a_kill_after_a_resume_leaves_a_job_that_still_resumes_to_its_end(slow_site: Site, tmp_path: Path) -> None:
    """Stop, resume, kill: the killed crawl's disk queue keeps the count of the resume's start,
    and every pop of the next resume failed (Errno 22), fetching nothing, for ever."""
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    _wait_for_lines(tmp_path / "out.jsonl", 5)
    os.kill(first.pid, signal.SIGINT)
    assert first.wait(timeout=60) == 130
    second = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    _wait_for_lines(tmp_path / "out.jsonl", len(lines(tmp_path / "out.jsonl")) + 4)
    os.kill(second.pid, signal.SIGKILL)
    second.wait(timeout=30)
    assert len(lines(tmp_path / "out.jsonl")) < ARTICLES
    third = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    assert third.wait(timeout=120) == 0
    assert _all_once(tmp_path / "out.jsonl")
    log = (tmp_path / "out.jsonl.log").read_text()
    assert "Errno 22" not in log and "Traceback" not in log
    assert "had stale counts" in log or "was damaged" in log  # which, the moment of the kill decides


def test_a_forced_stop_exits_non_zero_and_the_resume_writes_the_rest(slow_site: Site, tmp_path: Path) -> None:
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    _wait_for_lines(tmp_path / "out.jsonl", 5)
    os.kill(first.pid, signal.SIGTERM)
    time.sleep(0.2)
    os.kill(first.pid, signal.SIGTERM)  # "Send again to force"
    assert first.wait(timeout=60) != 0
    second = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    assert second.wait(timeout=120) == 0
    assert _all_once(tmp_path / "out.jsonl")


def _stopped_job(slow_site: Site, tmp_path: Path, records: int) -> tuple[str, ...]:
    """A job on JOBDIR stopped with Ctrl-C once it wrote ``records``; the crawl's JOBDIR arguments."""
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    _wait_for_lines(tmp_path / "out.jsonl", records)
    os.kill(first.pid, signal.SIGINT)
    assert first.wait(timeout=60) == 130
    return args


def test_a_damaged_request_queue_is_set_aside_and_the_job_resumes(slow_site: Site, tmp_path: Path) -> None:
    args = _stopped_job(slow_site, tmp_path, 5)
    queues = [path for path in (tmp_path / "job" / "requests.queue").rglob("*") if path.is_file()]
    assert queues
    for path in queues:  # every file cut to a few bytes, as a disk that filled up leaves them
        path.write_bytes(path.read_bytes()[:3])
    second = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    assert second.wait(timeout=120) == 0
    assert _all_once(tmp_path / "out.jsonl")
    log = (tmp_path / "out.jsonl.log").read_text()
    assert log.count("was damaged") == 1 and "Traceback" not in log
    assert list((tmp_path / "job").glob("requests.queue.damaged-*"))


def test_a_damaged_seen_store_is_rebuilt_from_the_feed(slow_site: Site, tmp_path: Path) -> None:
    args = _stopped_job(slow_site, tmp_path, 8)
    written = len(lines(tmp_path / "out.jsonl"))
    store = tmp_path / "job" / "newsbot-seen.sqlite"
    for part in tmp_path.joinpath("job").glob("newsbot-seen.sqlite-*"):
        part.unlink()
    store.write_bytes(b"not a database, as after a bad copy" * 100)
    second = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *args, feed_option="-O")
    assert second.wait(timeout=120) == 0
    assert _all_once(tmp_path / "out.jsonl")  # nothing written twice
    log = (tmp_path / "out.jsonl.log").read_text()
    assert f"rebuilt from {tmp_path / 'out.jsonl'}: {written} articles" in log and "Traceback" not in log


def test_a_second_crawl_on_the_same_jobdir_is_refused(slow_site: Site, tmp_path: Path) -> None:
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(tmp_path, slow_site.origin, "a.jsonl", *args)
    _wait_for_lines(tmp_path / "a.jsonl", 2)
    second = crawl_process(tmp_path, slow_site.origin, "b.jsonl", *args)
    assert second.wait(timeout=60) == 2
    assert first.wait(timeout=120) == 0
    assert _all_once(tmp_path / "a.jsonl") and not (tmp_path / "b.jsonl").exists()
    log = (tmp_path / "b.jsonl.log").read_text()
    assert log.count(f"JOBDIR={tmp_path / 'job'} is in use by another crawl (pid {first.pid})") == 1


@pytest.mark.parametrize("place", ["/proc/newsbot-job", "{tmp}/a-file/job"])
def test_a_jobdir_that_takes_no_file_stops_before_the_crawl(tmp_path: Path, place: str) -> None:
    (tmp_path / "a-file").write_text("not a folder\n")
    done = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures", "-s", f"JOBDIR={place.format(tmp=tmp_path)}")
    assert done.returncode == 2
    assert done.log.count("cannot be used") == 1 and "Traceback" not in done.log
    assert not (tmp_path / "out.jsonl").exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real filesystem of 256 KiB (tmpfs; the tests run as root, as CI does)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], check=False)
    assert done.returncode == 0, "mounting a tmpfs needs root, which the test suite runs as"
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_closes_the_crawl_and_the_resume_writes_the_rest(
    slow_site: Site, tmp_path: Path, small_disk: Path
) -> None:
    filler = small_disk / "filler"
    filler.write_bytes(b"x" * (256 * 1024 - 24 * 1024))  # room for a few records only
    feed = small_disk / "out.jsonl"
    args = ("-s", f"JOBDIR={tmp_path / 'job'}")
    first = crawl_process(small_disk, slow_site.origin, "out.jsonl", *args, feed_option="-O", log_dir=tmp_path)
    assert first.wait(timeout=120) == 6
    log = (tmp_path / "out.jsonl.log").read_text()
    assert log.count("the feed cannot be written") == 1 and "Traceback" not in log
    written = lines(feed)  # every line parses: the cut line was taken back
    assert 1 <= len(written) < ARTICLES
    filler.unlink()  # space is freed
    second = crawl_process(small_disk, slow_site.origin, "out.jsonl", *args, feed_option="-O", log_dir=tmp_path)
    assert second.wait(timeout=120) == 0
    ids = [record["articleId"] for record in lines(feed)]
    assert sorted(ids) == sorted(str(2700100 + n) for n in range(ARTICLES))


def test_an_unwritable_feed_is_one_error_and_a_failed_crawl(tmp_path: Path) -> None:
    done = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures", "-s", f"JOBDIR={tmp_path / 'job'}", output="x.jsonl")
    assert done.returncode == 0  # the same crawl with room writes its records
    command = [SCRAPY, "crawl", "joongang", "-O", "/dev/full:jsonlines", "-s", "NEWSBOT_REPLAY=fixtures",
               "-s", f"JOBDIR={tmp_path / 'other-job'}", "-s", "LOG_LEVEL=INFO"]  # fmt: skip
    failed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert failed.returncode == 6
    assert failed.stderr.count("the feed cannot be written") == 1
    assert "Traceback" not in failed.stderr and "Error caught on signal handler" not in failed.stderr
    assert "'finish_reason': 'feed_error'" in failed.stderr
    assert "newsbot: 0 records written" in failed.stderr
    # Nothing was marked written: the same job, resumed with a writable feed, writes every record.
    resumed = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures", "-s", f"JOBDIR={tmp_path / 'other-job'}")
    assert resumed.returncode == 0 and len(resumed.records) == len(done.records) == 13


def test_a_stop_cancels_the_downloads_still_waiting_for_their_delay(slow_site: Site, tmp_path: Path) -> None:
    """With the project's politeness (1 s delay, AutoThrottle) the downloader holds many requests
    queued behind their delays; a stop waits only for transfers under way."""
    polite = ("-s", "DOWNLOAD_DELAY=1", "-s", "AUTOTHROTTLE_ENABLED=True", "-s", "CONCURRENT_REQUESTS=16")
    crawl = crawl_process(tmp_path, slow_site.origin, "out.jsonl", *polite, "-s", f"JOBDIR={tmp_path / 'job'}")
    _wait_for_lines(tmp_path / "out.jsonl", 2)
    at_signal = len(lines(tmp_path / "out.jsonl"))
    crawl.send_signal(signal.SIGINT)
    assert crawl.wait(timeout=60) == 130
    log = (tmp_path / "out.jsonl.log").read_text()
    assert re.search(r"newsbot: stopping: \d+ queued downloads cancelled", log)
    # At most the pages in transfer (CONCURRENT_REQUESTS_PER_DOMAIN = 2) are written after it.
    assert len(lines(tmp_path / "out.jsonl")) <= at_signal + 2
    assert "newsbot/dropped" not in log.split("Dumping Scrapy stats")[-1]  # a cancel is no drop


def test_a_running_crawl_reports_its_progress(slow_site: Site, tmp_path: Path) -> None:
    crawl = crawl_process(
        tmp_path, slow_site.origin, "out.jsonl", "-s", "NEWSBOT_PROGRESS_INTERVAL=0.5", "-a", "limit=30"
    )
    assert crawl.wait(timeout=120) == 0
    log = (tmp_path / "out.jsonl.log").read_text()
    progress = re.findall(
        r"newsbot: (\d+) pages fetched, (\d+) records written, \d+ dropped, [\d.]+ pages/s, limit", log
    )
    assert progress  # the crawl takes seconds; a line comes every half second
    assert all(int(records) <= 30 for _, records in progress)
    assert len(lines(tmp_path / "out.jsonl")) == 30


def test_a_bad_argument_leaves_the_output_file_alone(tmp_path: Path) -> None:
    (tmp_path / "keep.jsonl").write_text('{"kept": true}\n', encoding="utf-8")
    done = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures", "-a", "since=yesterday", output="keep.jsonl")
    assert done.returncode == 2
    assert (tmp_path / "keep.jsonl").read_text(encoding="utf-8") == '{"kept": true}\n'
    assert done.log.count("bad spider argument") == 1


@pytest.mark.parametrize(
    "argument", ["limit=abc", "limit=0", "until=2025-13-01", "start_urls=ftp://x.test/", "bogus=1", "sinse=2025-01-01"]
)
def test_each_bad_argument_gets_one_clear_error_and_exit_2(tmp_path: Path, argument: str) -> None:
    done = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures", "-a", argument)
    assert done.returncode == 2
    assert done.log.count("bad spider argument") == 1 and "Traceback" not in done.log
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(
    "setting",
    ["NEWSBOT_REPLAY=no-such-folder", "NEWSBOT_WORKERS=two", "NEWSBOT_EXTRACTION_TIMEOUT=soon", "NEWSBOT_WORKER=2"],
)
def test_a_bad_setting_gets_one_clear_error_and_exit_2(tmp_path: Path, setting: str) -> None:
    done = run_crawl(tmp_path, "-s", setting)
    assert done.returncode == 2
    assert done.log.count("bad setting") == 1 and "Traceback" not in done.log
    assert not (tmp_path / "out.jsonl").exists()
    if setting.startswith("NEWSBOT_WORKER="):
        assert "NEWSBOT_WORKER: no such setting (did you mean NEWSBOT_WORKERS?)" in done.log


def test_a_parquet_feed_without_pyarrow_stops_before_the_crawl(tmp_path: Path) -> None:
    # pyarrow is an extra: a folder first on the path stands in for an install without it.
    (tmp_path / "no_extra" / "pyarrow").mkdir(parents=True)
    (tmp_path / "no_extra" / "pyarrow" / "__init__.py").write_text("raise ImportError('not installed')\n")
    command = [SCRAPY, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", str(tmp_path / "a.parquet")]
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "no_extra")}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.count("pip install 'newsbot[parquet]'") == 1 and "Traceback" not in done.stderr
    assert "Spider opened" not in done.stderr  # nothing was fetched
    assert list(tmp_path.glob("a.*")) == []


@pytest.mark.parametrize("place", ["/proc/newsbot-none/out.jsonl", "{tmp}/a-file/out.jsonl"])
def test_an_output_path_that_cannot_be_created_stops_before_the_crawl(tmp_path: Path, place: str) -> None:
    (tmp_path / "a-file").write_text("not a folder\n")
    out = place.format(tmp=tmp_path)
    command = [SCRAPY, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-O", out]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.count("the feed cannot be written") == 1 and "Traceback" not in done.stderr
    assert "Spider opened" not in done.stderr


def test_a_missing_archive_is_a_bad_argument_before_any_output(tmp_path: Path) -> None:
    out = tmp_path / "archive.jsonl"
    command = [SCRAPY, "crawl", "warc", "-a", f"warc={tmp_path / 'none.warc.gz'}", "-O", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert "bad spider argument: no such WARC file" in done.stderr
    assert not out.exists()


def test_a_normal_crawl_warns_only_of_pages_it_dropped(tmp_path: Path) -> None:
    done = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures")
    warnings = [line for line in done.log.splitlines() if " WARNING: " in line]
    assert warnings and all("newsbot: dropped <" in line for line in warnings)  # the fixture site's video page


def test_a_crawl_whose_records_would_go_nowhere_does_not_start() -> None:
    command = [SCRAPY, "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-s", "LOG_LEVEL=INFO"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 5
    assert "the records would go nowhere" in done.stderr
    assert "'finish_reason': 'no_output'" in done.stderr
    assert "'response_received_count'" not in done.stderr  # nothing was fetched


def test_a_killed_extraction_worker_costs_one_line_and_no_article(slow_site: Site, tmp_path: Path) -> None:
    crawl = crawl_process(tmp_path, slow_site.origin, "out.jsonl", "-s", "NEWSBOT_WORKERS=2")
    _wait_for_lines(tmp_path / "out.jsonl", 5)
    children = psutil.Process(crawl.pid).children(recursive=True)
    # The pool's workers: not multiprocessing's resource tracker, nor the fork server they are
    # forked from (the one process here with children of its own).
    workers = [
        child for child in children if "resource_tracker" not in " ".join(child.cmdline()) and not child.children()
    ]
    assert len(workers) == 2
    workers[0].kill()
    assert crawl.wait(timeout=120) == 0
    ids = [record["articleId"] for record in lines(tmp_path / "out.jsonl")]
    assert sorted(ids) == sorted(str(2700100 + n) for n in range(ARTICLES))
    log = (tmp_path / "out.jsonl.log").read_text()
    # One line for the dead worker; the page it held went to a new worker, not into the crawl's
    # own process, and the other worker went on with its own.
    assert log.count("an extraction worker died") == 1
    assert log.count("extracting in 2 worker processes") == 1
    assert "'newsbot/workers/restarts': 1" in log
    assert "extraction_error" not in log


def test_seen_store_skips_unchanged_and_reemits_changed(slow_site: Site, tmp_path: Path) -> None:
    store = f"NEWSBOT_SEEN_STORE={tmp_path / 'seen.sqlite'}"
    first = run_crawl(tmp_path, "-a", f"start_urls={slow_site.origin}/slow/list", "-s", store, output="a.jsonl")
    assert len(first.records) == ARTICLES
    second = run_crawl(tmp_path, "-a", f"start_urls={slow_site.origin}/slow/list", "-s", store, output="b.jsonl")
    assert second.records == []
    assert second.stats["newsbot/dropped/unchanged"] == ARTICLES
    changed_path = fault("Story-3", 103)
    original = slow_site.routes[changed_path]
    page = next(p for p in FixtureSite(ROOT / "fixtures").pages if p.name.endswith("2022-05-02-economy-chip-exports"))
    slow_site.page(changed_path, page.body().replace(b"Outbound shipments rose", b"Outbound shipments jumped"))
    try:
        third = run_crawl(tmp_path, "-a", f"start_urls={slow_site.origin}/slow/list", "-s", store, output="c.jsonl")
    finally:
        slow_site.routes[changed_path] = original
    assert [r["articleId"] for r in third.records] == ["2700103"]
    assert third.records[0]["metadata"]["update"] is True
    assert "Outbound shipments jumped" in third.records[0]["articleBody"]


def test_two_crawls_can_share_one_store(slow_site: Site, tmp_path: Path) -> None:
    store = tmp_path / "shared.sqlite"
    crawls = [
        crawl_process(tmp_path, slow_site.origin, f"{n}.jsonl", "-s", f"NEWSBOT_SEEN_STORE={store}") for n in "ab"
    ]
    assert [crawl.wait(timeout=120) for crawl in crawls] == [0, 0]
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (ARTICLES,)
    written = lines(tmp_path / "a.jsonl") + lines(tmp_path / "b.jsonl")
    assert {r["articleId"] for r in written} == {str(2700100 + n) for n in range(ARTICLES)}


def test_a_store_opened_by_two_crawls_at_once_waits_for_the_lock(tmp_path: Path, monkeypatch: Any) -> None:
    """Two crawls opening a new store at the same instant: SQLite refuses the switch to WAL
    with "database is locked" at once (about one start in a hundred, not waiting on its busy
    timeout). The store tries again; here the first two tries are refused."""
    monkeypatch.setattr(seen, "_SET_UP_PAUSE", 0)
    refusals = iter([sqlite3.OperationalError("database is locked")] * 2)
    real = sqlite3.connect(tmp_path / "s.sqlite", isolation_level=None)

    class Refusing:
        def execute(self, sql: str) -> Any:
            if sql.startswith("PRAGMA journal_mode") and (refusal := next(refusals, None)) is not None:
                raise refusal
            return real.execute(sql)

    seen._set_up(Refusing())  # type: ignore[arg-type]
    assert real.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert real.execute("SELECT count(*) FROM articles").fetchone() == (0,)

    class Broken:
        def execute(self, sql: str) -> Any:
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):  # not a lock: no second try
        seen._set_up(Broken())  # type: ignore[arg-type]


def test_unsafe_feed_is_refused_and_counted(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><rss><channel><item><title>&lol2;</title>'
        b"<link>/news/2025-01-02/national/politics/S/2300001</link></item></channel></rss>"
    )
    bombs = Site()
    with bombs.running():
        bombs.page("/feed.xml", bomb, "application/rss+xml")
        result = run_crawl(tmp_path, "-a", f"start_urls={bombs.origin}/feed.xml")
    assert result.stats["newsbot/discovery/unsafe_xml"] == 1
    assert result.records == [] and not re.search(r"Traceback", result.log)
