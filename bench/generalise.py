"""newsbot against trafilatura on the three development sets of real pages, per set and half.

Every page is read once by ``newsbot.extract`` and by trafilatura in four modes (precision,
default, fast, and fast with precision), all with metadata and comments off, in the same run.
What is scored, by each set's own measure (see ``../shared/data/*/README.md``):

- body: ``aeb`` by the benchmark's 4-token shingles (F1 of the mean precision and recall), ``wcxb``
  and ``readability`` by token bags (mean F1 per page), articles only; a refused article scores 0;
- the largest loss on one page to trafilatura's better mode (precision or default) by that measure;
- pages refused: articles (should be none) and pages that are not articles (should be all);
- fields: headline as the page shows it, publication day, authors (recall and precision on the
  pages whose gold names a writer), publication instant (readability, where it has an offset),
  lead image (share of articles with one; no set has gold for it);
- time: the median of ``newsbot.extract`` against trafilatura fast+precision with metadata and
  against its default with metadata, the three timed page by page, interleaved.

``python -m bench.generalise`` prints the tables; ``bench`` calls :func:`run` for its report.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import aeb
from bench.realsets import HALVES, GoldPage, load_all

_TOKEN = re.compile(r"\w+")
#: trafilatura's modes as its users run them: name -> keyword arguments.
MODES: dict[str, dict[str, Any]] = {
    "precision": {"favor_precision": True},
    "default": {},
    "fast": {"fast": True},
    "fast+precision": {"fast": True, "favor_precision": True},
}
#: The modes a page's "best trafilatura" is the best of: all four.
BEST_OF = tuple(MODES)
#: The cheapest real alternative, the baseline of the time figures.
TIME_BASELINE = "fast+precision"


@dataclass
class Reading:
    """What one extractor made of one page: a body, or the reason it refused, and its fields."""

    body: str | None
    refused: str = ""
    title: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    image: str = ""
    seconds: float = 0.0


def _newsbot(html: str, url: str) -> Reading:
    import newsbot

    start = time.perf_counter()
    try:
        record = newsbot.extract(html, url)
    except newsbot.NotAnArticle as refused:
        return Reading(None, refused=refused.reason, seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    return Reading(
        record["articleBody"],
        title=record.get("headline") or "",
        authors=tuple(author["name"] for author in record.get("authors", [])),
        published=record.get("datePublished") or "",
        image=(record.get("mainImage") or {}).get("url", ""),
        seconds=seconds,
    )


def _trafilatura(html: str, url: str, options: dict[str, Any]) -> Reading:
    import trafilatura

    start = time.perf_counter()
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, deduplicate=False, **options
    )
    seconds = time.perf_counter() - start
    if document is None:
        return Reading(None, refused="none", seconds=seconds)
    text = getattr(document, "text", None) or None
    return Reading(
        text,
        refused="" if text else "empty",
        title=getattr(document, "title", None) or "",
        authors=tuple(name.strip() for name in (getattr(document, "author", None) or "").split(";") if name.strip()),
        published=getattr(document, "date", None) or "",
        image=getattr(document, "image", None) or "",
        seconds=seconds,
    )


def read_page(page: GoldPage) -> dict[str, Reading]:
    """Every extractor on one page, interleaved so that the machine's drift falls on all alike."""
    html = page.html()
    readings = {"newsbot": _newsbot(html, page.url)}
    for mode, options in MODES.items():
        readings[mode] = _trafilatura(html, page.url, options)
    return readings


def tokens_f1(extracted: str | None, gold: str) -> float:
    """WCXB's per-page measure: F1 of the bags of lowercase word tokens, both texts in Unicode's
    composed form first: ``\\w`` ends a word at a combining mark, so "ü" written as "u" and a
    diaeresis (a few pages and golds, and trafilatura, keep that form; newsbot composes it)
    would cut every such word in two on one side only."""
    found = Counter(_TOKEN.findall(unicodedata.normalize("NFC", extracted or "").lower()))
    expected = Counter(_TOKEN.findall(unicodedata.normalize("NFC", gold).lower()))
    overlap = sum((found & expected).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(found.values()), overlap / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def snippet_counts(page: GoldPage, body: str | None) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of a page gold by snippets: its
    ``with`` snippets found in ``body`` and its ``without`` snippets found there, white space
    folded and both sides in Unicode's composed form, as trafilatura's own evaluation counts them."""
    text = _snippet_form(body or "")
    found = sum(_snippet_form(snippet) in text for snippet in page.with_snippets) if text else 0
    wrong = sum(_snippet_form(snippet) in text for snippet in page.without_snippets) if text else 0
    return found, wrong, len(page.with_snippets) - found


def _snippet_form(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _snippet_f1(counts: Iterable[tuple[int, int, int]]) -> float:
    tp = fp = fn = 0
    for found, wrong, missed in counts:
        tp, fp, fn = tp + found, fp + wrong, fn + missed
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def page_f1(page: GoldPage, body: str | None) -> float:
    if page.set == "aeb":
        return aeb.page_score(body, page.body).f1
    if page.by_snippets:
        return _snippet_f1([snippet_counts(page, body)])
    return tokens_f1(body, page.body)


def set_f1(pages: list[GoldPage], bodies: list[str | None]) -> float:
    """The set's own figure over its pages: aeb's F1 of mean P and R, else the mean page F1."""
    if not pages:
        return 0.0
    if pages[0].set == "aeb":
        score = aeb.CorpusScore("")
        for page, body in zip(pages, bodies, strict=True):
            score.pages[page.key] = aeb.page_score(body, page.body)
        return score.f1
    if pages[0].by_snippets:
        # trafilatura's own figure: one F1 over every page's snippets.
        return _snippet_f1(snippet_counts(page, body) for page, body in zip(pages, bodies, strict=True))
    return sum(tokens_f1(body, page.body) for page, body in zip(pages, bodies, strict=True)) / len(pages)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


def same_headline(found: str, gold: str) -> bool:
    return bool(found) and _fold(found) == _fold(gold)


_GOLD_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*", re.I)
_BY = re.compile(r"^(?:by|von|par|por|door|di|från|av)\s+", re.I)


def gold_names(gold: str) -> list[str]:
    names = []
    for part in _GOLD_SPLIT.split(gold):
        part = _BY.sub("", part.strip())
        if len(_TOKEN.findall(part)) >= 1 and not part.isdigit():
            names.append(part)
    return names


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_fold(name)))


def name_matches(found: str, gold: str) -> bool:
    """The same writer: equal names, or one name's words inside the other's (a role, a middle name)."""
    one, other = _name_key(found), _name_key(gold)
    if not one or not other:
        return False
    if one == other:
        return True
    short, long = sorted((one, other), key=len)
    return len(short) >= 2 and all(word in long for word in short)


def author_counts(found: Iterable[str], gold: str) -> tuple[int, int, int, int]:
    """(gold names matched, gold names, found names matched, found names)."""
    found, expected = list(found), gold_names(gold)
    hit_gold = sum(any(name_matches(f, g) for f in found) for g in expected)
    hit_found = sum(any(name_matches(f, g) for g in expected) for f in found)
    return hit_gold, len(expected), hit_found, len(found)


def same_instant(found: str, gold: str) -> bool | None:
    """Whether two times are the same instant to the second (a page may print milliseconds in one
    stamp and not in another); None when the gold has no offset (no instant to compare)."""
    expected = _parse_time(gold)
    if expected is None or expected.tzinfo is None:
        return None
    got = _parse_time(found)
    return got is not None and got.tzinfo is not None and got.replace(microsecond=0) == expected.replace(microsecond=0)


def _parse_time(text: str) -> datetime | None:
    text = text.strip().replace(" ", "T", 1)
    text = re.sub(r"Z$", "+00:00", text)
    text = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def summarise(pages: list[GoldPage], readings: list[dict[str, Reading]]) -> dict[str, Any]:
    """Every figure of one part (a set's half) for newsbot and each trafilatura mode."""
    extractors = list(readings[0]) if readings else []
    articles = [(page, read) for page, read in zip(pages, readings, strict=True) if page.is_article]
    others = [(page, read) for page, read in zip(pages, readings, strict=True) if not page.is_article]
    # A set gold by snippets alone (trafilatura's) is scored by them; a set with bodies by its bodies.
    scored = [(page, read) for page, read in articles if page.body] or [
        (page, read) for page, read in articles if page.by_snippets
    ]
    out: dict[str, Any] = {"pages": len(pages), "articles": len(articles), "other": len(others), "by": {}}
    for name in extractors:
        figures: dict[str, Any] = {
            "body_f1": round(set_f1([p for p, _ in scored], [r[name].body for _, r in scored]), 4),
            "articles_refused": sum(r[name].body is None for _, r in articles),
            "other_refused": sum(r[name].body is None for _, r in others),
        }
        titled = [(p, r[name]) for p, r in articles if p.title]
        figures["headline"] = _share(sum(same_headline(r.title, p.title) for p, r in titled), len(titled))
        dated = [(p, r[name]) for p, r in articles if p.day]
        figures["day"] = _share(sum(r.published[:10] == p.day for p, r in dated), len(dated))
        written = [(p, r[name]) for p, r in articles if p.author]
        counts = [author_counts(r.authors, p.author) for p, r in written]
        figures["author_recall"] = _share(sum(c[0] for c in counts), sum(c[1] for c in counts))
        figures["author_precision"] = _share(sum(c[2] for c in counts), sum(c[3] for c in counts))
        instants = [same_instant(r[name].published, p.published) for p, r in articles if p.published]
        judged = [same for same in instants if same is not None]
        figures["instant"] = _share(sum(judged), len(judged))
        figures["image"] = _share(sum(bool(r[name].image) for _, r in articles), len(articles))
        figures["median_ms"] = round(1000 * _median([r[name].seconds for _, r in articles]), 2)
        out["by"][name] = figures
    if "newsbot" in extractors:
        losses, kept_losses = [], []
        for page, read in scored:
            best = max(page_f1(page, read[mode].body) for mode in BEST_OF if mode in read)
            loss = (round(best - page_f1(page, read["newsbot"].body), 3), page.key, page.url)
            losses.append(loss)
            kept_losses += [loss[0]] if read["newsbot"].body is not None else []
        losses.sort(reverse=True)
        out["max_loss"] = losses[0][0] if losses else 0.0
        # The same over the articles newsbot keeps: what its body reading costs, apart from refusals.
        out["max_loss_kept"] = max(kept_losses, default=0.0)
        out["worst"] = [{"loss": loss, "key": key, "url": url} for loss, key, url in losses[:5] if loss > 0]
        out["refused_articles"] = [
            {"key": p.key, "url": p.url, "reason": r["newsbot"].refused}
            for p, r in articles
            if r["newsbot"].body is None
        ]
        out["kept_other"] = [{"key": p.key, "url": p.url} for p, r in others if r["newsbot"].body is not None]
        ours = [r["newsbot"].seconds for _, r in articles]
        for mode in (TIME_BASELINE, "default"):
            if mode in extractors:
                theirs = [r[mode].seconds for _, r in articles]
                out[f"time_vs_{mode}"] = round(_median(ours) / _median(theirs), 3) if _median(theirs) else 0.0
    return out


def _share(hits: int | float, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def read_all(pages: list[GoldPage], processes: int = 2, reader: Callable[[GoldPage], Any] = read_page) -> list[Any]:
    if processes <= 1:
        return [reader(page) for page in pages]
    # A fresh interpreter per worker: the pages' readings must not depend on each other.
    with multiprocessing.get_context("spawn").Pool(processes, maxtasksperchild=200) as pool:
        return pool.map(reader, pages, chunksize=4)


def run(sets: dict[str, list[GoldPage]] | None = None, *, processes: int = 2, limit: int = 0) -> dict[str, Any]:
    """Figures of every set and half; ``limit`` takes every n-th page to that many (smoke runs)."""
    sets = load_all() if sets is None else sets
    results: dict[str, Any] = {}
    for name, pages in sets.items():
        if limit:
            pages = pages[:: max(1, len(pages) // limit)][:limit]
        readings = read_all(pages, processes)
        results[name] = {"all": summarise(pages, readings)}
        for half in HALVES:
            part = [(p, r) for p, r in zip(pages, readings, strict=True) if p.half == half]
            results[name][half] = summarise([p for p, _ in part], [r for _, r in part])
    return results


FIGURES = (
    ("body_f1", "body F1"),
    ("articles_refused", "articles refused"),
    ("other_refused", "others refused"),
    ("headline", "headline"),
    ("day", "day"),
    ("author_recall", "author R"),
    ("author_precision", "author P"),
    ("instant", "instant"),
    ("image", "image"),
    ("median_ms", "median ms"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generalise", description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="pages of each set (default: all)")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--set", action="append", help="only these sets")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    sets = {name: pages for name, pages in load_all().items() if not args.set or name in args.set}
    show(run(sets, processes=args.processes, limit=args.limit), args.json)
    return 0


def show(results: dict[str, Any], json_path: Path | None) -> None:
    """Print the figures' tables, and write the figures to ``json_path`` when given."""
    from bench.report import render_sets  # the report reads this module's figures

    print("\n\n".join(render_sets(results)))
    if json_path:
        json_path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
