"""Crawl health: a site that changed its template trips the drift rule; the fixture site trips none."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsbot.downloadermiddlewares.replay import FixtureSite
from tests.conftest import LISTING_PATH, origin, run_crawl
from tests.sites import Site
from tests.test_sites import _article

DRIFTED = 60


def drifted_page(record: dict[str, Any], number: int) -> str:
    """A story in a template no layout version describes, as after a redesign."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in record["articleBody"].split("\n"))
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(record['headline'])}"
        " - Korea JoongAng Daily</title></head><body><div class='rd-shell'><div class='rd-head'>"
        f"<h2 class='rd-title'>{html.escape(record['headline'])}</h2><div class='rd-when'>Published: 0{number % 9 + 1}"
        f" May 2026, 10:{number % 60:02d}</div></div><div class='rd-copy'>{paragraphs}"
        "<p>BY KIM JI-HYE [kim.jihye@joongang.co.kr]</p></div></div></body></html>"
    )


@pytest.fixture(scope="module")
def drifted_server(site: FixtureSite) -> Iterator[HTTPServer]:
    records = [page.expected_record() for page in site.articles if page.name.startswith("articles/")]
    pages = {
        f"/news/2026-05-0{n % 9 + 1}/national/politics/Redesigned-{n}/{2600000 + n}": drifted_page(
            records[n % len(records)], n
        )
        for n in range(DRIFTED)
    }
    listing = "".join(f"<a href='{path}'>story {n}</a>" for n, path in enumerate(pages))
    pages["/section/allArticles"] = f"<html><body>{listing}</body></html>"
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)

    def handler(request: Request) -> Response:
        body = pages.get(request.path)
        if body is None:
            return Response("not here", status=404)
        return Response(body, status=200, headers={"Content-Type": "text/html; charset=utf-8"})

    server.expect_request(re.compile(".*")).respond_with_handler(handler)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_layout_drift_is_reported(drifted_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(drifted_server)}{LISTING_PATH}")
    assert result.returncode == 0
    assert len(result.records) == DRIFTED  # the generic path still writes clean records ...
    assert "quality rule generic_layout breached" in result.log  # ... but the drift is named
    assert re.search(r"generic_layout breached: \d+ of \d+ records of described sites that no layout", result.log)
    report = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    rules = {rule["rule"]: rule for rule in report["rules"]}
    assert rules["generic_layout"]["breached"] is True
    assert rules["generic_layout"]["share"] == 1.0
    assert len(rules["generic_layout"]["examples"]) >= 3
    assert rules["leaks"]["breached"] is False


SPIDERMON = (
    "-s", "SPIDERMON_ENABLED=True",
    "-s", 'EXTENSIONS={"spidermon.contrib.scrapy.extensions.Spidermon": 500}',
    "-s", "SPIDERMON_SPIDER_CLOSE_MONITORS=newsbot.monitors.CrawlHealthMonitorSuite",
)  # fmt: skip


def test_spidermon_fails_the_rule_newsbots_monitor_fails(drifted_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(drifted_server)}{LISTING_PATH}", *SPIDERMON)
    assert result.returncode == 0, result.log[-3000:]
    report = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    ours = {rule["rule"] for rule in report["rules"] if rule["breached"]}
    assert ours == {"generic_layout"}
    failed = set(re.findall(r"\[Spidermon\] newsbot crawl health/(\w+)\.\.\. FAIL", result.log))
    passed = set(re.findall(r"\[Spidermon\] newsbot crawl health/(\w+)\.\.\. OK", result.log))
    assert failed == ours
    assert passed == {rule["rule"] for rule in report["rules"]} - ours
    assert "60 of 60 records of described sites that no layout version matched" in result.log


def test_spidermon_judges_nothing_below_the_minimum_of_pages(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}", *SPIDERMON)
    assert result.returncode == 0, result.log[-3000:]
    assert "... FAIL" not in result.log and result.log.count("... SKIPPED (fewer than 20 article pages seen)") == 6


def test_monitor_fail_closes_the_crawl(drifted_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(
        tmp_path, "-a", f"start_urls={origin(drifted_server)}{LISTING_PATH}", "-s", "NEWSBOT_MONITOR_FAIL=True",
        "-s", f"NEWSBOT_REPORT={tmp_path / 'health.json'}", "-s", "CONCURRENT_REQUESTS=2",
        "-s", "NEWSBOT_WORKERS=0",  # inline, so downloads cannot run far ahead of extraction
    )  # fmt: skip
    assert result.returncode == 4
    assert "'finish_reason': 'newsbot_quality'" in result.log
    assert len(result.records) < DRIFTED  # stopped once 20 pages were judged, not at the end
    assert json.loads((tmp_path / "health.json").read_text())["finishReason"] == "newsbot_quality"


def test_the_regular_fixture_site_breaches_nothing(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(
        tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}", "-s", "NEWSBOT_MONITOR_MIN_ARTICLES=10",
        "-s", "NEWSBOT_MONITOR_FAIL=True",
    )  # fmt: skip
    assert result.returncode == 0
    assert "breached" not in result.log.replace("BREACHED", "")
    report = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    assert report["judged"] is True
    assert not any(rule["breached"] for rule in report["rules"])
    assert report["figures"]["records"] == 13


def test_bad_arguments_exit_non_zero(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}", "-a", "limit=-1")
    assert result.returncode == 2


def test_the_news_spider_on_undescribed_sites_is_not_judged_as_drifted(tmp_path: Path) -> None:
    """The news spider reads sites no profile describes with the generic reading by design: 24
    such articles under NEWSBOT_MONITOR_FAIL are all written, and the crawl exits 0."""
    local = Site()
    with local.running():
        paths = [f"/2026/03/{day:02d}/council-story-{day}" for day in range(1, 25)]
        for day, path in enumerate(paths, start=1):
            page = _article(f"Council story number {day}", f"2026-03-{day:02d}T09:00:00")
            local.page(path, page.replace("</h1>", "</h1><p class='byline'>By Jane Park</p>"))
        result = run_crawl(
            tmp_path, "-a", f"start_urls={local.sitemap(paths)}", "-s", "ROBOTSTXT_OBEY=False",
            "-s", "NEWSBOT_MONITOR_FAIL=True", spider="news",
        )  # fmt: skip
    assert result.returncode == 0, result.log[-2000:]
    assert len(result.records) == len(paths)
    rules = {rule["rule"]: rule for rule in json.loads((tmp_path / "out.report.json").read_text())["rules"]}
    assert rules["generic_layout"]["among"] == 0 and rules["generic_layout"]["breached"] is False
