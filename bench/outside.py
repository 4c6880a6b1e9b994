"""newsbot against trafilatura on news pages from outside the development sets.

The development sets (``bench.realsets``) are where rules are tuned and checked; a second look
at real news pages that no rule was written from is what tells whether they generalise. This
reads any folder laid out as the parser test data of Fundus, an open-source news crawler
(``tests/resources/parser/test_data`` of ``flairNLP/fundus``, MIT licence), which holds one or
more saved article pages of some 180 publishers in 40 countries and languages, 2023-2026:

- ``<country>/<Publisher>_<yyyy>_<mm>_<dd>.html.gz``: a page as it was fetched;
- ``<country>/meta.info``: JSON, each page file's ``url``;
- ``<country>/<Publisher>.json``: for each version of that publisher's parser (``V1``, ``V1_1``,
  ``V2``, ...: one per page, oldest first) what it extracts: ``title``, ``authors``,
  ``publishing_date`` (with its offset) and ``body`` (``summary`` and ``sections`` of
  ``headline`` and ``paragraphs``).

That output is the gold: hand-written parsers' readings, not people's, so a figure here says how
close newsbot comes to site-by-site parsing. Their authors include the publisher's own name
where a site signs so (newsbot names no site a writer, by design), and their bodies the summary
under the headline. Pages are split by site into the same halves as the development sets.

It also reads a folder laid out as newspaper's old full-text test data (``tests/data`` of
``AndyTheFactory/newspaper4k`` before commit 1da8e69, MIT licence): ``html/<name>.html`` and
``txt/<name>.txt``, 153 pages with a body, most of them American news and magazine pages of
December 2014, a few in Arabic, Chinese, Japanese, Spanish and Thai. The gold is the body
newspaper extracted (headlines, captions and widget lines included on some pages), so only the
body is scored there, for gross failures and the comparison with trafilatura on the same text.

And it reads trafilatura's own evaluation corpus (``tests`` of ``adbar/trafilatura``, Apache-2.0
licence): ``evaldata.json`` and the pages it names under ``eval/`` or ``cache/``, 990 pages of
2011-2023, half of them German (news, blogs, public bodies), the rest from many countries, each
with short ``with`` snippets its main text must hold and ``without`` ones (menus, footers,
comments) it must not, and for most a ``title``, ``author`` and ``date``. trafilatura was
developed against these pages, so they favour it. The body figure there is trafilatura's own: F1
over every page's snippets counted together (a snippet found or missed in the text, whitespace
folded), the page's F1 for its loss.

``python -m bench.outside FOLDER`` prints the figures of both halves, newsbot beside trafilatura's
four modes, scored as wcxb is (token-bag body F1, headline, day, authors, instant to the second).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.generalise import run, show
from bench.realsets import GoldPage, _declared_url, site_of

SET_NAME = "outside"
_VERSION_NUMBERS = re.compile(r"\d+")
# newspaper names a site's pages after its host and a number: "cnn.com1.html".
_FILE_NUMBER = re.compile(r"\d+$")


def load(folder: Path) -> list[GoldPage]:
    """Every page of a folder in Fundus's test-data layout that has a URL and a gold body, in
    newspaper's (``html/`` and ``txt/``), or in trafilatura's (``evaldata.json``)."""
    if (folder / "evaldata.json").is_file():
        pages: Iterator[GoldPage] = _trafilatura_pages(folder)
    elif (folder / "html").is_dir() and (folder / "txt").is_dir():
        pages = _newspaper_pages(folder)
    else:
        pages = _pages(folder)
    return sorted(pages, key=lambda page: page.key)


def _newspaper_pages(folder: Path) -> Iterator[GoldPage]:
    """newspaper's pages: the URL the page declares (canonical link, og:url), else one on the
    host its file is named after ("cnn.com1.html")."""
    for html in sorted((folder / "html").glob("*.html")):
        text = folder / "txt" / f"{html.stem}.txt"
        if not text.is_file():
            continue
        url = _declared_url(html.read_bytes())
        if not url.startswith("http"):
            host = _FILE_NUMBER.sub("", html.stem)
            url = f"http://{host if '.' in host else 'example.com'}/{html.stem}.html"
        body = text.read_text(encoding="utf-8", errors="replace").strip()
        if body:
            yield GoldPage(SET_NAME, f"newspaper/{html.stem}", url, site_of(url), html, True, body=body)


def _trafilatura_pages(folder: Path) -> Iterator[GoldPage]:
    """trafilatura's evaluation pages that are there: every one is read as an article."""
    for url, gold in json.loads((folder / "evaldata.json").read_text(encoding="utf-8")).items():
        path = next((where for sub in ("cache", "eval") if (where := folder / sub / gold["file"]).is_file()), None)
        if path is None or not gold.get("with"):
            continue
        yield GoldPage(
            SET_NAME,
            f"trafilatura/{gold['file'].removesuffix('.html')}",
            url,
            site_of(url),
            path,
            True,
            title=_one_string(gold.get("title")),
            author=_one_string(gold.get("author")),
            day=_one_string(gold.get("date"))[:10],
            with_snippets=tuple(gold["with"]),
            without_snippets=tuple(gold.get("without") or ()),
        )


def _one_string(value: object) -> str:
    """A gold field as one string: a few of trafilatura's golds list several writers."""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value or "")


def _pages(folder: Path) -> Iterator[GoldPage]:
    for country in sorted(path for path in folder.iterdir() if path.is_dir()):
        info = country / "meta.info"
        urls = json.loads(info.read_text(encoding="utf-8")) if info.is_file() else {}
        for expected in sorted(country.glob("*.json")):
            publisher = expected.stem
            versions = json.loads(expected.read_text(encoding="utf-8"))
            pages = sorted(country.glob(f"{publisher}_*.html.gz"))
            names = sorted(versions, key=lambda name: [int(n) for n in _VERSION_NUMBERS.findall(name)])
            # One page per parser version, both oldest first; where they do not pair up, the newest alone.
            if len(pages) != len(names):
                pages, names = pages[-1:], names[-1:]
            for page, name in zip(pages, names, strict=True):
                url = (urls.get(page.name) or {}).get("url") or ""
                gold: dict[str, Any] = versions[name]
                body = _body(gold.get("body") or {})
                if not url or not body:
                    continue
                published = str(gold.get("publishing_date") or "")
                yield GoldPage(
                    SET_NAME,
                    f"{country.name}/{page.name.removesuffix('.html.gz')}",
                    url,
                    site_of(url),
                    page,
                    True,
                    body=body,
                    title=gold.get("title") or "",
                    author=", ".join(gold.get("authors") or []),
                    day=published[:10],
                    published=published,
                )


def _body(body: dict[str, Any]) -> str:
    """The gold's text: summary, then each section's headline and paragraphs, a line each."""
    lines = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        lines += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.outside", description=__doc__)
    parser.add_argument("folder", type=Path, help="a folder in Fundus's or newspaper's test-data layout")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    pages = load(args.folder)
    if not pages:
        parser.error(f"no pages with a URL and a gold body under {args.folder}")
    show(run({SET_NAME: pages}, processes=args.processes), args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
