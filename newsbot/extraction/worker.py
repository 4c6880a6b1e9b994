"""What an extraction worker process runs, and nothing that needs Scrapy.

The crawl hands pages to a pool of these processes (``newsbot.extraction.pool``). The pool's
processes are forked from a server that has imported this module once, so a worker starts
without importing trafilatura, lxml and the profiles again; keeping Scrapy out of this
module's imports keeps that server small and quick to start. The classes a worker is launched
with live here too: a worker unpickles its process object, and so imports their module.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import multiprocessing.process
import pickle
import sys
import traceback
import types
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from multiprocessing.connection import Connection
from typing import Any

from newsbot.extraction.article import Extraction, extract_article
from newsbot.profiles import PROFILES
from newsbot.text.leaks import record_leaks


def serve(pipe: Connection) -> None:
    """A worker's life: a page in, its extraction (or the error it raised) out, one at a time,
    until the crawl closes its end of the pipe, or ends without closing it (killed): either way
    the read finds the end of the pipe, so no worker outlives its crawl."""
    while True:
        try:
            args = pickle.loads(pipe.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            answer = pickle.dumps((True, extract_page(*args), None), pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # the crawl decides what an error costs the page
            answer = _error_answer(error)
        try:
            pipe.send_bytes(answer)
        except OSError:  # the crawl is gone
            return


def _error_answer(error: Exception) -> bytes:
    trace = traceback.format_exc()
    try:
        return pickle.dumps((False, error, trace), pickle.HIGHEST_PROTOCOL)
    except Exception:  # an error that does not pickle still reaches the crawl, as its text
        return pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}"), trace))


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


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """While a worker is launched, ``__main__`` is an empty module.

    multiprocessing tells each new process to import the parent's main module again (for
    objects defined there). A crawl's main is the ``scrapy`` script or Scrapyd's runner, so
    every worker would import Scrapy and Twisted, 0.2 s of CPU each, for nothing: what a
    worker runs lives in this module. The window is the launch alone.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class _WorkerProcess(multiprocessing.context.ForkServerProcess):
    @staticmethod
    def _Popen(process_obj: multiprocessing.process.BaseProcess) -> Any:
        with _main_module_hidden():
            return multiprocessing.context.ForkServerProcess._Popen(process_obj)


class _WorkerContext(multiprocessing.context.ForkServerContext):
    """Workers forked from a fork server, launched without the crawl's main module."""

    Process = _WorkerProcess


@cache
def worker_context() -> _WorkerContext | multiprocessing.context.SpawnContext:
    """How worker processes start (one context a process: its preload list is the fork server's).

    Not fork: the crawl process runs a reactor and threads. A fork server (a fresh process,
    started once) imports the worker module once and forks each worker from it, where spawn
    would import trafilatura and the profiles again in every worker: half a second of CPU each,
    on every pool and every Scrapyd job. Spawn where there is no fork server.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = _WorkerContext()
    context.set_forkserver_preload(["newsbot.extraction.worker"])
    return context


def start_fork_server() -> None:
    """Start the fork server now (it imports this module once, in its own process), so that it
    is ready by the time the first page is handed to a worker. Nothing to do under spawn."""
    if isinstance(worker_context(), _WorkerContext):
        multiprocessing.forkserver.ensure_running()
