"""Scrapy components built for real from a crawler, asserted through stats."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newsbot.addon import Newsbot
from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.extensions.monitor import CrawlMonitor
from newsbot.extensions.summary import summary_line
from newsbot.items import Page
from newsbot.pipelines.drops import DuplicateArticle, EmptyBody, EmptyPage, InvalidRecord, NewsbotDrop, NoHeadline
from newsbot.pipelines.extract import ExtractPipeline
from newsbot.pipelines.scope import ScopePipeline
from newsbot.pipelines.validate import ValidatePipeline
from newsbot.signals import record_checked
from newsbot.spiders.sites import SPIDERS
from newsbot.tools.fixtures import slug_for
from tests.conftest import FIXTURES, ROOT

SITE = FixtureSite(FIXTURES)
JoongAngSpider = SPIDERS["joongang"]


def page(name: str) -> Page:
    saved = next(p for p in SITE.pages if p.name == name)
    return Page(saved.url, saved.body(), saved.headers.get("Content-Type"))


def test_addon_wires_a_users_project_in_one_line() -> None:
    crawler = get_crawler(Spider, {"ADDONS": {Newsbot: 0}})
    pipelines = crawler.settings.getdict("ITEM_PIPELINES")
    assert list(pipelines) == [
        "newsbot.pipelines.extract.ExtractPipeline",
        "newsbot.pipelines.scope.ScopePipeline",
        "newsbot.pipelines.incremental.IncrementalPipeline",
        "newsbot.pipelines.validate.ValidatePipeline",
    ]
    assert crawler.settings.getdict("FEED_EXPORTERS")["jsonl"] == "newsbot.exporters.JsonLinesExporter"
    assert crawler.settings.get("FEED_EXPORT_ENCODING") == "utf-8"
    assert crawler.settings.getbool("TELNETCONSOLE_ENABLED") is False
    assert crawler.settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert "newsbot.extensions.summary.CrawlSummary" in crawler.settings.getdict("EXTENSIONS")
    assert crawler.settings.getint("CONCURRENT_ITEMS") == 8  # Scrapy's 100 starts 100 tasks a page


def test_a_users_own_settings_win_over_the_addon() -> None:
    crawler = get_crawler(Spider, {"ADDONS": {Newsbot: 0}, "FEED_EXPORT_ENCODING": "latin-1", "CONCURRENT_ITEMS": 50})
    assert crawler.settings.get("FEED_EXPORT_ENCODING") == "latin-1"
    assert crawler.settings.getint("CONCURRENT_ITEMS") == 50


def extract(item: Any, workers: int = 0, crawler: Any = None) -> Any:
    crawler = crawler or get_crawler(JoongAngSpider, {"NEWSBOT_WORKERS": workers})
    pipeline = build_from_crawler(ExtractPipeline, crawler)
    try:
        return asyncio.run(pipeline.process_item(item))
    finally:
        pipeline.close_spider()


@pytest.mark.parametrize("workers", [0, 1], ids=["inline", "process-pool"])
def test_extract_pipeline_turns_a_page_into_a_record_and_counts(workers: int) -> None:
    crawler = get_crawler(JoongAngSpider, {"NEWSBOT_WORKERS": workers})
    record = extract(page("articles/2021-10-13-diplomacy-security-advisers"), crawler=crawler)
    assert record["authors"][0]["name"] == "Sarah Kim"
    assert crawler.stats is not None
    assert crawler.stats.get_value("newsbot/layout/2020-23") == 1
    assert crawler.stats.get_value("newsbot/captions/pruned") == 1
    assert crawler.stats.get_value("newsbot/chrome/removed/comments") == 1


@pytest.mark.parametrize(
    ("html", "drop"),
    [
        ("", EmptyPage),
        ("\x00\x01\x02binary", EmptyPage),
        ("<html><body><p>Hi</p></body></html>", NoHeadline),
        ("<html><body><h1>A headline</h1><p>Hi</p></body></html>", EmptyBody),
    ],
)
def test_bad_pages_become_counted_drops(html: str, drop: type[NewsbotDrop]) -> None:
    with pytest.raises(drop) as raised:
        extract(Page("http://127.0.0.1/news/2025-01-02/national/politics/S/2300001", html))
    assert raised.value.url.endswith("/2300001")


def test_a_drop_from_a_worker_process_keeps_its_reason() -> None:
    with pytest.raises(EmptyBody):
        extract(Page("http://127.0.0.1/news/2025-01-02/national/politics/S/2300001", "<h1>A</h1><p>Hi</p>"), 1)


# What a crawl's main script is: the ``scrapy`` console script imports Scrapy at its top.
WORKER_MODULES_SCRIPT = """
import sys

import scrapy.cmdline  # noqa: F401

from newsbot.extraction.worker import worker_context

if __name__ == "__main__":
    # Launched as the pool launches its workers; the worker writes down what it has imported.
    asked = f"import sys; open({sys.argv[1]!r}, 'w').write(' '.join(sorted(sys.modules)))"
    worker = worker_context().Process(target=exec, args=(asked,))
    worker.start()
    worker.join()
"""


def test_extraction_workers_do_not_import_the_crawls_main_script(tmp_path: Path) -> None:
    # multiprocessing has each new process run the parent's main script again; for a crawl that
    # is Scrapy and Twisted, 0.2 s of CPU a worker that its extraction never uses.
    script = tmp_path / "crawl_main.py"
    script.write_text(WORKER_MODULES_SCRIPT, encoding="utf-8")
    modules = tmp_path / "modules.txt"
    subprocess.run([sys.executable, str(script), str(modules)], timeout=120, cwd=ROOT, check=True)
    imported = modules.read_text().split()
    assert "lxml.html" in imported  # the worker module's own, from the fork server
    assert not [name for name in imported if name.split(".")[0] in ("scrapy", "twisted")]


def test_items_of_other_kinds_pass_untouched() -> None:
    item = {"title": "a user's own item"}
    assert extract(item) is item


def record() -> dict[str, Any]:
    result: dict[str, Any] = extract(page("articles/2025-05-14-tech-ai-chips"))
    return result


def test_scope_pipeline_writes_each_article_once() -> None:
    crawler = get_crawler(JoongAngSpider)
    crawler.spider = crawler._create_spider()
    pipeline = build_from_crawler(ScopePipeline, crawler)
    pipeline.process_item(record())
    with pytest.raises(DuplicateArticle):
        pipeline.process_item(record())


@pytest.mark.parametrize("workers", [0, 1], ids=["inline", "process-pool"])
def test_the_leak_check_runs_beside_extraction_and_reaches_the_monitor(workers: int) -> None:
    crawler = get_crawler(JoongAngSpider, {"NEWSBOT_WORKERS": workers})
    monitor = CrawlMonitor.from_crawler(crawler)
    heard: list[tuple[str, frozenset[str]]] = []
    crawler.signals.connect(lambda url, leaks: heard.append((url, leaks)), signal=record_checked, weak=False)
    saved = page("articles/2025-05-14-tech-ai-chips")
    second = record()["articleBody"].split("\n")[1].encode()
    # Prose that holds a toolbar's words: no cleaning rule removes it, the leak detector sees it.
    assert isinstance(saved.body, bytes)
    leaking = saved.body.replace(b"<p>" + second, b"<p>Readers print dictionary pages, he said.</p><p>" + second)
    assert leaking != saved.body
    written = extract(Page(saved.url, leaking, saved.content_type), workers, crawler)
    assert heard == [(written["url"], frozenset({"chrome"}))]
    monitor.item_scraped(written)
    assert monitor.figures.counts["leaked"] == 1 and monitor.figures.leak_kinds["chrome"] == 1
    assert monitor.figures.counts["records"] == 1


def test_the_monitor_checks_a_record_nobody_checked() -> None:
    monitor = CrawlMonitor.from_crawler(get_crawler(JoongAngSpider))
    unchecked = record()
    unchecked["articleBody"] += "\nBY KIM JI-HYE [kim.jihye@joongang.co.kr]"
    monitor.item_scraped(unchecked)
    assert monitor.figures.leak_kinds["byline"] == 1


def test_validate_pipeline_refuses_a_broken_record() -> None:
    pipeline = ValidatePipeline()
    good = record()
    assert pipeline.process_item(good) is good
    broken = {**good, "headline": "", "datePublished": "13 Oct. 2021"}
    with pytest.raises(InvalidRecord, match="datePublished"):
        pipeline.process_item(broken)


def test_summary_line() -> None:
    stats = {
        "newsbot/records": 12,
        "newsbot/dropped/empty_body": 1,
        "newsbot/dropped/http_404": 2,
        "newsbot/layout/generic": 1,
        "newsbot/captions/removed": 2,
        "newsbot/captions/pruned": 3,
        "newsbot/chrome/pruned/ads": 4,
        "newsbot/chrome/removed/toolbar": 1,
    }
    assert summary_line(stats, "finished") == (
        "12 records written; dropped: empty_body=1, http_404=2; generic path: 1; captions removed: 5; "
        "chrome removed: 5; finish reason: finished"
    )


def test_spider_arguments() -> None:
    spider = JoongAngSpider(start_urls="http://127.0.0.1:9/a, http://127.0.0.1:9/b", limit="5", _job="abc")
    assert spider.start_urls == ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"]
    assert spider.limit == 5
    assert "127.0.0.1" in spider.allowed_domains and "www.koreajoongangdaily.com" in spider.allowed_domains
    assert spider.argument_error is None
    assert JoongAngSpider(limit="0").argument_error is not None
    assert JoongAngSpider(since="2025-02-01", until="2025-01-01").argument_error is not None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "/2021/10/13/national/diplomacy/Some-Slug/20211013183600363.html",
            "2021-10-13-national-diplomacy-some-slug-20211013183600363-html",
        ),
        ("/../../etc/passwd", "etc-passwd"),
        ("..", "page"),
        ("C:\\Windows\\system32", "c-windows-system32"),
    ],
)
def test_fixture_folder_names_come_from_nothing_but_safe_characters(text: str, slug: str) -> None:
    assert slug_for(text) == slug
