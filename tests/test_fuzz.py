"""Property-based: whatever HTML comes in, ``newsbot.extract`` returns a valid record or raises
newsbot's own documented error, nothing else."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsbot
from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.schema import record_errors
from tests.conftest import FIXTURES

URL = "https://koreajoongangdaily.joins.com/news/2025-01-02/national/politics/Fuzzed/2300001"
PAGES = [page.body() for page in FixtureSite(FIXTURES).articles]
TAGS = ["p", "div", "span", "h1", "figure", "figcaption", "img", "br", "a", "article", "script", "table", "li"]
CLASSES = ["", "caption", "ab_photo", "article_body_container", "artAd", "related-article", "article-date"]

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=120)


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6 if depth < 3 else 0))):
        tag = draw(st.sampled_from(TAGS))
        css = draw(st.sampled_from(CLASSES))
        inner = draw(html_trees(depth + 1)) if depth < 3 else ""
        parts.append(f"<{tag} class='{css}' alt='{draw(text)}'>{draw(text)}{inner}</{tag}>{draw(text)}")
    return "".join(parts)


def check(html: str | bytes) -> None:
    try:
        record: dict[str, Any] = newsbot.extract(html, URL)
    except newsbot.NewsbotError as error:
        assert isinstance(error, newsbot.NotAnArticle) and error.reason
        return
    assert record_errors(record) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_trees())
def test_generated_html(body: str) -> None:
    check(f"<html><head><title>T</title></head><body>{body}</body></html>")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PAGES), st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.binary(max_size=40)), max_size=6)
)
def test_mutated_fixture_pages(page: bytes, cuts: list[tuple[float, float, bytes]]) -> None:
    for start, length, insert in cuts:
        at = int(start * len(page))
        page = page[:at] + insert + page[at + int(length * 200) :]
    check(page)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(body: bytes) -> None:
    check(body)
