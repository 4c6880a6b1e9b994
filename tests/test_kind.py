"""Not an article, no record: the page-kind signals and model, on made-up evidence and on real pages.

The real pages come from the development sets beside the repository (``../shared/data``); these
tests fail when the sets are missing, since what they prove is about real pages.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import newsbot
from bench.generalise import tokens_f1
from bench.realsets import GoldPage, load
from newsbot.extraction.html import parse_html
from newsbot.extraction.kind import PageEvidence, article_probability, count_markup, model, signals

STORY = (
    "The city council approved the new budget on Tuesday after a long debate.",
    "Opponents said the plan cut too deeply into services that residents rely on every day.",
    "The mayor said the cuts were needed to close a gap left by falling tax receipts.",
)
NEWS = PageEvidence(
    url="https://news.example/2024/05/07/council-approves-budget-after-long-debate",
    json_ld_types=frozenset({"NewsArticle", "Person"}),
    og_type="article",
    dated=True,
    signed=True,
    paragraphs=STORY,
    body_link_chars=0,
    page_chars=400,
    page_link_chars=40,
    markup={
        "times": 1,
        "articles": 1,
        "headings": 2,
        "linked_headings": 0,
        "inputs": 1,
        "code": 0,
        "prices": 0,
        "member_links": 0,
        "avatars": 1,
    },
)
SHOP = replace(
    NEWS,
    url="https://shop.example/p/",
    json_ld_types=frozenset({"Product", "Offer"}),
    og_type="product",
    dated=False,
    signed=False,
    paragraphs=("Add to basket", "Free delivery over $50", "$49.99"),
    page_chars=3000,
    page_link_chars=1500,
    markup={
        "times": 0,
        "articles": 0,
        "headings": 12,
        "linked_headings": 10,
        "inputs": 14,
        "code": 0,
        "prices": 30,
        "member_links": 2,
        "avatars": 0,
    },
)


def test_signals_are_small_numbers_of_the_page_itself() -> None:
    values = signals(NEWS)
    assert set(values) == set(model().weights), "the shipped model weighs exactly the signals computed"
    assert all(0.0 <= value <= 3.0 for value in values.values())
    assert values["ld_article"] == values["og_article"] == values["url_day"] == values["declared"] == 1.0
    assert signals(SHOP)["ld_other"] == signals(SHOP)["og_product"] == 1.0


@pytest.mark.parametrize(
    ("url", "folder"),
    [
        ("https://forum.example/t/harbour-reopens/1234", "url_forum"),
        ("https://example.com/community/viewtopic.php?t=5", "url_forum"),
        ("https://example.com/docs/getting-started", "url_docs"),
        ("https://shop.example/products/blue-kettle", "url_shop"),
        ("https://news.example/tag/harbour", "url_shop"),
    ],
)
def test_a_url_folder_named_by_the_webs_conventions_is_a_signal(url: str, folder: str) -> None:
    values = signals(replace(NEWS, url=url))
    assert [name for name in ("url_forum", "url_docs", "url_shop") if values[name]] == [folder]


def test_no_folder_word_in_a_storys_slug_counts() -> None:
    # A slug of many words may say "forum" or "products": it is one segment, not the folder.
    values = signals(replace(NEWS, url="https://news.example/2024/05/07/forum-products-and-docs-of-the-council"))
    assert values["url_forum"] == values["url_shop"] == values["url_docs"] == 0.0


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://blog.example/", 1.0),
        ("https://blog.example/?utm_source=feed&srsltid=AfmBO", 1.0),  # how the reader came: still the front
        ("http://blog.example/?p=2895", 0.0),  # WordPress's plain link to a post
        ("https://blog.example/index.php?id=58354", 0.0),
    ],
)
def test_only_the_sites_front_is_its_root(url: str, root: float) -> None:
    assert signals(replace(NEWS, url=url))["url_root"] == root


def test_a_forums_posters_are_counted_in_the_markup() -> None:
    posts = "".join(
        f"<div class='post'><img class='avatar' src='/a/{n}.png'><a href='/members/{n}/'>user{n}</a>"
        f"<a href='/threads/x/{n}'>#{n}</a><img src='/smile.gif'></div>"
        for n in range(3)
    )
    counts = count_markup(parse_html(f"<html><body>{posts}<input type='hidden'></body></html>"), "")
    assert (counts["member_links"], counts["avatars"], counts["inputs"]) == (3, 3, 0)


def test_a_shop_page_is_less_likely_an_article_than_a_news_story() -> None:
    assert article_probability(SHOP) < model().threshold < article_probability(NEWS)


@pytest.mark.parametrize(
    "name", ["ld_other", "prices", "inputs", "code", "member_links", "avatars", "url_forum", "url_shop", "url_docs"]
)
def test_signals_of_other_kinds_lower_the_probability(name: str) -> None:
    """Each signal the model reads as 'no article' does lower the probability, all else alike."""
    more = {**signals(NEWS), name: signals(NEWS)[name] + 1.0}
    assert model().probability(more) < model().probability(signals(NEWS))


def _page(set_name: str, key: str) -> GoldPage:
    return next(page for page in load(set_name) if page.key == key)


@pytest.mark.parametrize(
    "key",
    [
        "2893",  # a shop's product page (sweetwater.com/store/detail/...)
        "2969",  # a news site's front page (theverge.com)
        "0564",  # a forum thread (stackoverflow.com/questions/...)
    ],
)
def test_real_pages_that_are_not_articles_are_refused(key: str) -> None:
    page = _page("wcxb", key)
    assert not page.is_article, page.url
    with pytest.raises(newsbot.NotAnArticle) as refused:
        newsbot.extract(page.html(), page.url)
    assert refused.value.reason in {"not_article", "empty_body"}


@pytest.mark.parametrize(("set_name", "key"), [("wcxb", "0221"), ("readability", "bbc-1"), ("aeb", "0d461229")])
def test_real_news_articles_are_kept(set_name: str, key: str) -> None:
    page = next(page for page in load(set_name) if page.key.startswith(key))
    assert page.is_article
    assert newsbot.extract(page.html(), page.url)["articleBody"]


def test_a_guide_whose_story_is_not_in_paragraphs_is_not_cut_short() -> None:
    """Precision mode keeps 2% of this page's text; the page-text trigger takes the default reading."""
    page = _page("wcxb", "0030")
    body = newsbot.extract(page.html(), page.url)["articleBody"]
    assert tokens_f1(body, page.body) > 0.8


def test_a_page_that_declares_no_date_is_dated_by_its_whole_page() -> None:
    """No meta tag, JSON-LD or date line of ours: htmldate's search of the page finds the day."""
    page = _page("wcxb", "0026")
    assert newsbot.extract(page.html(), page.url)["datePublished"][:10] == page.day
