"""Page chrome recognised by its text, for when the markup around it is unknown."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsbot.text.normalise import clean_text

# What a news page of this style prints around the story, whatever its markup.
GENERIC_CHROME: Mapping[str, tuple[str, ...]] = {
    "toolbar": (
        r"(?:(?:print|dictionary|share|scrap|font\s*size|text\s*size|a\s*[+-]|facebook|twitter|x|kakao"
        r"|kakaotalk|naver|line|e-?mail|copy\s*(?:url|link)|url\s*copy|listen|tts|bookmark)\b[\s|·]*)+",
    ),
    "breadcrumbs": (r"home\s*(?:>|›|»|/)\s*.+",),
    "related": (
        r"related\s+(?:article|articles|stories|news)\b.*",
        r"(?:more\s+in|more\s+from|most\s+(?:popular|read|viewed)|recommended(?:\s+stories)?|"
        r"you\s+may\s+also\s+like|read\s+more|see\s+more|top\s+stories)\b\s*:?",
    ),
    "ads": (r"(?:advertisement|advertising|sponsored|ad)\s*",),
    "copyright": (r"(?:copyright|ⓒ|©|\(c\)).*(?:all\s+rights\s+reserved|joongang|reproduction).*",),
    "comments": (
        r"(?:to|please)\s+(?:write|post|leave)\s+(?:a\s+)?comments?,?\s+(?:please\s+)?(?:log|sign)\s*in\b.*",
        r"(?:please\s+)?(?:log|sign)\s*in\s+to\s+(?:write|post|leave|view)\s+(?:a\s+)?comments?\b.*",
        r"(?:comments?|reply|replies)\s*\(?\d*\)?",
        r".{0,60}\(\d+\s*/\s*\d+\s*(?:자|characters?|chars?)\)\s*",
    ),
}
_WORD = re.compile(r"[^\W\d_]{2,}")
# What may remain of a line once its widget fragments are taken out: stray letters, icons.
_MAX_LEFT_WORDS = 2
_MAX_LEFT_CHARS = 12
# Lines this short carry no prose: stray icon labels and single letters from widgets.
_MIN_LINE_CHARS = 3


class ChromeRules:
    """Classifies a body line as a kind of chrome, or as prose (``None``).

    ``fragments`` are widget texts that extractors glue together when the widget's elements
    have no space between them ("with the Korea JoongAng Dailyhelp-image Social comment?s"):
    a line that is nothing but such fragments is chrome too. ``continuations`` are the lines
    that close a byline printed on the line before them ("with the Korea JoongAng Daily").
    """

    def __init__(
        self,
        *rule_sets: Mapping[str, Iterable[str]],
        fragments: Iterable[str] = (),
        continuations: Iterable[str] = (),
    ) -> None:
        rules: dict[str, list[str]] = {}
        for rule_set in rule_sets:
            for kind, patterns in rule_set.items():
                rules.setdefault(kind, []).extend(patterns)
        self._rules = [
            (kind, re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\Z", re.IGNORECASE))
            for kind, patterns in rules.items()
        ]

        ordered = sorted((f for f in fragments if f.strip()), key=len, reverse=True)
        self._fragments = re.compile("|".join(re.escape(f) for f in ordered), re.IGNORECASE) if ordered else None
        closing = [f"(?:{pattern})" for pattern in continuations]
        self._continuation = re.compile("|".join(closing), re.IGNORECASE) if closing else None

    def is_continuation(self, line: str) -> bool:
        """A line that closes the byline before it; on its own it says nothing."""
        return self._continuation is not None and self._continuation.fullmatch(clean_text(line)) is not None

    def kind(self, line: str) -> str | None:
        line = clean_text(line)
        if len(line) < _MIN_LINE_CHARS and not line.isdigit():
            return "fragment"
        for kind, pattern in self._rules:
            if pattern.match(line):
                return kind
        if self._fragments is not None and self._fragments.search(line):
            rest = self._fragments.sub(" ", line)
            if len(_WORD.findall(rest)) < _MAX_LEFT_WORDS and len(rest.strip()) < _MAX_LEFT_CHARS:
                return "widget"
        return None
