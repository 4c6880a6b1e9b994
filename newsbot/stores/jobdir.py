"""A job's folder (``JOBDIR``), checked before the crawl opens it: usable, held by one crawl at a
time, and with a request queue that can be read to its end.

Scrapy keeps the pending requests of a job in disk queues whose counts and positions are written
when the crawl closes. A crawl killed after a resume leaves counts that no longer match the
files, and the resumed crawl then fails on every pop (``OSError: [Errno 22]``), fetching
nothing, for ever. Here the queue is read (without changing it) before the crawl: a LIFO queue
whose entries are whole but whose count is stale gets its count back; any other damage sets the
queue aside. Nothing is lost by that: a resumed crawl starts from its start URLs again, and the
seen-store skips, before download, every article the job already wrote.
"""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import re
import struct
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

QUEUE = "requests.queue"
LOCK = "newsbot.lock"
_SIZE = struct.Struct(">L")
_CHUNK = re.compile(r"q\d{5}")


class JobdirError(RuntimeError):
    """The JOBDIR cannot be used: said in one line, and the crawl does not start."""


def lock(jobdir: Path) -> IO[str]:
    """Hold ``jobdir`` for this process: the open lock file, to keep open while the crawl runs.

    Two crawls on one JOBDIR share a request queue and a seen-store, and lose or duplicate
    articles; the second is refused. The lock is the kernel's, so a killed crawl holds none.
    """
    try:
        jobdir.mkdir(parents=True, exist_ok=True)
        handle = (jobdir / LOCK).open("a+", encoding="utf-8")
    except OSError as error:
        raise JobdirError(f"JOBDIR={jobdir} cannot be used: {error.strerror or error}") from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise JobdirError(
            f"JOBDIR={jobdir} is in use by another crawl ({holder}); wait for it or use another"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    return handle


def mend_queue(jobdir: Path) -> str | None:
    """Make the job's request queue readable to its end; what was done, or None when it was whole."""
    queue = jobdir / QUEUE
    if not queue.exists():
        return None
    try:
        mended = _mend(queue)
    except _Damaged as damage:
        aside = queue.with_name(f"{QUEUE}.damaged-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
        queue.rename(aside)
        return (
            f"the request queue in {jobdir} was damaged ({damage}), as a forced stop leaves it; set aside "
            f"as {aside.name}: the crawl starts again from its start URLs and skips what the job already wrote"
        )
    return (
        f"the request queue in {jobdir} had stale counts ({mended}); corrected, every request kept" if mended else None
    )


class _Damaged(Exception):
    pass


def _mend(queue: Path) -> str:
    """Check every disk queue under ``queue``; correct what can be, raise _Damaged otherwise."""
    try:
        json.loads((queue / "active.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as error:
        raise _Damaged(f"active.json: {error}") from None
    # A FIFO queue is a folder of chunk files (q00000, ...) and the info.json its close writes.
    fifo = {path.parent for path in queue.rglob("*") if path.name == "info.json" or _CHUNK.fullmatch(path.name)}
    mended = []
    for path in sorted(queue.rglob("*")):
        if path.is_dir() or path.name == "active.json" or path.parent in fifo:
            continue
        if (stale := _mend_lifo(path)) is not None:
            mended.append(f"{path.relative_to(queue)}: {stale}")
    for folder in sorted(fifo):
        _check_fifo(folder)
    return "; ".join(mended)


def _entry(data: bytes, where: str) -> None:
    try:
        pickle.loads(data)
    except Exception as error:  # a cut entry fails in any of pickle's ways
        raise _Damaged(f"{where}: an entry cannot be read ({type(error).__name__})") from None


def _mend_lifo(path: Path) -> str | None:
    """A LIFO queue file: a count, then entries each followed by its length. Read from the end
    to the count, every entry must be whole; a count written before the last pops or pushes
    (the crawl was killed) is corrected to the entries there are."""
    data = path.read_bytes()
    if len(data) < _SIZE.size:
        raise _Damaged(f"{path.name}: {len(data)} bytes, no count")
    (count,) = _SIZE.unpack_from(data)
    end, found = len(data), 0
    while end > _SIZE.size:
        if end - _SIZE.size < _SIZE.size:
            raise _Damaged(f"{path.name}: a cut entry at the end")
        (size,) = _SIZE.unpack_from(data, end - _SIZE.size)
        start = end - _SIZE.size - size
        if start < _SIZE.size:
            raise _Damaged(f"{path.name}: an entry longer than the file")
        _entry(data[start : end - _SIZE.size], path.name)
        end, found = start, found + 1
    if found == count:
        return None
    with path.open("r+b") as file:
        file.write(_SIZE.pack(found))
    return f"{count} counted, {found} there"


def _check_fifo(folder: Path) -> None:
    """A FIFO queue folder: info.json's tail and head positions, and the entries between them
    in the chunk files, each a length and the entry."""
    if not (folder / "info.json").exists():
        # Killed before its first close: where its entries start and end was never written.
        if any(chunk.stat().st_size for chunk in folder.iterdir() if _CHUNK.fullmatch(chunk.name)):
            raise _Damaged(f"{folder.name}: entries without the info.json that places them")
        return
    try:
        info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
        (tail_chunk, tail_count, offset), (head_chunk, head_count) = info["tail"], info["head"]
        size, chunk_size = int(info["size"]), int(info["chunksize"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise _Damaged(f"{folder.name}/info.json: {error}") from None
    chunk, position, read = tail_chunk, tail_count, 0
    while [chunk, position] < [head_chunk, head_count]:
        try:
            data = (folder / f"q{chunk:05d}").read_bytes()
        except OSError as error:
            raise _Damaged(f"{folder.name}: {error.strerror or error}") from None
        while [chunk, position] < [head_chunk, head_count] and position < chunk_size:
            if offset + _SIZE.size > len(data):
                raise _Damaged(f"{folder.name}/q{chunk:05d}: fewer entries than info.json counts")
            (length,) = _SIZE.unpack_from(data, offset)
            entry = data[offset + _SIZE.size : offset + _SIZE.size + length]
            if len(entry) < length:
                raise _Damaged(f"{folder.name}/q{chunk:05d}: a cut entry")
            _entry(entry, f"{folder.name}/q{chunk:05d}")
            offset, position, read = offset + _SIZE.size + length, position + 1, read + 1
        if position == chunk_size:
            chunk, position, offset = chunk + 1, 0, 0
    if read != size:
        raise _Damaged(f"{folder.name}: info.json counts {size} entries, {read} are there")
