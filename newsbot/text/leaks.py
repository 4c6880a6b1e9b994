"""A second opinion on finished records: text that should never be in a body.

It is deliberately not the cleaning rules run again (those would always agree with
themselves): it looks for fragments anywhere in a line, the way a reader would spot them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsbot.text.captions import split_credit
from newsbot.text.dates import is_date_line
from newsbot.text.normalise import fingerprint

_BYLINE = re.compile(
    r"(?:^|\s)BY\s+[A-Z][A-Z'\-]+(?:\s+[A-Z][A-Z'\-]+)*\s*(?:\[|$)|\[[\w.+-]+@[\w-]+(?:\.[\w-]+)+\]"
    # Korean: "홍길동 기자 hong@example.com" left at the end of a body.
    r"|[가-힣]{2,4}\s*(?:기자|특파원)\s+[\w.+-]+@[\w-]+"
)
_DATE_LABEL = re.compile(r"\b(?:Published|Updated|Modified)\s*:?\s*(?:\d{1,2}\s+[A-Z][a-z]{2}|[A-Z][a-z]{2,4}\.?\s+\d)")
_CREDIT_END = re.compile(r"\[[A-Z0-9][A-Z0-9 .,&/'-]{2,}\]$")
#: Widget text of any news site, as fragments; a site's own come from its profile.
CHROME_FRAGMENTS = (
    "related article",
    "home > ",
    "copy url",
    "all rights reserved",
    "무단 전재",
    "무단전재",
)


def record_leaks(record: dict[str, Any], site_fragments: Iterable[str] = ()) -> frozenset[str]:
    """``find_leaks`` on a record's body, with its own captions and its site's widget text."""
    captions = [image.get("caption", "") for image in record.get("images", [])]
    return frozenset(find_leaks(record["articleBody"], captions, site_fragments))


def find_leaks(body: str, captions: Iterable[str] = (), site_fragments: Iterable[str] = ()) -> set[str]:
    """Kinds of leftover in a record's body: ``caption``, ``byline``, ``dateline``, ``chrome``.

    ``site_fragments`` are the site's widget texts (its profile's ``leak_fragments``).
    """
    leaks: set[str] = set()
    fragments = [*CHROME_FRAGMENTS, *(fragment.lower() for fragment in site_fragments if fragment.strip())]
    caption_keys = {key for caption in captions if len(key := fingerprint(split_credit(caption).text)) > 20}
    lowered = body.lower()
    for line in body.split("\n"):
        key = fingerprint(line)
        if any(caption_key in key for caption_key in caption_keys) or _CREDIT_END.search(line):
            leaks.add("caption")
        if _BYLINE.search(line):
            leaks.add("byline")
        if is_date_line(line) or _DATE_LABEL.search(line):
            leaks.add("dateline")
    if any(fragment in lowered for fragment in fragments):
        leaks.add("chrome")
    return leaks
