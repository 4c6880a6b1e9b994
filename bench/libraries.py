"""``python -m bench.libraries``: extruct and dateparser against newsbot's own readers.

The question each figure answers is whether a well-kept library would read a field better than
newsbot's code, on the development sets' articles (both halves, shown apart):

- structured data: extruct (JSON-LD, microdata, RDFa, Open Graph) against ``read_meta`` and the
  meta tags newsbot reads, for the publication day (wcxb's gold) and the writers (wcxb's and
  readability's gold), and the time each takes to read a page;
- date strings: dateparser against newsbot's parser, on the first short date line of each page.

Needs the ``compare`` extra (``pip install -e .[compare]``); nothing else in newsbot imports them.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from typing import Any

from bench import generalise
from bench.realsets import HALVES, GoldPage, load_all
from newsbot.extraction.fields.authors import meta_authors
from newsbot.extraction.fields.dates import structured_dates
from newsbot.extraction.fields.page import short_lines
from newsbot.extraction.html import parse_html
from newsbot.extraction.meta import read_meta
from newsbot.text.dates import FoundDate, is_date_line, iso_date, labelled_dates, parse_date

# The schema.org types an article's fields are read from, as extruct names them.
_ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "ReportageNewsArticle", "OpinionNewsArticle",
     "AnalysisNewsArticle", "TechArticle", "WebPage"}
)  # fmt: skip


def _items(nodes: Any) -> Iterator[dict[str, Any]]:
    """Every object of extruct's output for one syntax, nested ones included."""
    stack = list(nodes) if isinstance(nodes, list) else [nodes]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            yield node
            stack.extend(value for value in node.values() if isinstance(value, dict | list))
        elif isinstance(node, list):
            stack.extend(node)


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type") or item.get("type") or []
    return {str(name).rsplit("/", 1)[-1] for name in (kind if isinstance(kind, list) else [kind])}


def _names(author: Any) -> list[str]:
    names = []
    for one in author if isinstance(author, list) else [author]:
        one = one.get("properties", one) if isinstance(one, dict) else one
        name = one.get("name") if isinstance(one, dict) else one
        name = name[0] if isinstance(name, list) and name else name
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def extruct_fields(html: str, url: str) -> tuple[str | None, list[str]]:
    """(publication date as the page declares it, writers) from extruct's reading of all four syntaxes."""
    import extruct

    syntaxes = ["json-ld", "microdata", "opengraph", "rdfa"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            data = extruct.extract(html, base_url=url, syntaxes=syntaxes, errors="ignore")
        except Exception:  # a library's failure on one page is its reading of it: nothing
            return None, []
    published: str | None = None
    writers: list[str] = []
    for syntax in ("json-ld", "microdata"):
        for item in _items(data.get(syntax, [])):
            if not _types(item) & _ARTICLE_TYPES:
                continue
            props = item.get("properties", item)
            if published is None and isinstance(props.get("datePublished"), str):
                published = props["datePublished"]
            writers = writers or _names(props.get("author") or [])
    for item in data.get("opengraph", []):
        props = dict(item.get("properties", []))
        published = published or props.get("article:published_time")
    return published, writers


def _day(found: FoundDate | None) -> str | None:
    return found.value.date().isoformat() if found else None


def _median_ms(values: list[float]) -> float:
    ordered = sorted(values)
    return round(1000 * ordered[len(ordered) // 2], 3) if ordered else 0.0


def compare(pages: list[GoldPage]) -> dict[str, Any]:
    """Counts per half: for each reader, pages it answers and pages it answers right."""
    import dateparser

    counts: dict[str, Counter[str]] = {}
    seconds: dict[str, list[float]] = {"newsbot meta": [], "extruct": [], "newsbot date line": [], "dateparser": []}
    for page in pages:
        if not page.is_article:
            continue
        html = page.html()
        tree = parse_html(html)
        start = time.perf_counter()
        meta = read_meta(tree)
        seconds["newsbot meta"].append(time.perf_counter() - start)
        start = time.perf_counter()
        declared, extruct_writers = extruct_fields(html, page.url)
        seconds["extruct"].append(time.perf_counter() - start)
        half = counts.setdefault(page.half, Counter())
        if page.day:
            ours = structured_dates(meta, None)[0]
            declared_day = _day(iso_date(declared) or parse_date(declared)) if declared else None
            for name, day in (("newsbot", _day(ours[0] if ours else None)), ("extruct", declared_day)):
                half[f"day {name} answered"] += day is not None
                half[f"day {name} right"] += day == page.day
            line = next((text for text in short_lines(tree) if is_date_line(text)), None)
            if line:
                start = time.perf_counter()
                parsed = labelled_dates(line)[0]
                seconds["newsbot date line"].append(time.perf_counter() - start)
                start = time.perf_counter()
                other = dateparser.parse(line)
                seconds["dateparser"].append(time.perf_counter() - start)
                half["date lines"] += 1
                theirs = other.date().isoformat() if other else None
                for name, day in (("newsbot", _day(parsed)), ("dateparser", theirs)):
                    half[f"line {name} answered"] += day is not None
                    half[f"line {name} right"] += day == page.day
        if page.author:
            ours_writers = [author.name for author in meta_authors(meta, page.url)]
            for name, found in (("newsbot", ours_writers), ("extruct", extruct_writers)):
                if found:
                    hit_gold, gold, hit_found, total = generalise.author_counts(found, page.author)
                    half[f"author {name} answered"] += 1
                    half[f"author {name} gold hit"] += hit_gold
                    half[f"author {name} gold"] += gold
                    half[f"author {name} found hit"] += hit_found
                    half[f"author {name} found"] += total
    return {"counts": {half: dict(count) for half, count in counts.items()}, "median_ms": {
        name: _median_ms(values) for name, values in seconds.items()}}  # fmt: skip


def render(name: str, result: dict[str, Any]) -> list[str]:
    lines = [f"{name}: median ms per page " + ", ".join(f"{k} {v}" for k, v in result["median_ms"].items())]
    for half in HALVES:
        count = Counter(result["counts"].get(half, {}))
        row: list[str] = []
        for reader in ("newsbot", "extruct"):
            if count[f"day {reader} answered"]:
                row.append(f"day {reader} {count[f'day {reader} right']}/{count[f'day {reader} answered']} right")
        for reader in ("newsbot", "dateparser"):
            if count["date lines"]:
                row.append(
                    f"of {count['date lines']} date lines {reader} reads {count[f'line {reader} answered']},"
                    f" {count[f'line {reader} right']} right"
                )
        for reader in ("newsbot", "extruct"):
            if found := count[f"author {reader} found"]:
                recall = count[f"author {reader} gold hit"] / max(count[f"author {reader} gold"], 1)
                row.append(
                    f"writers {reader} on {count[f'author {reader} answered']} pages,"
                    f" R {recall:.3f} P {count[f'author {reader} found hit'] / found:.3f}"
                )
        lines.append(f"  {half}: " + "; ".join(row))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=["wcxb", "readability"])
    args = parser.parse_args(argv)
    sets = load_all()
    for name in args.sets:
        print("\n".join(render(name, compare(sets[name]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
