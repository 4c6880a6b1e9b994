"""Page chrome recognised by its text, for when the markup around it is unknown.

The rules themselves are data: per language in :mod:`newsbot.text.chrome_words`, per site in
its profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsbot.text.normalise import clean_text

_WORD = re.compile(r"[^\W\d_]{2,}")
# What may remain of a line once its widget fragments are taken out: stray letters, icons.
_MAX_LEFT_WORDS = 2
_MAX_LEFT_CHARS = 12
# A line without a letter or digit is an icon, and one lower-case letter is left of a widget's
# label ("Social comment?" / "s"); never prose: "Q." and "A." are, and AP's "___" is a
# section break the story keeps.
_NO_WORD = re.compile(r"\W*|[a-z]\W*")


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
        # Most lines are prose and match no rule: one pattern of them all says so at once, and
        # only a line it matches is asked kind by kind which it is.
        every = [f"(?:{p})" for patterns in rules.values() for p in patterns]
        self._any = re.compile("(?:" + "|".join(every) + r")\Z", re.IGNORECASE) if every else None

        ordered = sorted((f for f in fragments if f.strip()), key=len, reverse=True)
        self._fragments = re.compile("|".join(re.escape(f) for f in ordered), re.IGNORECASE) if ordered else None
        closing = [f"(?:{pattern})" for pattern in continuations]
        self._continuation = re.compile("|".join(closing), re.IGNORECASE) if closing else None

    def is_continuation(self, line: str) -> bool:
        """A line that closes the byline before it; on its own it says nothing."""
        return self._continuation is not None and self._continuation.fullmatch(clean_text(line)) is not None

    def kind(self, line: str) -> str | None:
        line = clean_text(line)
        if _NO_WORD.fullmatch(line):
            return "fragment"
        if self._any is not None and self._any.match(line):
            for kind, pattern in self._rules:
                if pattern.match(line):
                    return kind
        if self._fragments is not None and self._fragments.search(line):
            rest = self._fragments.sub(" ", line)
            if len(_WORD.findall(rest)) < _MAX_LEFT_WORDS and len(rest.strip()) < _MAX_LEFT_CHARS:
                return "widget"
        return None
