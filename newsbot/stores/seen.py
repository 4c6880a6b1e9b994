"""The seen-store: which articles were written, by which job, with which content.

A small SQLite file at ``NEWSBOT_SEEN_STORE`` (or ``JOBDIR/newsbot-seen.sqlite``). It lets a
crawl killed and restarted with the same ``JOBDIR`` skip what it already wrote, and a later
crawl skip articles that did not change while re-emitting those that did. Each record is
committed on its own, in WAL mode, so several crawls can share one store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
import uuid
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler

from newsbot.text.dates import to_iso, utc_now

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id    TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    date_modified TEXT,
    body_hash     TEXT NOT NULL,
    job           TEXT NOT NULL,
    first_written TEXT NOT NULL,
    last_written  TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Seen:
    article_id: str
    date_modified: str | None
    body_hash: str
    job: str
    first_written: str


def body_hash(record: dict[str, Any]) -> str:
    return hashlib.sha256(record["articleBody"].encode("utf-8")).hexdigest()


class BaseSeenStore(ABC):
    """What the spider and the pipelines ask of a seen-store, wherever it keeps its rows."""

    job: str

    # Rows are keyed by SiteProfile.article_key: the site's id on its own hosts, else the URL.
    @abstractmethod
    def get(self, article_id: str) -> Seen | None: ...

    @abstractmethod
    def add(self, record: dict[str, Any], key: str) -> None: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def written_in_this_job(self, article_id: str) -> bool:
        seen = self.get(article_id)
        return seen is not None and seen.job == self.job

    def changed(self, record: dict[str, Any], seen: Seen) -> bool:
        return body_hash(record) != seen.body_hash or record.get("dateModified") != seen.date_modified


# Two crawls opening a new store at once: switching it to WAL answers "database is locked"
# without waiting on the busy timeout (about one start in a hundred, measured), so it is tried
# again for as long as a statement would wait.
_SET_UP_TRIES = 300
_SET_UP_PAUSE = 0.1


def _set_up(db: sqlite3.Connection) -> None:
    for attempt in range(_SET_UP_TRIES):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == _SET_UP_TRIES - 1:
                raise
            time.sleep(_SET_UP_PAUSE)


class SeenStore(BaseSeenStore):
    """A SQLite file: one crawl at a time per job, several crawls sharing it safely."""

    def __init__(self, path: Path, job: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.job = job
        # Autocommit: every statement is its own short transaction; waits for another crawl's lock.
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA busy_timeout=30000")
        _set_up(self._db)

    def get(self, article_id: str) -> Seen | None:
        row = self._db.execute(
            "SELECT article_id, date_modified, body_hash, job, first_written FROM articles WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        return Seen(*row) if row else None

    def add(self, record: dict[str, Any], key: str) -> None:
        now = to_iso(utc_now())
        self._db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "url = excluded.url, date_modified = excluded.date_modified, body_hash = excluded.body_hash, "
            "job = excluded.job, last_written = excluded.last_written",
            (key, record["url"], record.get("dateModified"), body_hash(record), self.job, now, now),
        )

    def count(self) -> int:
        row = self._db.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0])

    def close(self) -> None:
        self._db.close()


def is_resumed(jobdir: str | None) -> bool:
    """A crawl with this JOBDIR ran before: it is the same job, resumed."""
    return bool(jobdir) and (Path(str(jobdir)) / "newsbot-job").exists()


def job_id(jobdir: str | None) -> str:
    # A resumed crawl is the same job: its id lives in JOBDIR. Without JOBDIR every run is new.
    if not jobdir:
        return uuid.uuid4().hex
    marker = Path(jobdir) / "newsbot-job"
    if not marker.exists():
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(uuid.uuid4().hex, encoding="utf-8")
    return marker.read_text(encoding="utf-8").strip()


class RedisSeenStore(BaseSeenStore):
    """The seen-store of a shared crawl: one hash in Redis, the same for every worker."""

    def __init__(self, server: Any, key: str, job: str) -> None:
        self.server = server
        self.key = key
        self.job = job

    def get(self, article_id: str) -> Seen | None:
        raw = self.server.hget(self.key, article_id)
        if raw is None:
            return None
        data = json.loads(raw)
        return Seen(article_id, data["dateModified"], data["bodyHash"], data["job"], data["firstWritten"])

    def add(self, record: dict[str, Any], key: str) -> None:
        seen = self.get(key)
        value = {
            "dateModified": record.get("dateModified"),
            "bodyHash": body_hash(record),
            "job": self.job,
            "firstWritten": seen.first_written if seen else to_iso(utc_now()),
        }
        self.server.hset(self.key, key, json.dumps(value))

    def count(self) -> int:
        return int(self.server.hlen(self.key))

    def close(self) -> None:
        pass  # the connection belongs to the scheduler


_STORES: WeakKeyDictionary[Crawler, BaseSeenStore | None] = WeakKeyDictionary()


def store_for(crawler: Crawler) -> BaseSeenStore | None:
    """The crawl's seen-store, opened once and shared by the spider and the pipeline."""
    if crawler not in _STORES and crawler.settings.get("NEWSBOT_REDIS_URL"):
        from scrapy_redis.connection import get_redis_from_settings

        # One shared crawl is one job: every worker skips what any of them wrote.
        name = crawler.spidercls.name
        server = get_redis_from_settings(crawler.settings)
        _STORES[crawler] = RedisSeenStore(server, f"newsbot:{name}:seen", job=f"shared:{name}")
    if crawler not in _STORES:
        jobdir = crawler.settings.get("JOBDIR")
        path = crawler.settings.get("NEWSBOT_SEEN_STORE") or (
            str(Path(jobdir) / "newsbot-seen.sqlite") if jobdir else None
        )
        store = _open_sound(crawler, Path(path), job_id(jobdir)) if path else None
        if store is not None:
            logger.info("newsbot: seen-store %s (%d articles), job %s", path, store.count(), store.job)
        _STORES[crawler] = store
    return _STORES[crawler]


def _open_sound(crawler: Crawler, path: Path, job: str) -> SeenStore:
    """The store at ``path``; when the file is damaged (cut short, overwritten), a new one,
    rebuilt from the records the crawl's local JSON Lines feeds already hold.

    A damaged store gave a traceback at the first lookup. Set aside and rebuilt, the resumed
    job still skips, before download, every article it wrote.
    """
    try:
        store = SeenStore(path, job)
        if (verdict := store._db.execute("PRAGMA quick_check").fetchone()) != ("ok",):
            store.close()
            raise sqlite3.DatabaseError(str(verdict[0] if verdict else "no verdict"))
        return store
    except sqlite3.DatabaseError as error:
        damage = str(error)
    aside = path.with_name(f"{path.name}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
    for suffix in ("", "-wal", "-shm"):
        if (part := Path(f"{path}{suffix}")).exists():
            part.rename(Path(f"{aside}{suffix}"))
    store = SeenStore(path, job)
    feeds, rebuilt = _rebuild(crawler, store)
    logger.warning(
        "newsbot: the seen-store %s was damaged (%s); set aside as %s and rebuilt from %s: %d articles",
        path, damage, aside.name, ", ".join(feeds) or "no local JSON Lines feed", rebuilt,
    )  # fmt: skip
    return store


def _rebuild(crawler: Crawler, store: SeenStore) -> tuple[list[str], int]:
    """Add to ``store`` every whole record of the crawl's local JSON Lines feeds."""
    from newsbot.feedcheck import local_path
    from newsbot.profiles import crawl_profile

    feeds, count = [], 0
    for uri, options in crawler.settings.getdict("FEEDS").items():
        path = local_path(str(uri))
        if path is None or not path.is_file() or dict(options).get("format") not in ("jsonlines", "jsonl", "jl"):
            continue
        feeds.append(str(path))
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                    url, article_id = record["url"], record["articleId"]
                    # The key the incremental pipeline looks the article up by.
                    store.add(record, crawl_profile(crawler, url).article_key(url, article_id))
                    count += 1
                except (ValueError, KeyError, TypeError):
                    continue  # a line that is no whole record: nothing to skip for it
    return feeds, count
