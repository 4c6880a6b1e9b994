"""Scrapy's own tools on newsbot: extract one URL, check contracts, crawl -h, CSV and Parquet feeds."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from newsbot.commands.crawl import FAILED, REDIS_UNREACHABLE
from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.exporters import record_fields
from newsbot.profiles import PROFILES
from tests.conftest import FIXTURES, ROOT, SCRAPY
from tests.sites import Site, status
from tests.test_crawl import comparable
from tests.test_sites import _article


def scrapy(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCRAPY, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def _without_nulls(value: Any) -> Any:
    """A Parquet row as the JSON record it came from: absent fields come back as nulls."""
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


# scrapy extract URL ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["articles/2021-10-13-diplomacy-security-advisers", "joongang_ilbo/articles/2020-06-15-joins-society-heatwave"],
)
def test_extract_prints_the_record_the_crawl_writes(site: FixtureSite, name: str) -> None:
    page = next(page for page in site.pages if page.name == name)
    done = scrapy("extract", "-s", "NEWSBOT_REPLAY=fixtures", page.url)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 1  # one JSON line, as in the feed
    assert comparable(json.loads(lines[0])) == page.expected_record()


def test_extract_says_why_a_page_gives_no_record() -> None:
    done = scrapy("extract", "-s", "NEWSBOT_REPLAY=fixtures", "https://www.joongang.co.kr/article/25310001")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines()[-1] == "no record: empty_body"
    missing = scrapy("extract", "-s", "NEWSBOT_REPLAY=fixtures", "https://www.joongang.co.kr/article/99999999")
    assert missing.returncode == 1 and missing.stderr.splitlines()[-1] == "no record: http_404"


def test_extract_refuses_a_listing_of_a_known_site() -> None:
    done = scrapy("extract", "-s", "NEWSBOT_REPLAY=fixtures", "https://www.joongang.co.kr/politics")
    assert done.returncode == 2
    assert "no article URL of the joongang_ilbo spider's site" in done.stderr


# scrapy check -------------------------------------------------------------------------------------


def test_check_runs_every_sites_contracts_on_the_saved_pages() -> None:
    done = scrapy("check", "-s", "NEWSBOT_REPLAY=fixtures")
    assert done.returncode == 0, done.stderr[-3000:]
    ran = int(done.stderr.split("Ran ", 1)[1].split(" contract", 1)[0])
    articles = sum(len(profile.checks.get("article", ())) for profile in PROFILES.values())
    listings = sum(len(profile.checks.get("listing", ())) for profile in PROFILES.values())
    assert articles >= 7 and listings >= 5
    assert ran == 3 * articles + 2 * listings  # items, requests, record; items, requests


def test_check_fails_when_a_layout_no_longer_matches(tmp_path: Path) -> None:
    copy = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, copy)
    page = copy / "joongang_ilbo" / "articles" / "2021-03-09-moka-politics-two-reporters" / "body.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace('class="article_body fs3" id="article_body"', 'class="story_text"')
    )
    done = scrapy("check", "-s", f"NEWSBOT_REPLAY={copy}", "joongang_ilbo")
    assert done.returncode == 1
    assert "layout is 'generic', not '2021-moka'" in done.stderr


# scrapy crawl -h ----------------------------------------------------------------------------------


def test_crawl_help_lists_the_spiders_arguments_and_exit_codes() -> None:
    done = scrapy("crawl", "-h")
    assert done.returncode == 0
    for spider in ("joongang", "joongang_ilbo", "news", "warc"):
        assert f"\n  {spider} " in done.stdout
    for argument in ("start_urls", "since", "until", "limit", "warc"):
        assert f"\n  {argument} " in done.stdout
    for code in [*FAILED.values(), REDIS_UNREACHABLE]:
        assert f"\n  {code} " in done.stdout


# CSV and Parquet ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One offline crawl of the fixture site into JSON Lines, CSV and Parquet at once."""
    out = tmp_path_factory.mktemp("exports")
    done = scrapy(
        "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures",
        "-O", str(out / "a.jsonl"), "-O", str(out / "a.csv"), "-O", str(out / "a.parquet"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def _records(folder: Path) -> dict[str, dict[str, Any]]:
    lines = (folder / "a.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["url"]: record for record in map(json.loads, lines)}


def test_csv_has_the_same_columns_every_crawl_and_nested_fields_as_json(exported: Path) -> None:
    with (exported / "a.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
        assert stream.seek(0) == 0 and next(csv.reader(stream)) == record_fields()
    records = _records(exported)
    assert len(rows) == len(records) == 13
    for row in rows:
        record = records[row["url"]]
        for field in record_fields():
            value = record.get(field)
            if isinstance(value, dict | list):
                assert json.loads(row[field]) == value
            else:
                assert row[field] == (value or "")
    # dateModified and mainImage are columns although the first record has neither.
    assert any(row["dateModified"] for row in rows) and any(row["mainImage"] for row in rows)


def test_csv_honours_feed_export_fields(tmp_path: Path) -> None:
    out = tmp_path / "few.csv"
    done = scrapy(
        "crawl", "joongang", "-s", "NEWSBOT_REPLAY=fixtures", "-s", "FEED_EXPORT_FIELDS=url,headline,authors",
        "-O", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    with out.open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == ["url", "headline", "authors"]


def test_parquet_reads_back_as_the_records(exported: Path) -> None:
    import pyarrow.parquet as pyarrow_parquet  # in the test extra: missing, the test fails

    table = pyarrow_parquet.read_table(exported / "a.parquet")
    assert table.column_names == record_fields()
    assert (
        str(table.schema.field("authors").type) == "list<element: struct<name: string, nameRaw: string, email: string>>"
    )
    records = _records(exported)
    rows = [_without_nulls(row) for row in table.to_pylist()]
    assert len(rows) == len(records)
    for row in rows:
        assert row == records[row["url"]]


@pytest.mark.parametrize("answer", [500, 404])
def test_recording_an_error_page_saves_nothing_and_says_why(tmp_path: Path, answer: int) -> None:
    local = Site()
    local.routes["/broken"] = status(answer)
    with local.running():
        command = [
            str(Path(SCRAPY).with_name("newsbot-fixtures")),
            "--root",
            str(tmp_path),
            "record",
            f"{local.origin}/broken",
        ]
        env = {**os.environ, "NO_PROXY": "*", "no_proxy": "*"}
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"newsbot-fixtures: {local.origin}/broken answered HTTP {answer}; nothing saved"
    ]
    assert list(tmp_path.iterdir()) == []


def test_extract_of_a_feed_says_it_is_no_article_page() -> None:
    local = Site()
    with local.running():
        local.page("/stories/harbour", _article("Harbour reopens after storm", "2026-03-02T09:00:00"))
        rss = f"<rss version='2.0'><channel><item><link>{local.origin}/stories/harbour</link></item></channel></rss>"
        local.page("/feed.xml", rss, "application/rss+xml")
        done = scrapy("extract", "-s", "ROBOTSTXT_OBEY=False", f"{local.origin}/feed.xml")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines()[-1] == (
        f"no record: {local.origin}/feed.xml is an RSS feed, not an article page; crawl it with scrapy crawl"
    )


def test_parse_finds_the_spider_of_the_urls_site() -> None:
    url = "https://koreajoongangdaily.joins.com/2022/05/02/business/economy/exports-semiconductors-April/20220502173012345.html"
    done = scrapy("parse", "-s", "NEWSBOT_REPLAY=fixtures", url)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Unable to find spider" not in done.stderr
    # The spider's callback yields the page for the pipelines to extract: it is the scraped item.
    assert "# Scraped Items" in done.stdout and f"'url': '{url}'" in done.stdout
    missing = scrapy("parse", "-s", "NEWSBOT_REPLAY=fixtures", "--spider", "nosuch", url)
    assert missing.returncode == 1 and "Unable to find spider: nosuch" in missing.stderr
