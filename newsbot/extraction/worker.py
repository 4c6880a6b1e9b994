"""What an extraction worker process runs, and nothing that needs Scrapy.

The crawl hands pages to a pool of these processes (``newsbot.pipelines.extract``). The pool's
processes are forked from a server that has imported this module once, so a worker starts
without importing trafilatura, lxml and the profiles again; keeping Scrapy out of this
module's imports keeps that server small and quick to start.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime

from newsbot.extraction.article import Extraction, extract_article
from newsbot.profiles import PROFILES
from newsbot.text.leaks import record_leaks


def exit_with_crawl(crawl: int) -> None:
    """Worker initializer: end this process when the crawl (process id ``crawl``) is gone.

    A crawl killed with SIGKILL cannot shut its pool down, and idle workers would otherwise
    wait on their queue for ever. A worker's parent is the fork server, not the crawl, and the
    fork server lives on while any worker does, so the worker asks after the crawl itself.
    """

    def watch() -> None:
        while _alive(crawl):
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="newsbot-crawl-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, though not ours to signal
        return True
    return True


def extract_page(
    body: bytes | str,
    url: str,
    profile: str,
    content_type: str | None,
    min_body_chars: int,
    downloaded: datetime | None = None,
    check_leaks: bool = False,
) -> Extraction:
    """Picklable arguments in, a picklable extraction out.

    The crawl monitor's leak detector runs here too: every CPU-bound step of a page belongs in
    the worker, since the crawl process is what the workers wait on.
    """
    site = PROFILES[profile]
    extraction = extract_article(
        body,
        url,
        profile=site,
        content_type=content_type,
        min_body_chars=min_body_chars,
        downloaded=downloaded,
    )
    if check_leaks:
        extraction.leaks = record_leaks(extraction.record, site.leak_fragments)
    return extraction
