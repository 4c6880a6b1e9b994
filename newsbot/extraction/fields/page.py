"""What several field readers read of a page: its host, and its short lines."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree

from newsbot.extraction.html import text_of
from newsbot.text.normalise import clean_text


def host_of(url: str) -> str:
    """The URL's host, lower-cased; empty when it has none."""
    return (urlsplit(url).hostname or "").lower()


SHORT_LINE_CHARS = 160

# libxml2 measures every element's text in C; only the short ones reach clean_text. Twice the
# limit: normalize-space() keeps the no-break and zero-width spaces clean_text removes.
_SHORT_CANDIDATES = etree.XPath(
    "/html/body//*[not(self::script or self::style)][string-length(normalize-space(.)) < $limit]"
)

_DATED = etree.XPath(
    "/html/body//*[contains(@class, 'date') or contains(@class, 'time') or contains(@id, 'date')]"
    "[string-length(normalize-space(.)) < $limit]"
)

_SHORT_TEXTS = etree.XPath(
    "/html/body//text()[not(parent::script or parent::style)][string-length(normalize-space(.)) < $limit]"
)


def short_texts(tree: etree._Element) -> Iterator[str]:
    """The page's short text nodes, cleaned, in document order."""
    found = _SHORT_TEXTS(tree, limit=SHORT_LINE_CHARS)
    for node in found if isinstance(found, list) else ():
        if text := clean_text(str(node)):
            yield text


def dated_lines(tree: etree._Element) -> Iterator[str]:
    """Short elements whose class or id speaks of a date or a time."""
    found = _DATED(tree, limit=2 * SHORT_LINE_CHARS)
    for element in found if isinstance(found, list) else ():
        if isinstance(element, etree._Element) and (text := text_of(element)) and len(text) < SHORT_LINE_CHARS:
            yield text


def short_lines(tree: etree._Element) -> Iterator[str]:
    """Texts of the body's elements whose whole text is one short line: where date lines and
    trails sit."""
    candidates = _SHORT_CANDIDATES(tree, limit=2 * SHORT_LINE_CHARS)
    for element in candidates if isinstance(candidates, list) else ():
        if isinstance(element, etree._Element) and isinstance(element.tag, str):
            text = text_of(element)
            if text and len(text) < SHORT_LINE_CHARS:
                yield text
