"""The seen-stores across jobs: what counts as a change, and when an article was first written.

Both stores are real: a SQLite file and a redis-server on 127.0.0.1.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from newsbot.stores.seen import BaseSeenStore, RedisSeenStore, SeenStore
from tests.test_shared import redis_url  # noqa: F401  (a fixture)

KEY = "www.example.com:2700100"


def record(body: str = "The council passed the budget.", modified: str | None = None) -> dict[str, Any]:
    found = {"url": "https://www.example.com/news/2700100", "articleBody": body}
    return {**found, "dateModified": modified} if modified else found


@pytest.fixture(params=["sqlite", "redis"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """Opens the store of one kind as a given job: each call is a new crawl on the same rows."""
    opened: list[BaseSeenStore] = []

    def open_as(job: str) -> BaseSeenStore:
        if request.param == "sqlite":
            store: BaseSeenStore = SeenStore(tmp_path / "seen.sqlite", job)
        else:
            url = request.getfixturevalue("redis_url")
            store = RedisSeenStore(redis.Redis.from_url(url), "newsbot:seen", job)
        opened.append(store)
        return store

    yield open_as
    for store in opened:
        store.close()


def test_a_new_modification_time_is_a_change_even_with_the_same_body(open_store: Any) -> None:
    first = open_store("job-1")
    first.add(record(modified="2026-03-02T09:00:00+09:00"), KEY)
    seen = open_store("job-2").get(KEY)
    assert seen is not None
    assert not first.changed(record(modified="2026-03-02T09:00:00+09:00"), seen)
    assert first.changed(record(modified="2026-03-02T11:30:00+09:00"), seen)  # corrected, same words
    assert first.changed(record(body="The council passed the budget, 12 to 3."), seen)


def test_an_update_keeps_when_the_article_was_first_written(open_store: Any) -> None:
    open_store("job-1").add(record(), KEY)
    first = open_store("job-1").get(KEY)
    assert first is not None and first.job == "job-1"
    time.sleep(1.1)  # stamps are to the second: a later write has a later stamp
    later = open_store("job-2")
    later.add(record(body="The council passed the budget, 12 to 3.", modified="2026-03-03T10:00:00Z"), KEY)
    updated = later.get(KEY)
    assert updated is not None
    assert updated.job == "job-2" and updated.date_modified == "2026-03-03T10:00:00Z"
    assert updated.first_written == first.first_written
