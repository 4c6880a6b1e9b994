"""Profile selectors: CSS alternatives that skip the ones naming a class or id the page lacks."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree
from lxml.cssselect import CSSSelector

from newsbot.profiles.base import Selector, _required_names

PAGE = """<html><body>
<div class="article-body main"><h1 class="title">A</h1><p>One</p>
  <div class="ad-slot">ad</div><p id="second">Two</p></div>
<nav class="breadcrumb"><a href="/a">Home</a><a href="/b">News</a></nav>
<div class="x	tabbed">tab</div>
</body></html>"""


@pytest.mark.parametrize(
    ("css", "names"),
    [
        (".a", {".a"}),
        ("div.a.b", {".a", ".b"}),
        ("#main .body p", {"#main", ".body"}),
        ("nav.crumbs > a[href]", {".crumbs"}),
        ("h1", set()),
        ("div:not(.ad)", set()),  # a name under :not() is one the element must lack
        (".story:has(.photo)", {".story"}),
        ("p.lead:first-child", {".lead"}),
    ],
)
def test_the_names_a_selector_needs(css: str, names: set[str]) -> None:
    assert _required_names(css) == names


SELECTORS = [
    ("div.article-body", "p"),
    (".missing", ".ad-slot"),
    (".missing", "#gone"),
    ("#second", ".title", "nav.breadcrumb a"),
    ("div:not(.absent)",),  # the page lacks .absent: every div matches
    (".tabbed",),  # a class after a tab in the attribute
    (".nothing", "#nothing"),
]


@pytest.mark.parametrize("selectors", SELECTORS, ids=[" | ".join(s) for s in SELECTORS])
def test_selecting_finds_what_the_whole_union_finds(selectors: tuple[str, ...]) -> None:
    tree = lxml.html.fromstring(PAGE)
    union = etree.XPath(" | ".join(CSSSelector(css).path for css in selectors))
    expected = union(tree)
    assert Selector(selectors)(tree) == expected
    body = tree.find("body")
    assert body is not None
    assert Selector(selectors)(body[0]) == union(body[0])  # inside one element: stays inside it


def test_a_new_tree_is_read_afresh() -> None:
    ads = Selector((".ad-slot",))
    assert len(ads(lxml.html.fromstring(PAGE))) == 1
    assert ads(lxml.html.fromstring("<div class='other'>x</div>")) == []
    assert len(ads(lxml.html.fromstring(PAGE))) == 1


def test_elements_removed_after_the_first_selection_are_not_found() -> None:
    tree = lxml.html.fromstring(PAGE)
    ads = Selector((".ad-slot",))
    [ad] = ads(tree)
    parent = ad.getparent()
    assert parent is not None
    parent.remove(ad)
    assert ads(tree) == []
