"""The development sets and their split by site: committed, whole, and no site in both halves."""

from __future__ import annotations

import pytest

from bench import realsets
from bench.generalise import author_counts, gold_names, same_headline, same_instant, tokens_f1


@pytest.mark.parametrize("name", realsets.SETS)
def test_every_site_of_a_set_is_in_the_committed_split(name: str) -> None:
    pages = realsets.load(name)
    committed = realsets._committed()[name]
    assert {page.site for page in pages} == set(committed)
    assert {page.half for page in pages} == {"tune", "check"}


def test_a_site_is_in_the_same_half_of_every_set() -> None:
    halves: dict[str, set[str]] = {}
    for pages in realsets.load_all().values():
        for page in pages:
            halves.setdefault(page.site, set()).add(page.half)
    assert all(len(found) == 1 for found in halves.values())


def test_the_sets_hold_what_their_readmes_say() -> None:
    sets = realsets.load_all()
    assert [len(sets[name]) for name in realsets.SETS] == [181, 925, 94]
    assert sum(not page.is_article for page in sets["wcxb"]) == 229


@pytest.mark.parametrize(
    ("url", "site"),
    [("https://www.bbc.com/news/x", "bbc.com"), ("http://m.example.org/", "example.org"), ("https://a.b.c/", "a.b.c")],
)
def test_site_of(url: str, site: str) -> None:
    assert realsets.site_of(url) == site


def test_token_f1_is_wcxbs_bag_of_words() -> None:
    assert tokens_f1("The cat sat", "the cat sat") == 1.0
    assert tokens_f1("", "the cat") == 0.0
    assert round(tokens_f1("the cat", "the cat sat down"), 4) == round(2 * 1 * 0.5 / 1.5, 4)


def test_author_names_match_by_their_words() -> None:
    assert gold_names("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert author_counts(["Jane Doe"], "By Jane Doe and John Roe") == (1, 2, 1, 1)
    assert author_counts(["Jane A. Doe", "Staff"], "Jane Doe") == (1, 1, 1, 2)


def test_instants_compare_only_where_the_gold_has_an_offset() -> None:
    assert same_instant("2015-07-10T13:53:00+00:00", "2015-07-10T09:53:00-04:00") is True
    assert same_instant("2015-07-10T09:53:00", "2015-07-10T09:53:00-04:00") is False
    assert same_instant("2015-07-10T09:53:00", "2015-07-10T09:53") is None
    assert same_headline("Breaking: “quoted”  title", 'breaking: "quoted" title')
