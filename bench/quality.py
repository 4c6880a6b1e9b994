"""Body quality against gold text: token precision, recall and F1, and leftovers counted."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsbot.text.normalise import fingerprint

_TOKEN = re.compile(r"\w+")
Extractor = Callable[[str, str], str | None]


def tokens(text: str) -> Counter[str]:
    return Counter(token.casefold() for token in _TOKEN.findall(text))


@dataclass
class Score:
    true_positive: int = 0
    extracted: int = 0
    gold: int = 0
    leftovers: Counter[str] = field(default_factory=Counter)
    failures: int = 0
    pages: int = 0

    def add(self, body: str | None, gold: str, junk: dict[str, list[str]]) -> None:
        self.pages += 1
        gold_tokens = tokens(gold)
        self.gold += sum(gold_tokens.values())
        if body is None:
            self.failures += 1
            return
        found = tokens(body)
        self.extracted += sum(found.values())
        self.true_positive += sum((found & gold_tokens).values())
        for kind, count in leftovers(body, gold, junk).items():
            self.leftovers[kind] += count

    @property
    def precision(self) -> float:
        return self.true_positive / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "captions_left": self.leftovers["captions"],
            "bylines_left": self.leftovers["bylines"],
            "chrome_left": self.leftovers["chrome"],
            "failures": self.failures,
        }


def leftovers(body: str, gold: str, junk: dict[str, list[str]]) -> Counter[str]:
    """Lines of the body that repeat something the page printed around the story."""
    gold_keys = {fingerprint(line) for line in gold.split("\n")}
    lines = [fingerprint(line) for line in body.split("\n")]
    found: Counter[str] = Counter()
    for kind, texts in junk.items():
        for text in texts:
            key = fingerprint(text)
            if not key or key in gold_keys:
                continue
            # A line that is the junk, or holds it whole (caption text glued to its credit, say).
            found[kind] += sum(1 for line in lines if line == key or (len(key) > 25 and key in line))
    return found


def score(extract: Extractor, pages: Iterable[tuple[str, str, str, dict[str, list[str]]]]) -> Score:
    result = Score()
    for html, url, gold, junk in pages:
        result.add(extract(html, url), gold, junk)
    return result
