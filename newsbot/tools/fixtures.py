"""``newsbot-fixtures``: record a saved page from a live URL, and regenerate expected records.

Expected records are written sorted, UTF-8, indented, without the fields that change from run
to run, so that a reviewer reads the diff (``git diff fixtures/``) before committing it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsbot.downloadermiddlewares.replay import FixtureSite, SavedPage
from newsbot.errors import NotAnArticle
from newsbot.extraction.article import extract_article
from newsbot.version import __version__

#: Fields that differ on every run and so are left out of expected records.
VOLATILE_METADATA = ("dateDownloaded", "newsbotVersion")
ERROR_FILE = "expected-error.json"


def stable(record: dict[str, Any]) -> dict[str, Any]:
    """The record without its per-run fields: what expected files hold."""
    record = json.loads(json.dumps(record))
    for key in VOLATILE_METADATA:
        record.get("metadata", {}).pop(key, None)
    return record


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def expected_outcome(page: SavedPage) -> dict[str, Any]:
    """What the page's folder says should come out: a record, or ``{"reason": ...}``."""
    if page.expected_path.exists():
        return {"record": page.expected_record()}
    error_path = page.folder / ERROR_FILE
    if error_path.exists():
        return {"error": json.loads(error_path.read_text(encoding="utf-8"))}
    return {}


def actual_outcome(page: SavedPage) -> dict[str, Any]:
    try:
        extraction = extract_article(page.body(), page.url, content_type=page.headers.get("Content-Type"))
    except NotAnArticle as error:
        return {"error": {"reason": error.reason}}
    return {"record": stable(extraction.record)}


def regenerate(root: Path, only: str | None = None) -> int:
    site = FixtureSite(root)
    changed = 0
    for page in site.pages:
        if page.folder.parent.name != "articles" or (only and only not in page.name):
            continue
        outcome = actual_outcome(page)
        error_path = page.folder / ERROR_FILE
        target, stale = (page.expected_path, error_path) if "record" in outcome else (error_path, page.expected_path)
        text = dumps(outcome.get("record") or outcome["error"])
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed += 1
            print(f"updated {target}")
        if stale.exists():
            stale.unlink()
            print(f"removed {stale}")
    print(f"{changed} expected file(s) changed: review them with `git diff {root}` before committing")
    return 0


def slug_for(text: str) -> str:
    """A folder name made from a URL path or a user's name: letters, digits and dashes only,
    so nothing a page or a link says can point the file somewhere else (``..``, ``/``)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[-80:].strip("-")
    return slug or "page"


def record(url: str, root: Path, name: str | None) -> int:
    request = urllib.request.Request(url, headers={"User-Agent": f"newsbot/{__version__} (fixture recorder)"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            status = response.status
            content_type = response.headers.get("Content-Type", "text/html")
    except urllib.error.HTTPError as error:  # an error page is no article to keep as a fixture
        print(f"newsbot-fixtures: {url} answered HTTP {error.code}; nothing saved", file=sys.stderr)
        return 1
    except (urllib.error.URLError, OSError, ValueError) as error:
        print(f"newsbot-fixtures: {url} could not be fetched ({getattr(error, 'reason', error)}); nothing saved",
              file=sys.stderr)  # fmt: skip
        return 1
    slug = slug_for(name or urlsplit(url).path)
    folder = root / "articles" / slug
    folder.mkdir(parents=True, exist_ok=True)
    extension = "xml" if "xml" in content_type else "html"
    (folder / f"body.{extension}").write_bytes(body)
    meta = {"url": url, "status": status, "headers": {"Content-Type": content_type}}
    (folder / "meta.json").write_text(dumps(meta), encoding="utf-8")
    print(f"saved {url} to {folder}")
    return regenerate(root, only=slug)


def write_warc(root: Path, out: Path) -> int:
    """The fixture site as a (gzipped when ``out`` ends in .gz) WARC of HTTP responses."""
    from io import BytesIO

    try:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter
    except ImportError:
        print("newsbot-fixtures: writing a WARC needs warcio: pip install 'newsbot[warc]'", file=sys.stderr)
        return 1

    site = FixtureSite(root)
    with out.open("wb") as stream:
        writer = WARCWriter(stream, gzip=out.suffix == ".gz")
        for page in site.pages:
            body = page.body()
            headers = StatusAndHeaders(
                f"{page.status} OK", [*page.headers.items(), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(page.url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)
    print(f"wrote {len(site.pages)} responses to {out}")
    return 0


#: The moment web-poet fixtures are written at and replayed at: their dateDownloaded.
POET_TIME = "2026-01-01T00:00:00Z"


def write_poet_fixtures(root: Path, out: Path) -> int:
    """An article page of the fixture site for each site and layout version, as a web-poet test
    fixture of ``newsbot.pages.ArticlePage`` (``<out>/newsbot.pages.ArticlePage/<page>/``: its
    input response, the Article, frozen time), which web-poet's pytest plugin replays. Needs the
    ``poet`` extra."""
    import asyncio

    try:
        import time_machine
        from web_poet import HttpResponse
        from web_poet.testing import Fixture

        from newsbot.pages import ArticlePage
    except ImportError as error:
        print(f"newsbot-fixtures: {error}", file=sys.stderr)
        return 1
    # One page per site and layout version: web-poet's layout keeps a copy of each input page.
    by_layout: dict[tuple[str, str], SavedPage] = {}
    for page in FixtureSite(root).articles:
        metadata = page.expected_record().get("metadata", {})
        by_layout.setdefault((metadata.get("site", ""), metadata.get("layout", "")), page)
    pages = list(by_layout.values())
    shutil.rmtree(out / "newsbot.pages.ArticlePage", ignore_errors=True)
    for page in pages:
        response = HttpResponse(url=page.url, body=page.body(), headers=page.headers)
        with time_machine.travel(POET_TIME, tick=False):
            item = asyncio.run(ArticlePage(response=response).to_item())
        name = slug_for(page.name.replace("/", "-"))
        Fixture.save(out / "newsbot.pages.ArticlePage", inputs=[response], item=item,
                     meta={"frozen_time": POET_TIME}, fixture_name=name)  # fmt: skip
    print(f"wrote {len(pages)} web-poet fixtures to {out / 'newsbot.pages.ArticlePage'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsbot-fixtures", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--root", type=Path, default=Path("fixtures"), help="the fixture site folder")
    commands = parser.add_subparsers(dest="command", required=True)
    record_cmd = commands.add_parser("record", help="save a live article page as a new fixture")
    record_cmd.add_argument("url")
    record_cmd.add_argument("--name", help="folder name (default: from the URL)")
    regen_cmd = commands.add_parser("regen", help="rewrite expected records from the current code")
    regen_cmd.add_argument("--only", help="only cases whose folder name contains this")
    warc_cmd = commands.add_parser("warc", help="write the fixture site as a WARC file")
    warc_cmd.add_argument("out", type=Path, help="the WARC to write (.warc.gz for gzip)")
    poet_cmd = commands.add_parser("poet", help="write the article pages as web-poet fixtures of ArticlePage")
    poet_cmd.add_argument("--out", type=Path, default=Path("tests/web_poet"), help="default: tests/web_poet")
    args = parser.parse_args(argv)
    if args.command != "record" and not args.root.is_dir():
        parser.error(f"no fixture site at {args.root}: run it from the repository root or give --root FOLDER")
    if args.command == "warc":
        return write_warc(args.root, args.out)
    if args.command == "poet":
        return write_poet_fixtures(args.root, args.out)
    if args.command == "record":
        return record(args.url, args.root, args.name)
    return regenerate(args.root, args.only)


if __name__ == "__main__":
    sys.exit(main())
