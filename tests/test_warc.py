"""Archives: the fixture site written as a WARC and read back through the same pipelines."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsbot.downloadermiddlewares.replay import FixtureSite
from tests.conftest import FIXTURES, ROOT, SCRAPY
from tests.test_crawl import comparable, expected_records

FIXTURE_TOOL = str(Path(sys.executable).with_name("newsbot-fixtures"))


def write_warc(path: Path) -> None:
    subprocess.run([FIXTURE_TOOL, "--root", str(FIXTURES), "warc", str(path)], check=True, capture_output=True)


def crawl_warc(tmp_path: Path, *paths: Path) -> tuple[list[dict[str, Any]], str, int]:
    out = tmp_path / "warc.jsonl"
    command = [SCRAPY, "crawl", "warc", "-a", "warc=" + ",".join(map(str, paths)), "-O", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return records, done.stderr, done.returncode


@pytest.mark.parametrize("name", ["fixtures.warc.gz", "fixtures.warc"])
def test_archived_pages_give_the_expected_records(tmp_path: Path, site: FixtureSite, name: str) -> None:
    archive = tmp_path / name
    write_warc(archive)
    records, log, code = crawl_warc(tmp_path, archive)
    assert code == 0, log[-2000:]
    # An archive holds any site: each page is read with its own host's profile.
    expected = {**expected_records(site), **expected_records(site, profile="joongang_ilbo")}
    assert sorted(r["articleId"] for r in records) == sorted(expected)
    for record in records:
        assert comparable(record) == expected[record["articleId"]]
        assert str(record["metadata"]["source"]).startswith(f"{name}#")
    # Listings, feeds and sitemaps are not articles: each is one skip.
    discovery = [page for page in site.pages if "discovery/" in page.name]
    assert len(discovery) >= 10
    assert f"'newsbot/warc/skipped': {len(discovery)}" in log


def test_a_truncated_archive_is_counted_and_the_rest_kept(tmp_path: Path, site: FixtureSite) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    records, log, code = crawl_warc(tmp_path, cut)
    assert code == 0
    articles = {**expected_records(site), **expected_records(site, profile="joongang_ilbo")}
    assert 0 < len(records) < len(articles)
    assert "'newsbot/warc/corrupt': 1" in log


def test_garbage_in_an_uncompressed_archive_is_counted(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    write_warc(plain)
    data = plain.read_bytes()
    middle = data.index(b"WARC/1.0", len(data) // 2)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:middle] + b"this is not a WARC record\r\n" + data[middle:])
    records, log, code = crawl_warc(tmp_path, broken)
    assert code == 0 and records
    assert "'newsbot/warc/corrupt': 1" in log


def test_a_missing_archive_is_a_bad_argument(tmp_path: Path) -> None:
    records, log, code = crawl_warc(tmp_path, tmp_path / "nowhere.warc.gz")
    assert code == 2 and records == []
    assert "no such WARC file" in log


def test_gzip_member_per_record(tmp_path: Path) -> None:
    archive = tmp_path / "members.warc.gz"
    write_warc(archive)
    with gzip.open(archive) as stream:  # a valid gzip stream, one member per record
        assert stream.read(8) == b"WARC/1.0"


def test_a_damaged_record_is_skipped_and_the_next_ones_read(tmp_path: Path, site: FixtureSite) -> None:
    plain = tmp_path / "plain.warc"
    write_warc(plain)
    data = plain.read_bytes()
    first_body = data.index(b"<!DOCTYPE html>")  # inside the first response's payload
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(data[:first_body] + b"<!DOCTYPE HTML>" + data[first_body + 15 :])  # same length, new digest
    records, log, code = crawl_warc(tmp_path, damaged)
    assert code == 0
    articles = {**expected_records(site), **expected_records(site, profile="joongang_ilbo")}
    assert len(articles) >= 19
    assert len(records) == len(articles) - 1  # all but the damaged one
    assert "'newsbot/warc/corrupt': 1" in log
