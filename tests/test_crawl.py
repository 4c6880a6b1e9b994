"""``scrapy crawl joongang`` end to end, against the fixture site on a local server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from newsbot.downloadermiddlewares.replay import FixtureSite, relocate
from newsbot.profiles import JOONGANG, profile_for_url
from newsbot.schema import record_errors
from newsbot.tools.fixtures import stable
from tests.conftest import LISTING_PATH, ROOT, origin, run_crawl
from tests.sites import Site, free_port

NEWSBOT_FIXTURES = str(Path(sys.executable).with_name("newsbot-fixtures"))


def expected_records(site: FixtureSite, at: str | None = None, profile: str = "joongang") -> dict[str, dict[str, Any]]:
    """The reviewed records of the fixture site's articles of one profile's site, by id."""
    records = {}
    for page in site.articles:
        if profile_for_url(page.url).name != profile:
            continue
        text = page.expected_path.read_bytes()
        record = json.loads(relocate(text, at) if at else text)
        records[record["articleId"]] = record
    return records


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    record = stable(record)
    record["metadata"].pop("source", None)  # where the crawl found the link: not part of extract()
    return record


def test_listing_crawl_writes_exactly_the_expected_records(
    fixture_server: HTTPServer, site: FixtureSite, tmp_path: Path
) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_records(site, origin(fixture_server))
    written = {record["articleId"]: record for record in result.records}
    assert len(written) == len(result.records)  # one record per article
    assert sorted(written) == sorted(expected)
    for article_id, record in written.items():
        assert comparable(record) == expected[article_id]
        assert record["metadata"]["source"].startswith(origin(fixture_server))
        assert record_errors(record) == []
    assert result.stats["newsbot/records"] == len(expected)
    assert result.stats["item_scraped_count"] == len(result.records)  # nothing scraped is missing
    assert result.stats["newsbot/layout/generic"] == 1
    assert result.stats["newsbot/dropped/empty_body"] == 1  # the video page
    assert result.stats["newsbot/captions/pruned"] > 0
    assert "records written; dropped: empty_body=1; generic path: 1" in result.log


def test_output_is_utf8_not_ascii_escaped(fixture_server: HTTPServer, tmp_path: Path) -> None:
    article = "/2022/11/18/englishStudy/bilingualNews/kimchi-making-season-KOR/20221118160000111.html"
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{article}")
    text = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "김장철이" in text and "\\u" not in text
    assert len(result.records) == 1


def test_a_tracking_parameter_does_not_make_a_second_article(fixture_server: HTTPServer, tmp_path: Path) -> None:
    article = "/2021/10/13/national/diplomacy/South-US-security-advisers-talks-North/20211013183600363.html"
    base = origin(fixture_server)
    result = run_crawl(
        tmp_path, "-a", f"start_urls={base}{article}?detailWord=adviser,{base}{article},{base}{LISTING_PATH}"
    )
    ids = [record["articleId"] for record in result.records]
    assert ids.count("20211013183600363") == 1
    assert next(r for r in result.records if r["articleId"] == "20211013183600363")["url"] == base + article


@pytest.mark.parametrize(
    ("path", "count"),
    [("/xmls/joins", 4), ("/sitemap.xml", 10), ("/sitemap-news.xml", 5)],
)
def test_feeds_and_sitemaps_are_recognised_by_content(
    fixture_server: HTTPServer, tmp_path: Path, path: str, count: int
) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{path}")
    assert len(result.records) == count
    assert all(record["metadata"]["source"].startswith(origin(fixture_server)) for record in result.records)


def test_section_front_is_not_a_record(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}/section/national")
    assert result.records  # its headline links are followed ...
    assert all("/section/" not in record["url"] for record in result.records)  # ... but it is no story


def test_since_and_until_skip_before_download(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(
        tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}", "-a", "since=2025-01-01",
        "-a", "until=2025-12-31",
    )  # fmt: skip
    dates = sorted(record["datePublished"][:10] for record in result.records)
    assert dates == ["2025-03-04", "2025-05-14", "2025-07-02", "2025-09-08"]
    assert result.stats["newsbot/skipped/out_of_range"] >= 9  # cards and URLs carry the date
    assert result.stats.get("newsbot/dropped/out_of_range", 0) == 0


def test_limit_writes_exactly_that_many(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}", "-a", "limit=3")
    assert len(result.records) == 3
    assert "'finish_reason': 'limit_reached'" in result.log
    # Scheduling stops at the limit: at most a handful of pages are fetched only to be dropped,
    # and those are no warning.
    assert result.stats.get("newsbot/dropped/over_limit", 0) <= 2
    assert not [line for line in result.log.splitlines() if "WARNING" in line and "over_limit" in line]
    articles_fetched = result.stats["item_scraped_count"] + result.stats.get("item_dropped_count", 0)
    assert articles_fetched <= 3 + 2


def test_bad_argument_closes_the_spider_with_a_reason(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}", "-a", "since=yesterday")
    assert result.returncode == 2
    assert result.records == []
    assert "bad spider argument: not a date: 'yesterday'" in result.log
    assert "Spider opened" not in result.log  # checked before the crawl, and its feed, start


def test_offline_replay_of_the_bundled_fixtures(site: FixtureSite, tmp_path: Path) -> None:
    """The README's first command: the default start URLs, answered from fixtures/."""
    result = run_crawl(tmp_path, "-s", "NEWSBOT_REPLAY=fixtures")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_records(site)
    assert sorted(r["articleId"] for r in result.records) == sorted(expected)
    for record in result.records:
        assert comparable(record) == expected[record["articleId"]]
        assert record_errors(record) == []
    # The README shows this crawl's summary line and health table: they are what it prints.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    summary = next(line for line in readme.splitlines() if line.startswith("newsbot: 13 records written"))
    assert f"INFO: {summary}" in result.log
    table = readme.split("newsbot: crawl health report\n", 1)[1].split("```", 1)[0]
    assert table in result.log


def test_a_daily_page_reached_through_news_is_read_with_the_dailys_profile(site: FixtureSite, tmp_path: Path) -> None:
    """``scrapy crawl news`` given the Daily's news sitemap writes the records ``joongang`` writes."""
    sitemap = "https://koreajoongangdaily.joins.com/sitemap-news.xml"
    result = run_crawl(tmp_path, "-a", f"start_urls={sitemap}", "-s", "NEWSBOT_REPLAY=fixtures", spider="news")
    assert result.returncode == 0, result.log[-3000:]
    expected = expected_records(site)
    assert len(result.records) >= 3
    for record in result.records:
        assert record["metadata"]["site"] == "joongang"
        assert comparable(record) == expected[record["articleId"]]


def test_links_off_the_allowed_hosts_are_not_followed(fixture_server: HTTPServer, tmp_path: Path) -> None:
    result = run_crawl(tmp_path, "-a", f"start_urls={origin(fixture_server)}{LISTING_PATH}?page=2")
    assert result.records
    assert all("other-newspaper" not in record["url"] for record in result.records)
    assert result.stats["newsbot/skipped/offsite"] >= 1
    assert "other-newspaper" not in result.log.split("Dumping Scrapy stats")[0].replace("skipped", "")


def test_record_command_saves_a_page_and_its_expected_record(fixture_server: HTTPServer, tmp_path: Path) -> None:
    article = "/2022/08/11/national/northKorea/North-Korea-Covid-victory-Kim-Yo-jong/20220811102233456.html"
    env = {**os.environ, "NO_PROXY": "*", "no_proxy": "*"}
    command = [NEWSBOT_FIXTURES, "--root", str(tmp_path), "record", origin(fixture_server) + article, "--name", "nk"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    saved = tmp_path / "articles" / "nk"
    assert (saved / "body.html").exists()
    record = json.loads((saved / "expected.json").read_text(encoding="utf-8"))
    assert record["authors"] == [{"name": "Yonhap", "nameRaw": "Yonhap"}]
    assert json.loads((saved / "meta.json").read_text())["url"] == origin(fixture_server) + article


def test_unreachable_start_urls_fail_the_crawl(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}/section/allArticles"
    result = run_crawl(tmp_path, "-a", f"start_urls={closed}", "-s", "RETRY_TIMES=0")
    assert result.returncode == 3
    assert "'finish_reason': 'start_urls_unreachable'" in result.log
    assert result.stats["newsbot/discovery/failed/connection_refused"] == 1
    # robots.txt could not be fetched either: one line for it, one for the page, no traceback.
    assert "Traceback" not in result.log
    assert result.log.count("[scrapy.downloadermiddlewares.robotstxt] WARNING") == 1
    assert len([line for line in result.log.splitlines() if "Connection was refused" in line]) == 2


def _story(headline: str) -> str:
    paragraphs = "".join(
        f"<p>{headline}: paragraph {n} of the story, told at the length of news.</p>" for n in range(5)
    )
    return (
        f"<html lang='en'><head><title>{headline}</title></head><body>"
        f"<div class='article-content'><h1 class='article-title'>{headline}</h1>{paragraphs}</div></body></html>"
    )


def test_two_stories_sharing_a_trailing_number_off_the_site_are_two_articles(tmp_path: Path) -> None:
    """A number in the URL is the article's key only on the profile's own hosts."""
    paths = ["/business/chip-story/20250514", "/sports/football-story/20250514"]
    local = Site()
    with local.running():
        local.page(paths[0], _story("Chip exports rise"))
        local.page(paths[1], _story("Football final sells out"))
        local.page("/list", "<html><body>" + "".join(f"<a href='{p}'>s</a>" for p in paths) + "</body></html>")
        result = run_crawl(tmp_path, "-a", f"start_urls={local.origin}/list", "-s", "ROBOTSTXT_OBEY=False")
        assert sorted(record["headline"] for record in result.records) == [
            "Chip exports rise",
            "Football final sells out",
        ]
        assert all(len(local.hits[path]) == 1 for path in paths)


def test_on_the_sites_own_hosts_the_number_is_the_article() -> None:
    old = "https://koreajoongangdaily.joins.com/news/2025-05-14/business/industry/Chip-story/2412936"
    assert JOONGANG.article_key(old, "2412936") == "2412936"
    assert JOONGANG.article_key("http://127.0.0.1:8000/business/chip-story/20250514", "20250514") == (
        "http://127.0.0.1:8000/business/chip-story/20250514"
    )
