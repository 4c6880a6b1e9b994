"""Whitespace and Unicode normalisation shared by every text rule."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# \s misses some of the spacers that CMS editors paste in (zero-width space, word joiner, BOM),
# and the soft hyphen a CMS sets in long words for the browser to break at ("Mes\xadsen\xadger"):
# none is shown, and each splits a word for a reader that compares or searches it.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# No record holds control characters or lone surrogates: a NUL in a JSON-LD name, "&#1;" in a
# headline, half of a broken emoji. (Tabs, line breaks and the other white space are spaces.)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f\ud800-\udfff]")
# For comparisons only: quotes, dashes and punctuation vary between a caption and its repeat.
_NON_WORD = re.compile(r"[^\w]+")
#: A letter of any script: a word character that is no digit nor "_".
LETTER = re.compile(r"[^\W\d_]")


# Rules ask for the same line's clean text again and again (the body cleaner, chrome, bylines,
# captions): a pure function, cached per text, bounded like fingerprint below.
@lru_cache(maxsize=4096)
def clean_text(text: str) -> str:
    """NFC-normalise, turn every run of whitespace (``&nbsp;`` included) into one space, strip."""
    # Called some hundred times a page: ASCII text needs neither NFC nor the invisible spacers
    # (both non-ASCII), and str.split() splits on exactly the characters ``\s`` matches.
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFC", _CONTROL.sub("", text)))
    elif not text.isprintable():
        text = _CONTROL.sub("", text)
    return " ".join(text.split())


# A page compares the same line several times (headline, captions, links): a pure function,
# cached per text, bounded so that a long crawl holds no more than a few thousand.
@lru_cache(maxsize=4096)
def fingerprint(text: str) -> str:
    """A comparison key: case-folded words only, so typography differences do not matter."""
    return _NON_WORD.sub(" ", clean_text(text).casefold()).strip()


def link_key(text: str) -> str:
    """A cheaper comparison key for link texts: white space folded and case folded only."""
    return " ".join(text.split()).casefold()


def split_lines(text: str) -> list[str]:
    """Cleaned, non-empty lines of ``text``."""
    return [line for line in (clean_text(raw) for raw in text.splitlines()) if line]
