"""From extracted lines to the article's paragraphs: drop what is not the story, say what went."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsbot.text.bylines import Author, agency, parse_byline
from newsbot.text.captions import CaptionMatcher, has_credit, is_photo_credit
from newsbot.text.chrome import ChromeRules
from newsbot.text.dates import is_stamp_line
from newsbot.text.normalise import clean_text, fingerprint, link_key

# How far from the end a byline without an e-mail is still taken for one.
_BYLINE_TAIL = 3
# A related-article list is short link titles; a sentence ending in punctuation is prose again.
_SENTENCE_END = re.compile(r"[.!?\"”’)]$")
_MAX_RELATED_TITLE_WORDS = 25
_LABEL_WORDS = 4
_BILINGUAL_MARK = re.compile(r"\s*\((?:KOR|ENG)\)\s*$")


@dataclass
class CleanBody:
    paragraphs: list[str]
    authors: list[Author] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    #: stats key suffix -> lines removed, e.g. ``captions/removed``, ``chrome/removed/toolbar``.
    removed: Counter[str] = field(default_factory=Counter)


def _headline_keys(headline: str | None, titles: Iterable[str]) -> set[str]:
    texts = [text for text in (headline, *titles) if text]
    keys = {_headline_key(text) for text in texts} | {_headline_key(_BILINGUAL_MARK.sub("", text)) for text in texts}
    return {key for key in keys if key}


def _headline_key(text: str) -> str:
    # Without spaces: trafilatura runs a heading's kicker and headline together when they are
    # elements of their own ("Minderheit in SyrienDrusen fordern ..."), and the line repeats
    # the heading all the same.
    return fingerprint(text).replace(" ", "")


def clean_body(
    lines: list[str],
    *,
    headline: str | None,
    captions: CaptionMatcher,
    chrome: ChromeRules,
    titles: Iterable[str] = (),
    language: str | None = None,
    credit_captions: bool = True,
    list_links: frozenset[str] = frozenset(),
) -> CleanBody:
    """Keep the story's paragraphs; remove headline repeats, captions, bylines, datelines, chrome.

    ``titles`` are the page's other names (``<title>``, ``og:title``, its own address): a line
    repeating one is no story. ``list_links`` are :func:`~newsbot.text.normalise.link_key` keys
    of list items that are one link each: two or more such lines in a row are a list of links to
    other pages. ``credit_captions``: the site's captions end in an upper-case ``[CREDIT]``, so a
    short line that does is a caption.
    """
    result = CleanBody(paragraphs=[])
    headline_keys = _headline_keys(headline, titles)
    kept: list[str] = []
    in_related = False
    previous_kind: str | None = None
    for raw in lines:
        line = clean_text(raw)
        if not line:
            continue
        if in_related and len(line.split()) <= _MAX_RELATED_TITLE_WORDS and not _SENTENCE_END.search(line):
            result.removed["chrome/removed/related"] += 1
            continue
        in_related = False
        kind = _classify(line, headline_keys, captions, chrome, credit_captions=credit_captions, language=language)
        if kind is None and chrome.is_continuation(line) and previous_kind and previous_kind.startswith("chrome/"):
            # "... account to connect / with the Korea JoongAng Daily": the login widget, not a byline.
            kind = previous_kind
        previous_kind = kind
        if kind is None:
            kept.append(line)
            continue
        result.removed[kind] += 1
        # A bare label ("Related Articles", "DON'T MISS") heads a list; "Related: <title>" is one link.
        in_related = kind == "chrome/removed/related" and (line.endswith(":") or len(line.split()) <= _LABEL_WORDS)
    kept = _drop_link_lists(kept, list_links, result)
    result.paragraphs = _take_bylines(kept, result, chrome, language=language)
    return result


def _drop_link_lists(lines: list[str], list_links: frozenset[str], result: CleanBody) -> list[str]:
    if not list_links:
        return lines
    linked = [link_key(line) in list_links for line in lines]
    kept = []
    for index, line in enumerate(lines):
        in_run = linked[index] and ((index > 0 and linked[index - 1]) or (index + 1 < len(lines) and linked[index + 1]))
        if in_run:
            result.removed["chrome/removed/link_list"] += 1
        else:
            kept.append(line)
    return kept


def _classify(
    line: str,
    headline_keys: set[str],
    captions: CaptionMatcher,
    chrome: ChromeRules,
    *,
    credit_captions: bool,
    language: str | None,
) -> str | None:
    if is_photo_credit(line):
        return "captions/removed/credit"
    if chrome.is_continuation(line) or agency(line):
        return None  # decided with the byline next to it
    if _headline_key(line) in headline_keys:
        return "headline/removed"
    if captions.matches(line):
        return "captions/removed"
    if (kind := chrome.kind(line)) is not None:
        return f"chrome/removed/{kind}"
    if is_stamp_line(line):
        return "dateline/removed"
    # A caption of a photo whose markup was not recognised still ends in its credit.
    if credit_captions and has_credit(line) and parse_byline(line, language) is None:
        return "captions/removed"
    return None


def _take_bylines(lines: list[str], result: CleanBody, chrome: ChromeRules, *, language: str | None) -> list[str]:
    kept: list[str] = []
    previous_was_byline = False
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if chrome.is_continuation(line):
            # "with the Korea JoongAng Daily" closes an older byline, or is left of a login widget.
            if previous_was_byline:
                result.bylines.append(line)
            result.removed["byline/removed" if previous_was_byline else "chrome/removed/social"] += 1
            continue
        authors = parse_byline(line, language)
        near_edge = index == 0 or last - index < _BYLINE_TAIL
        # A byline with an e-mail is unmistakable anywhere; a bare name only at the edges.
        if authors is not None and (near_edge or "@" in line):
            result.authors.extend(author for author in authors if author not in result.authors)
            result.bylines.append(line)
            result.removed["byline/removed"] += 1
            previous_was_byline = True
            continue
        previous_was_byline = False
        kept.append(line)
    return kept
