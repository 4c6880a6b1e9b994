"""The extraction workers: real processes, fed through their pipes by a real event loop."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from scrapy.utils.test import get_crawler

from newsbot.downloadermiddlewares.replay import FixtureSite
from newsbot.extraction.pool import ExtractionTimeout, RemoteTraceback, WorkerDied, WorkerPool
from newsbot.extraction.worker import extract_page
from newsbot.items import Page
from newsbot.pipelines.drops import ExtractionFailed, ExtractionTimedOut
from tests.conftest import FIXTURES
from tests.test_components import JoongAngSpider, extract

SITE = FixtureSite(FIXTURES)
DOWNLOADED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def page_args(
    name: str = "articles/2021-10-13-diplomacy-security-advisers", profile: str = "joongang"
) -> tuple[Any, ...]:
    saved = next(page for page in SITE.pages if page.name == name)
    # A fixed download time: a record made a second later would differ in its dateDownloaded.
    return (saved.body(), saved.url, profile, saved.headers.get("Content-Type"), 150, DOWNLOADED)


class KillsItsWorker:
    """Unpickled in a worker, it ends that worker at once: a worker lost while it holds a page."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (os._exit, (3,))


class SpinsItsWorker:
    """Unpickled in a worker, it keeps that worker busy for a minute: a page that never ends."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (time.sleep, (60,))


async def in_pool(work: Any, size: int = 2, timeout: float | None = None) -> tuple[Any, list[int]]:
    deaths: list[int] = []
    pool = WorkerPool(size, on_death=lambda: deaths.append(1), timeout=timeout)
    try:
        return await work(pool), deaths
    finally:
        pool.close()


def test_a_worker_answers_what_extraction_in_the_crawl_process_would() -> None:
    args = page_args()
    found, deaths = asyncio.run(in_pool(lambda pool: pool.run(*args)))
    assert found.record == extract_page(*args).record
    assert deaths == []


def test_pages_in_flight_beyond_the_workers_wait_and_are_all_answered() -> None:
    names = [page.name for page in SITE.articles if page.name.startswith("articles/")][:6]

    async def work(pool: WorkerPool) -> list[Any]:
        return await asyncio.gather(*(pool.run(*page_args(name)) for name in names), return_exceptions=True)

    found, _ = asyncio.run(in_pool(work))
    urls = [answer.record["url"] if hasattr(answer, "record") else type(answer).__name__ for answer in found]
    assert urls == [extract_page(*page_args(name)).record["url"] for name in names]


def test_an_error_in_a_worker_reaches_the_caller_with_where_it_was_raised() -> None:
    with pytest.raises(KeyError) as raised:
        asyncio.run(in_pool(lambda pool: pool.run(*page_args(profile="no-such-profile"))))
    assert isinstance(raised.value.__cause__, RemoteTraceback)
    assert "extract_page" in str(raised.value.__cause__)


def test_a_lost_worker_fails_only_its_page_and_is_replaced() -> None:
    async def work(pool: WorkerPool) -> tuple[BaseException | None, Any, int]:
        await pool.run(*page_args())
        try:
            await pool.run(KillsItsWorker())
            lost = None
        except WorkerDied as error:
            lost = error
        after = await pool.run(*page_args())
        return lost, after, sum(worker.process.is_alive() for worker in pool._workers)

    (lost, after, alive), deaths = asyncio.run(in_pool(work))
    assert isinstance(lost, WorkerDied)
    assert after.record["headline"]
    assert alive == 2
    assert deaths == [1]


def test_a_worker_killed_while_idle_is_replaced_and_its_next_page_is_answered() -> None:
    async def work(pool: WorkerPool) -> list[Any]:
        await pool.run(*page_args())
        for worker in pool._workers:
            assert worker.process.pid is not None
            os.kill(worker.process.pid, signal.SIGKILL)
            worker.process.join()
        return list(await asyncio.gather(pool.run(*page_args()), pool.run(*page_args())))

    answers, deaths = asyncio.run(in_pool(work))
    assert [bool(answer.record["headline"]) for answer in answers] == [True, True]
    assert deaths == [1, 1]


def test_closing_the_pool_ends_its_workers() -> None:
    async def work(pool: WorkerPool) -> list[Any]:
        await pool.run(*page_args())
        return [worker.process for worker in pool._workers]

    processes, _ = asyncio.run(in_pool(work))
    assert len(processes) == 2
    assert not any(process.is_alive() for process in processes)


def test_a_page_that_kills_two_workers_is_dropped_as_an_extraction_error() -> None:
    with pytest.raises(ExtractionFailed, match="died 2 times"):
        extract(Page("http://127.0.0.1/news/2025-01-02/national/politics/S/2300001", KillsItsWorker()), 1)  # type: ignore[arg-type]


def test_when_no_new_worker_can_be_started_the_waiting_pages_fail_instead_of_waiting() -> None:
    def out_of_processes() -> None:
        raise OSError("Resource temporarily unavailable")

    async def work(pool: WorkerPool) -> list[Any]:
        await pool.run(*page_args())
        pool._start = out_of_processes  # type: ignore[method-assign]  # the machine has none to give
        held, waiting = pool.run(KillsItsWorker()), pool.run(*page_args())
        answers = list(await asyncio.wait_for(asyncio.gather(held, waiting, return_exceptions=True), timeout=60))
        try:
            await pool.run(*page_args())
        except OSError as error:  # a later page learns it at once
            answers.append(error)
        return answers

    answers, deaths = asyncio.run(in_pool(work, size=1))
    assert [type(answer) for answer in answers] == [WorkerDied, WorkerDied, OSError]
    assert "no extraction worker could be started" in str(answers[1])
    assert deaths == [1]


def test_a_page_that_holds_its_worker_past_the_timeout_fails_and_the_worker_is_replaced() -> None:
    async def work(pool: WorkerPool) -> tuple[BaseException | None, Any, int]:
        await pool.run(*page_args())
        started = time.monotonic()
        try:
            await pool.run(SpinsItsWorker())
            overdue = None
        except ExtractionTimeout as error:
            overdue = error
        assert time.monotonic() - started < 50  # ended at the timeout, not when the page was done
        after = await pool.run(*page_args())
        return overdue, after, sum(worker.process.is_alive() for worker in pool._workers)

    (overdue, after, alive), deaths = asyncio.run(in_pool(work, timeout=1.0))
    assert isinstance(overdue, ExtractionTimeout)
    assert "took over 1 s" in str(overdue)
    assert after.record["headline"]
    assert alive == 2
    assert deaths == []  # ended by the pool: not a worker that died


def test_a_page_past_the_timeout_is_dropped_with_its_own_reason() -> None:
    crawler = get_crawler(JoongAngSpider, {"NEWSBOT_WORKERS": 1, "NEWSBOT_EXTRACTION_TIMEOUT": 1})
    with pytest.raises(ExtractionTimedOut, match="took over 1 s"):
        extract(Page("http://127.0.0.1/news/2025-01-02/national/politics/S/2300001", SpinsItsWorker()), crawler=crawler)  # type: ignore[arg-type]


def test_a_busy_worker_holds_the_next_small_page_in_its_pipe_and_a_large_one_waits_for_it() -> None:
    body, *rest = page_args()
    large = (body + b"<!--" + b"x" * 70_000 + b"-->", *rest)  # over the 64 KiB a pipe is given

    async def work(pool: WorkerPool) -> tuple[list[int], int, list[Any]]:
        runs = [asyncio.ensure_future(pool.run(*args)) for args in (page_args(), page_args(), large)]
        await asyncio.sleep(0)  # each run has handed its page over or queued it
        held, waiting = [len(worker.held) for worker in pool._workers], len(pool._waiting)
        return held, waiting, list(await asyncio.gather(*runs))

    (held, waiting, answers), deaths = asyncio.run(in_pool(work, size=1))
    assert held == [2]  # one page worked on, the next in the pipe
    assert waiting == 1  # the large page waits in the crawl process for a free worker
    assert [answer.record["url"] for answer in answers] == [page_args()[1]] * 3
    assert deaths == []


def test_the_page_behind_a_lost_one_in_its_workers_pipe_goes_to_the_next_worker() -> None:
    async def work(pool: WorkerPool) -> list[Any]:
        both = asyncio.gather(pool.run(KillsItsWorker()), pool.run(*page_args()), return_exceptions=True)
        return list(await asyncio.wait_for(both, timeout=60))  # a page left behind fails, not hangs

    (lost, after), deaths = asyncio.run(in_pool(work, size=1))
    assert isinstance(lost, WorkerDied)
    assert after.record["headline"]  # it had not started: it is not failed with the page before it
    assert deaths == [1]


def test_the_page_behind_an_overdue_one_is_answered_after_the_worker_is_replaced() -> None:
    async def work(pool: WorkerPool) -> list[Any]:
        both = asyncio.gather(pool.run(SpinsItsWorker()), pool.run(*page_args()), return_exceptions=True)
        return list(await asyncio.wait_for(both, timeout=60))

    (overdue, after), deaths = asyncio.run(in_pool(work, size=1, timeout=1.0))
    assert isinstance(overdue, ExtractionTimeout)
    assert after.record["headline"]
    assert deaths == []
