"""The garbage collector's setting while a crawl runs, and its return afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newsbot.extensions.collector import PROCESS, CollectorTuning


@pytest.fixture(autouse=True)
def collector_as_found() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    while PROCESS.crawls:
        PROCESS.close()
    gc.set_threshold(*before)
    gc.unfreeze()


def tuning(threshold: int = 5000) -> CollectorTuning:
    return CollectorTuning.from_crawler(get_crawler(Spider, {"NEWSBOT_GC_THRESHOLD": threshold}))


def test_a_crawl_collects_less_often_and_sets_the_collector_back_when_it_closes() -> None:
    before = gc.get_threshold()
    extension = tuning(5000)
    extension.spider_opened()
    assert gc.get_threshold() == (5000, before[1], before[2])
    assert gc.get_freeze_count() > 0  # what existed at the open: skipped by full collections
    extension.spider_closed()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_with_two_crawls_in_one_process_the_last_to_close_sets_it_back() -> None:
    before = gc.get_threshold()
    first, second = tuning(5000), tuning(8000)
    first.spider_opened()
    second.spider_opened()
    first.spider_closed()
    assert gc.get_threshold()[0] == 5000
    second.spider_closed()
    assert gc.get_threshold() == before


def test_a_crawl_that_never_opened_changes_nothing_when_it_closes() -> None:
    before = gc.get_threshold()
    tuning().spider_closed()
    assert gc.get_threshold() == before
    assert PROCESS.crawls == 0


def test_zero_leaves_the_collector_alone() -> None:
    with pytest.raises(NotConfigured):
        tuning(0)


def test_a_lower_threshold_than_the_processs_own_is_not_imposed() -> None:
    gc.set_threshold(20000, 10, 10)
    extension = tuning(5000)
    extension.spider_opened()
    assert gc.get_threshold()[0] == 20000
    extension.spider_closed()
    assert gc.get_threshold() == (20000, 10, 10)
