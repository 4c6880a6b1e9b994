"""The shape of a site profile and its layout versions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree
from lxml.cssselect import CSSSelector

from newsbot.text.chrome import GENERIC_CHROME, ChromeRules


class Selector:
    """CSS alternatives compiled once into one XPath union; selects elements in document order.

    Paths are ``descendant-or-self``: called on an element, a selector stays inside it.
    """

    def __init__(self, selectors: tuple[str, ...]) -> None:
        self.css = selectors
        self._xpath = (
            etree.XPath(" | ".join(CSSSelector(selector).path for selector in selectors)) if selectors else None
        )

    def __call__(self, node: etree._Element) -> list[etree._Element]:
        if self._xpath is None or not isinstance(node.tag, str):
            return []  # nothing to select, or a comment / processing instruction
        found = self._xpath(node)
        return [el for el in found if isinstance(el, etree._Element)] if isinstance(found, list) else []

    def __bool__(self) -> bool:
        return self._xpath is not None


def _compile(selectors: tuple[str, ...]) -> Selector:
    return Selector(selectors)


@dataclass(frozen=True)
class Layout:
    """One version of the article template. Selectors are CSS, alternatives in order."""

    name: str
    #: When the template was in use, for people reading the profile.
    in_use: str
    #: The element holding the story; a page matches this layout when it is found.
    body: tuple[str, ...]
    headline: tuple[str, ...] = ()
    #: Elements whose text holds "Published: ..." / "Updated: ..." lines.
    dates: tuple[str, ...] = ()
    #: Links or items of the breadcrumb trail.
    breadcrumbs: tuple[str, ...] = ()
    #: A photo block: it holds one image and its caption element.
    photos: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    #: Elements holding the writers' names, where the layout has one outside the body text.
    bylines: tuple[str, ...] = ()
    #: What to cut from the tree before text extraction, by kind (counted in stats per kind).
    prune: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def xpaths(self) -> dict[str, Selector]:
        fields = ("body", "headline", "dates", "breadcrumbs", "photos", "captions", "bylines")
        compiled = {name: _compile(getattr(self, name)) for name in fields}
        compiled.update({f"prune:{kind}": _compile(sel) for kind, sel in self.prune.items()})
        return compiled


@dataclass(frozen=True)
class SiteProfile:
    name: str
    #: Hosts of the site itself; a crawl also follows the hosts of its start URLs.
    hosts: tuple[str, ...]
    #: Where a crawl starts when given no start URLs.
    start_urls: tuple[str, ...]
    language: str
    #: Newest first: a page takes the first layout whose body selector matches.
    layouts: tuple[Layout, ...]
    #: Used when no layout matches: any template of this style of site.
    generic: Layout
    #: ``<title>`` suffixes to strip when the headline comes from the title.
    title_suffixes: tuple[str, ...]
    #: The share image used when a story has no photo: not a photo of the story.
    default_image: re.Pattern[str]
    #: Chrome text rules for this site, added to the generic ones (kind -> regexes).
    chrome_text: Mapping[str, tuple[str, ...]]
    #: The site's widget texts, literally: a line made only of these (glued together) is chrome.
    chrome_fragments: tuple[str, ...]
    #: Lines that close the byline before them, such as "with the Korea JoongAng Daily" (regexes).
    byline_continuations: tuple[str, ...]
    #: URL section tokens whose reading is not their camel-case split.
    section_names: Mapping[str, str]
    #: Listing pages: links to the next page of cards.
    next_page: tuple[str, ...]
    #: Listing cards with a date, to skip out-of-range articles before downloading them.
    listing_card: str
    listing_card_link: str
    listing_card_date: str

    @cached_property
    def chrome_rules(self) -> ChromeRules:
        """The generic and the site's chrome text rules, compiled once."""
        return ChromeRules(
            GENERIC_CHROME,
            self.chrome_text,
            fragments=self.chrome_fragments,
            continuations=self.byline_continuations,
        )

    @cached_property
    def xpaths(self) -> dict[str, Selector]:
        return {
            "next_page": _compile(self.next_page),
            "card": _compile((self.listing_card,)),
            # Evaluated with a card as context: descendant-or-self stays inside the card.
            "card_link": _compile((self.listing_card_link,)),
            "card_date": _compile((self.listing_card_date,)),
        }
