"""Every saved article page against its reviewed expected record: one test per (case, field)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from newsbot.downloadermiddlewares.replay import FixtureSite, SavedPage
from newsbot.schema import record_errors
from newsbot.tools.fixtures import actual_outcome, expected_outcome
from tests.conftest import FIXTURES

SITE = FixtureSite(FIXTURES)
CASES = [page for page in SITE.pages if page.folder.parent.name == "articles"]
RECORD_CASES = [page for page in CASES if "record" in expected_outcome(page)]
FIELDS = sorted({field for page in RECORD_CASES for field in expected_outcome(page)["record"]})


@cache
def outcome(name: str) -> dict[str, Any]:
    page = next(page for page in CASES if page.name == name)
    return actual_outcome(page)


def test_the_fixture_site_is_big_enough() -> None:
    layouts = {expected_outcome(page)["record"]["metadata"]["layout"] for page in RECORD_CASES}
    assert len(RECORD_CASES) >= 12
    assert {"2020-23", "2023-26", "2025-www", "generic"} <= layouts


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("page", RECORD_CASES, ids=lambda page: page.name)
def test_field(page: SavedPage, field: str) -> None:
    expected = expected_outcome(page)["record"]
    actual = outcome(page.name)["record"]
    assert actual.get(field) == expected.get(field)


@pytest.mark.parametrize("page", RECORD_CASES, ids=lambda page: page.name)
def test_no_extra_fields(page: SavedPage) -> None:
    assert sorted(outcome(page.name)["record"]) == sorted(expected_outcome(page)["record"])


@pytest.mark.parametrize("page", RECORD_CASES, ids=lambda page: page.name)
def test_record_follows_the_schema(page: SavedPage) -> None:
    record = outcome(page.name)["record"]
    record["metadata"].update(dateDownloaded="2026-01-01T00:00:00+00:00", newsbotVersion="0")
    assert record_errors(record) == []


@pytest.mark.parametrize("page", [p for p in CASES if p not in RECORD_CASES], ids=lambda page: page.name)
def test_pages_that_are_not_articles(page: SavedPage) -> None:
    assert outcome(page.name) == expected_outcome(page)


@pytest.mark.parametrize("page", RECORD_CASES, ids=lambda page: page.name)
def test_body_never_holds_captions_bylines_or_chrome(page: SavedPage) -> None:
    record = outcome(page.name)["record"]
    body = record["articleBody"]
    for image in record["images"]:
        assert image.get("caption", "") not in body
    for line in body.split("\n"):
        assert line != record["headline"]
        assert not line.startswith(("BY ", "Published", "Updated", "Home >", "print dictionary"))
        assert "log in" not in line.lower() and "Standards Board" not in line
    assert "\n\n" not in body and body == body.strip()


# The text dump in the shared reference, rebuilt as a 2020-23 page: what issue 2 asks of it.
DUMP = "articles/2021-10-13-diplomacy-security-advisers"


def test_the_dump_article_comes_out_clean() -> None:
    record = outcome(DUMP)["record"]
    paragraphs = record["articleBody"].split("\n")
    assert len(paragraphs) == 19 and len(set(paragraphs)) == 19
    assert paragraphs[0].startswith("U.S. National Security Adviser Jake Sullivan stressed")
    assert paragraphs[-1].startswith("Seoul’s NSC also said that the two sides are working on follow-up")
    assert [(i["caption"][:8], i["credit"]) for i in record["images"]] == [
        ("Suh Hoon", "KOREAN EMBASSY TO THE UNITED STATES")
    ]
    assert record["authors"] == [{"name": "Sarah Kim", "nameRaw": "SARAH KIM", "email": "kim.sarah@joongang.co.kr"}]
    assert [crumb["name"] for crumb in record["breadcrumbs"]] == ["National", "Diplomacy"]
    assert record["datePublished"] == "2021-10-13T19:01:00+09:00"


def test_dump_paragraphs_match_the_reference_text() -> None:
    reference = FIXTURES.parent.parent / "shared" / "reference" / "000_1f457135f2d4290a.txt"
    assert reference.exists(), f"the shared reference is not beside this checkout: {reference}"
    lines = [line.strip() for line in reference.read_text(encoding="utf-8").splitlines()]
    for paragraph in outcome(DUMP)["record"]["articleBody"].split("\n"):
        assert paragraph in lines


def test_unknown_layout_takes_the_generic_path_and_stays_clean() -> None:
    record = outcome("articles/2026-02-10-generic-redesign")["record"]
    assert record["metadata"]["layout"] == "generic"
    assert record["images"][0]["credit"] == "YONHAP"
    assert record["authors"][0]["email"] == "cho.jungwoo@joongang.co.kr"
    assert len(record["articleBody"].split("\n")) == 4


def test_expected_files_are_sorted_utf8_json() -> None:
    for page in RECORD_CASES:
        text = page.expected_path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
