"""Per-page extraction speed on one core: newsbot.extract against trafilatura.extract."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html
import trafilatura

import newsbot

Page = tuple[str, str]


@dataclass
class Timing:
    name: str
    seconds_per_page: float

    @property
    def pages_per_second(self) -> float:
        return 1 / self.seconds_per_page if self.seconds_per_page else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"ms_per_page": round(self.seconds_per_page * 1000, 3), "pages_per_s": round(self.pages_per_second, 1)}


def _newsbot(html: str, url: str) -> None:
    with contextlib.suppress(newsbot.NotAnArticle):
        newsbot.extract(html, url)


def _trafilatura(html: str, url: str) -> None:
    trafilatura.extract(html, url=url, with_metadata=True, include_comments=False, deduplicate=False)


def _lxml(html: str, url: str) -> None:
    lxml.html.fromstring(html)


CANDIDATES: dict[str, Callable[[str, str], None]] = {
    "lxml.html.fromstring (floor)": _lxml,
    "newsbot.extract": _newsbot,
    "trafilatura.extract(with_metadata=True)": _trafilatura,
}


def measure(pages: list[Page], budget: float) -> list[Timing]:
    """Time each candidate over whole passes of ``pages``, interleaved so that drift in the
    machine's speed falls on all of them alike, for about ``budget`` seconds in all."""
    totals = dict.fromkeys(CANDIDATES, 0.0)
    done = dict.fromkeys(CANDIDATES, 0)
    deadline = time.perf_counter() + budget
    while True:
        for name, extract in CANDIDATES.items():
            start = time.perf_counter()
            for html, url in pages:
                extract(html, url)
            totals[name] += time.perf_counter() - start
            done[name] += len(pages)
        if time.perf_counter() > deadline:
            break
    return [Timing(name, totals[name] / done[name]) for name in CANDIDATES]
