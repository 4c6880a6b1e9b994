"""The three development sets of real pages, each split by site into a tuning and a check half.

- ``aeb``: 181 news pages with gold bodies (the article-extraction benchmark).
- ``wcxb``: 925 pages of 2025-26, 696 articles with gold body, headline, author and day, and 229
  pages that are not articles (WCXB's development split).
- ``readability``: 94 pages with gold byline, headline and publication time (Readability.js's
  test pages), and the body Readability returns, good for gross failures only.

They live beside the repository in ``../shared/data/`` (``NEWSBOT_DATA`` names another folder).
The split is by site, so that no rule is checked on a page of a site it was tuned on: a page's
half is fixed by a hash of its site's name and committed in ``bench/split.json``
(``python -m bench.realsets --write-split`` writes it anew; a page missing from the file, such as
one added to a set later, falls into the half its site's hash gives).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "data"
SPLIT_FILE = ROOT / "bench" / "split.json"
SETS = ("aeb", "wcxb", "readability")
HALVES = ("tune", "check")
_FOLDERS = {"aeb": "aeb", "wcxb": "wcxb-dev", "readability": "readability"}
# A readability page's name is its site's, with "-1", "-2" for a second page of the same site.
_NUMBERED = re.compile(r"-\d+$")
_CANONICAL = re.compile(rb"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)""", re.I)
_CANONICAL_FIRST = re.compile(rb"""<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical""", re.I)
_OG_URL = re.compile(rb"""property=["']og:url["'][^>]*content=["']([^"']+)""", re.I)


class SetMissing(RuntimeError):
    """A development set is not where it was looked for."""


@dataclass(frozen=True)
class GoldPage:
    """One real page with what its set says of it; empty strings where the set says nothing."""

    set: str
    key: str
    url: str
    site: str
    path: Path
    is_article: bool
    body: str = ""
    title: str = ""
    author: str = ""
    day: str = ""
    published: str = ""
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()

    def html(self) -> str:
        data = self.path.read_bytes()
        return decoded(gzip.decompress(data) if self.path.suffix == ".gz" else data)

    @property
    def half(self) -> str:
        return half_of(self.set, self.site)

    @property
    def by_snippets(self) -> bool:
        """Gold by snippets alone (trafilatura's pages), not by a body."""
        return not self.body and bool(self.with_snippets)


# A charset a page declares in its head: <meta charset=...> or http-equiv's content.
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.I)


def decoded(data: bytes) -> str:
    """A saved page's text: UTF-8 where it is (every page of the development sets), else the
    charset the page declares (older pages in Latin-1 or windows-1252), else windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    for charset in (declared.group(1).decode("ascii", "replace") if declared else "", "cp1252"):
        try:
            return data.decode(charset, "replace")
        except LookupError:
            continue
    return data.decode("utf-8", "replace")


def folder() -> Path:
    return Path(os.environ.get("NEWSBOT_DATA") or DEFAULT_FOLDER)


def site_of(url: str) -> str:
    """The site a page belongs to: its host without ``www.`` and the like."""
    host = (urlsplit(url).hostname or "").lower()
    return re.sub(r"^(?:www\d?|m|amp)\.", "", host)


def load(name: str, where: Path | None = None) -> list[GoldPage]:
    """The pages of set ``name`` in key order; :class:`SetMissing` says where it was looked for."""
    base = (where or folder()) / _FOLDERS[name]
    if not base.is_dir():
        raise SetMissing(f"the {name} set is missing: no folder {base} (set NEWSBOT_DATA to the folder holding it)")
    return list(_LOADERS[name](base))


def load_all(where: Path | None = None) -> dict[str, list[GoldPage]]:
    """Every set that is there; a missing set is left out."""
    found = {}
    for name in SETS:
        try:
            found[name] = load(name, where)
        except SetMissing:
            continue
    return found


def _aeb(base: Path) -> Iterator[GoldPage]:
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        url = entry["url"]
        yield GoldPage("aeb", key, url, site_of(url), base / "html" / f"{key}.html.gz", True, body=entry["articleBody"])


def _wcxb(base: Path) -> Iterator[GoldPage]:
    with gzip.open(base / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    for row in sorted(rows, key=lambda row: row["id"]):
        url = row["url"]
        yield GoldPage(
            "wcxb",
            row["id"],
            url,
            site_of(url),
            base / "html" / f"{row['id']}.html.gz",
            row["page_type"] == "article",
            body=row.get("main_content") or "",
            title=row.get("title") or "",
            author=row.get("author") or "",
            day=row.get("publish_date") or "",
            with_snippets=tuple(row.get("with") or ()),
            without_snippets=tuple(row.get("without") or ()),
        )


def _readability(base: Path) -> Iterator[GoldPage]:
    for page in sorted((base / "pages").iterdir()):
        source = page / "source.html.gz"
        if not source.is_file():
            continue
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        url = _declared_url(gzip.decompress(source.read_bytes())) or f"http://fakehost/{page.name}/"
        expected = gzip.decompress((page / "expected.html.gz").read_bytes()).decode("utf-8", "replace")
        yield GoldPage(
            "readability",
            page.name,
            url,
            site_of(url) if "fakehost" not in url else _NUMBERED.sub("", page.name),
            source,
            bool(meta.get("readerable", True)),
            body=html_text(expected),
            title=meta.get("title") or "",
            author=meta.get("byline") or "",
            published=meta.get("publishedTime") or "",
        )


def _declared_url(html: bytes) -> str:
    for pattern in (_CANONICAL, _CANONICAL_FIRST, _OG_URL):
        if (found := pattern.search(html)) and found.group(1).startswith((b"http://", b"https://")):
            return found.group(1).decode("utf-8", "replace")
    return ""


def html_text(html: str) -> str:
    """The text of an HTML fragment, a line per block."""
    if not html.strip():
        return ""
    root: lxml.html.HtmlElement = lxml.html.fromstring(html)
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "pre"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


_LOADERS = {"aeb": _aeb, "wcxb": _wcxb, "readability": _readability}


def _hashed_half(site: str) -> str:
    # The site alone decides, so that a site in two sets is in the same half of both.
    digest = hashlib.sha256(site.encode()).digest()
    return HALVES[digest[0] % 2]


@cache
def _committed() -> dict[str, dict[str, str]]:
    if not SPLIT_FILE.is_file():
        return {}
    split: dict[str, dict[str, str]] = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return split


def half_of(set_name: str, site: str) -> str:
    """``tune`` or ``check``: the committed half of the site, else its hash's."""
    return _committed().get(set_name, {}).get(site) or _hashed_half(site)


def write_split(where: Path | None = None) -> dict[str, dict[str, str]]:
    split = {name: {page.site: _hashed_half(page.site) for page in pages} for name, pages in load_all(where).items()}
    SPLIT_FILE.write_text(json.dumps(split, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    _committed.cache_clear()
    return split


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.realsets", description=__doc__)
    parser.add_argument("--write-split", action="store_true", help="write bench/split.json from the sets as they are")
    args = parser.parse_args(argv)
    if args.write_split:
        write_split()
    for name, pages in load_all().items():
        for half in HALVES:
            part = [page for page in pages if page.half == half]
            articles = sum(page.is_article for page in part)
            sites = len({page.site for page in part})
            print(f"{name:12} {half:6} {len(part):4} pages, {articles:4} articles, {sites:4} sites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
