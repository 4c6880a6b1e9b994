"""A story the page carries only inside a script, as HTML in a string for its own code to render.

Pages built as JavaScript applications (Next.js' streamed payload ``self.__next_f.push``, React
Query's dehydrated state) may ship the story's markup as a JSON string and print no story in
the HTML itself: Hankook Ilbo's pages since 2026, among the outside pages. There trafilatura
finds nothing, and the page was refused as empty. Only then are the scripts read: the longest
string holding several paragraphs' markup is the story. A page whose code renders the story from
a state without markup may still declare its text in JSON-LD's ``articleBody`` (the South China
Morning Post's opinion pages of 2020): that plain text is the story last of all.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import lxml.html
from lxml import etree

from newsbot.extraction.html import block_lines, text_of
from newsbot.extraction.story import long_paragraphs

# A JSON string literal long enough to hold a story; JavaScript writes its payloads as JSON.
_LONG_STRING = re.compile(r'"(?:[^"\\\n]|\\.){300,}"')
# The opening of a paragraph, as markup or as JSON writes "<" inside a script.
_PARAGRAPH_MARK = ("<p", "\\u003cp")
_MIN_PARAGRAPHS = 3
# A template's placeholder left for the page's code to fill (Hankook's "$$ARTICLEAD$$" for ads).
_PLACEHOLDER = re.compile(r"\$\$[A-Z_]+\$\$")


def story_scripts(tree: etree._Element) -> list[etree._Element]:
    """The page's scripts, held before they are stripped from the tree: read only when the
    page shows no story, most pages never need their text."""
    return list(tree.iter("script"))


def scripted_story(scripts: list[etree._Element]) -> lxml.html.HtmlElement | None:
    """A page holding the longest story markup found in ``scripts`` in one ``<article>``, for
    trafilatura to read; None when no string holds ``_MIN_PARAGRAPHS`` long paragraphs."""
    best, best_chars = None, 0
    for script in scripts:
        text = script.text or ""
        if not any(mark in text for mark in _PARAGRAPH_MARK):
            continue
        for literal in _LONG_STRING.finditer(text):
            try:
                value = json.loads(literal.group())
            except ValueError:
                continue
            if not isinstance(value, str) or value.count("<p") < _MIN_PARAGRAPHS:
                continue
            try:
                page = lxml.html.document_fromstring(
                    f"<html><body><article>{_PLACEHOLDER.sub('', value)}</article></body></html>"
                )
            except (etree.ParserError, ValueError):
                continue
            if len(long_paragraphs(page)) < _MIN_PARAGRAPHS:
                continue  # a template's few words (a consent banner, a menu), no story
            if (chars := len(text_of(page))) > best_chars:
                best, best_chars = page, chars
    return best


# A declared text's paragraphs: the lines it breaks, or, where it breaks none, the one run of text.
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def declared_story(json_ld: dict[str, Any]) -> list[str]:
    """The lines of the article's ``articleBody`` as JSON-LD declares it, for a page that
    prints no story: its entities unescaped (CMSs escape the text twice) and any markup read
    as text."""
    declared = json_ld.get("articleBody")
    if not isinstance(declared, str) or not declared.strip():
        return []
    text = html.unescape(declared)
    if "<" in text:
        try:
            text = "\n".join(block_lines(lxml.html.fragment_fromstring(text, create_parent="div")))
        except (etree.ParserError, ValueError):
            return []
    return [line for line in _LINE_BREAKS.split(text.strip()) if line]
