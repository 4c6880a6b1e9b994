from __future__ import annotations

import pytest

from newsbot.discovery.urls import absolute_url, canonical_url, section_name
from newsbot.profiles import JOONGANG

parse_article_url = JOONGANG.article_url


@pytest.mark.parametrize(
    ("url", "era", "article_id", "section", "sub", "day"),
    [
        (
            "https://koreajoongangdaily.joins.com/2021/10/13/national/diplomacy/Some-Slug/20211013183600363.html",
            "dated-html", "20211013183600363", "national", "diplomacy", "2021-10-13",
        ),
        (
            "https://koreajoongangdaily.joins.com/2019/01/02/economy/Old-Story/3058001.html",
            "dated-html", "3058001", "economy", None, "2019-01-02",
        ),
        (
            "https://koreajoongangdaily.joins.com/news/2025-10-01/national/socialAffairs/Some-Slug/2412936",
            "news", "2412936", "national", "socialAffairs", "2025-10-01",
        ),
        (
            "https://www.koreajoongangdaily.com/national/some-lowercase-slug/20250514",
            "section-slug-id", "20250514", "national", None, None,
        ),
        (
            "http://127.0.0.1:8080/news/2024-06-12/entertainment/kpop/Girl-group/2045871",
            "news", "2045871", "entertainment", "kpop", "2024-06-12",
        ),
    ],
)  # fmt: skip
def test_article_urls_of_every_era(
    url: str, era: str, article_id: str, section: str, sub: str | None, day: str | None
) -> None:
    info = parse_article_url(url)
    assert info is not None
    assert (info.era, info.article_id, info.section, info.subsection) == (era, article_id, section, sub)
    assert (info.date.date().isoformat() if info.date else None) == day


@pytest.mark.parametrize(
    "url",
    [
        "https://koreajoongangdaily.joins.com/section/allArticles",
        "https://koreajoongangdaily.joins.com/section/national",
        "https://koreajoongangdaily.joins.com/section/national/12345678",
        "https://koreajoongangdaily.joins.com/xmls/joins",
        "https://koreajoongangdaily.joins.com/data/photo/2021/10/13/x.jpg",
        "mailto:kim.sarah@joongang.co.kr",
    ],
)
def test_other_urls_are_not_articles(url: str) -> None:
    assert parse_article_url(url) is None


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "https://koreajoongangdaily.joins.com/2021/10/13/national/diplomacy/S/20211013183600363.html"
            "?detailWord=adviser#comments",
            "https://koreajoongangdaily.joins.com/2021/10/13/national/diplomacy/S/20211013183600363.html",
        ),
        (
            "https://WWW.koreajoongangdaily.com/sports/son/20250702?utm_source=x",
            "https://www.koreajoongangdaily.com/sports/son/20250702",
        ),
        (
            "https://koreajoongangdaily.joins.com/section/allArticles?utm_source=x&page=2#top",
            "https://koreajoongangdaily.joins.com/section/allArticles?page=2",
        ),
        # Google's search-result id, on a page a search led to.
        ("https://shop.example/guide/?srsltid=AfmBOopZ&page=2", "https://shop.example/guide/?page=2"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    ("token", "name"),
    [("socialAffairs", "Social Affairs"), ("northKorea", "North Korea"), ("national", "National")],
)
def test_section_name(token: str, name: str) -> None:
    assert section_name(token) == name


def test_section_name_overrides() -> None:
    assert section_name("kpop", {"kpop": "K-pop"}) == "K-pop"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/data/photo/a b.jpg", "https://koreajoongangdaily.joins.com/data/photo/a%20b.jpg"),
        ("https://www.koreajoongangdaily.com/x.jpg", "https://www.koreajoongangdaily.com/x.jpg"),
        ("", None),
        ("   ", None),
        ("javascript:void(0)", None),
        ("http://[", None),
        ("https://koreajoo ngangdaily.joins.com/x.png", None),
    ],
)
def test_absolute_url(href: str, expected: str | None) -> None:
    assert absolute_url(href, "https://koreajoongangdaily.joins.com/2021/10/13/national/S/1.html") == expected
