"""Real pages: the article-extraction benchmark's 181 news pages and its scoring rule.

The pages and gold bodies live outside the repository (``../shared/data/aeb/``: 181 real
article pages of 126 sites, MIT licence). The metric is the benchmark's own, as its README
describes it: per page, multisets of 4-token shingles of the gold and the extracted body;
true positives, false positives and false negatives normalised to sum to 1, so a long page
weighs no more than a short one; precision and recall averaged over pages, F1 of the means.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Where the corpus lies beside a checkout; ``NEWSBOT_AEB`` names another folder.
DEFAULT_FOLDER = ROOT.parent / "shared" / "data" / "aeb"
_WORD = re.compile(r"\w+")
_SHINGLE = 4

Extractor = Callable[[str, str], str | None]


class CorpusMissing(RuntimeError):
    """The real-page corpus is not where it was looked for."""


@dataclass(frozen=True)
class RealPage:
    key: str
    url: str
    gold: str
    path: Path

    def html(self) -> str:
        return gzip.decompress(self.path.read_bytes()).decode("utf-8")


def folder() -> Path:
    return Path(os.environ.get("NEWSBOT_AEB") or DEFAULT_FOLDER)


def load(where: Path | None = None) -> list[RealPage]:
    """The corpus's pages in key order; :class:`CorpusMissing` says where it was looked for."""
    where = where or folder()
    truth_file = where / "ground-truth.json"
    if not truth_file.is_file():
        raise CorpusMissing(
            f"the real-page corpus is missing: no {truth_file} (set NEWSBOT_AEB to the folder holding "
            "ground-truth.json and html/)"
        )
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    return [
        RealPage(key, entry["url"], entry["articleBody"], where / "html" / f"{key}.html.gz")
        for key, entry in sorted(truth.items())
    ]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + _SHINGLE]) for i in range(max(len(words) - _SHINGLE + 1, 0)))


@dataclass(frozen=True)
class PageScore:
    """The normalised shares of one page: they sum to 1 (or are all 0 for two empty texts)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def page_score(extracted: str | None, gold: str) -> PageScore:
    found, expected = shingles(extracted or ""), shingles(gold)
    tp = sum((found & expected).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass
class CorpusScore:
    name: str
    pages: dict[str, PageScore] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    @property
    def precision(self) -> float:
        scored = [s.precision for s in self.pages.values() if s.tp + s.fp > 0]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def recall(self) -> float:
        scored = [s.recall for s in self.pages.values() if s.tp + s.fn > 0]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def median_ms(self) -> float:
        ordered = sorted(self.seconds)
        return 1000 * ordered[len(ordered) // 2] if ordered else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "pages": len(self.pages),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "dropped": len(self.dropped),
            "dropped_keys": list(self.dropped),
            "median_ms": round(self.median_ms, 2),
        }


def evaluate(name: str, extractor: Extractor, pages: Iterable[tuple[RealPage, str]]) -> CorpusScore:
    """Score ``extractor`` on each (page, html); a ``None`` or empty body counts as dropped."""
    result = CorpusScore(name)
    for page, html in pages:
        start = time.perf_counter()
        body = extractor(html, page.url)
        result.seconds.append(time.perf_counter() - start)
        if not body:
            result.dropped.append(page.key)
        result.pages[page.key] = page_score(body, page.gold)
    return result


def worst_pages(ours: CorpusScore, best_of: list[CorpusScore], count: int = 10) -> list[tuple[str, float, float]]:
    """The pages where ``ours`` loses most F1 to the best of ``best_of`` on that page."""
    gaps = []
    for key, score in ours.pages.items():
        best = max(other.pages[key].f1 for other in best_of)
        gaps.append((key, round(score.f1, 3), round(best, 3)))
    gaps.sort(key=lambda gap: gap[1] - gap[2])
    return [gap for gap in gaps[:count] if gap[1] < gap[2]]


def _trafilatura(*, favor_precision: bool = False, fast: bool = False) -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str | None:
        text: str | None = trafilatura.extract(
            html, url=url, include_comments=False, deduplicate=False, favor_precision=favor_precision, fast=fast
        )
        return text

    return run


#: trafilatura's modes as its users run them, comments off.
TRAFILATURA_MODES: dict[str, Extractor] = {
    "trafilatura (precision)": _trafilatura(favor_precision=True),
    "trafilatura (default)": _trafilatura(),
    "trafilatura (fast)": _trafilatura(fast=True),
}


def newsbot_body(html: str, url: str) -> str | None:
    import newsbot

    try:
        body: str = newsbot.extract(html, url)["articleBody"]
    except newsbot.NotAnArticle:
        return None
    return body


def run(pages: list[RealPage]) -> dict[str, object]:
    """Quality of newsbot and of trafilatura's modes, the pages newsbot loses most, and the
    median time of ``newsbot.extract`` against ``trafilatura.extract(with_metadata=True)``."""
    import trafilatura

    import newsbot

    loaded = [(page, page.html()) for page in pages]
    ours = evaluate("newsbot", newsbot_body, loaded)
    theirs = [evaluate(name, extractor, loaded) for name, extractor in TRAFILATURA_MODES.items()]
    # Timed interleaved, page by page, so that drift in the machine's speed falls on both alike.
    extract_s, reference_s = [], []
    for page, html in loaded:
        start = time.perf_counter()
        with contextlib.suppress(newsbot.NotAnArticle):
            newsbot.extract(html, page.url)
        middle = time.perf_counter()
        trafilatura.extract(html, url=page.url, with_metadata=True, include_comments=False, deduplicate=False)
        extract_s.append(middle - start)
        reference_s.append(time.perf_counter() - middle)
    extract_ms, reference_ms = _median(extract_s) * 1000, _median(reference_s) * 1000
    best = max(theirs, key=lambda score: score.f1)
    worst = worst_pages(ours, theirs)
    urls = {page.key: page.url for page in pages}
    return {
        "pages": len(pages),
        "page_kb": round(sum(page.path.stat().st_size for page in pages) / len(pages) / 1024, 1),
        "scores": {score.name: score.as_dict() for score in [ours, *theirs]},
        "best_trafilatura": best.name,
        "worst": [{"key": key[:12], "url": urls[key], "newsbot": mine, "best": top} for key, mine, top in worst],
        "max_loss": round(max((top - mine for _, mine, top in worst_pages(ours, theirs, len(pages))), default=0.0), 3),
        "extract_ms": round(extract_ms, 2),
        "reference_ms": round(reference_ms, 2),
        "ratio": round(extract_ms / reference_ms, 3) if reference_ms else 0.0,
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0
