"""The extraction processes a crawl hands its pages to, fed from the crawl's event loop.

Each worker has a pipe of its own; the running asyncio loop watches the pipes, so an answer is
read as soon as it is written, and the crawl process runs no helper threads.
(``concurrent.futures.ProcessPoolExecutor`` runs two, a queue feeder and a manager, which take
the GIL from the reactor on every page: 0.2 ms of the crawl process's CPU a hand-off, three
times what a pipe costs.)

A worker holds at most two pages: the one it works on and, when it is small, the next, already
in its pipe, so the worker starts it the moment it answers instead of waiting for the crawl's
loop to read the answer and send another (on 4 KB pages, 2 cores: 417 pages/s before, 451-477
after). Other pages wait in the crawl process until a worker has room, so a busy worker never
holds more than one page a free one could take.

A worker that ends before it answers (killed, out of memory) fails only the page it was working
on, with :class:`WorkerDied`; the page behind it in its pipe had not started and goes back to
the front of the line, and a new worker takes its place. So does a worker that works on one
page longer than the pool's ``timeout`` (a page that sends a pattern or the parser into a
spin): it is ended, and the page fails with :class:`ExtractionTimeout`.
"""

from __future__ import annotations

import asyncio
import pickle
import socket
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from newsbot.extraction.worker import serve, worker_context

#: How long a closing pool waits for a worker to finish its page and end.
_CLOSE_SECONDS = 5.0
#: Pages a worker holds at once: the one it works on, and the next, waiting in its pipe.
_HELD_PAGES = 2
#: Only a page this small waits in a busy worker's pipe: the pipe's buffer takes it whole while
#: the worker works, so sending it never blocks the crawl's loop. A larger page waits in the
#: crawl process until a worker is free, and the worker reads it as it is sent.
_QUEUED_BYTES = 64 * 1024
#: The pipe's buffer, asked for on every platform: macOS gives a socket pair 8 KB by default.
_PIPE_BUFFER = 256 * 1024


def _socket_pipe() -> tuple[Connection, Connection]:
    """A two-way pipe over a socket pair: what ``multiprocessing.Pipe()`` is on POSIX, and on
    Windows too, where its own is a named pipe that an event loop cannot watch."""
    ours, theirs = socket.socketpair()
    ours.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _PIPE_BUFFER)
    theirs.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _PIPE_BUFFER)
    return Connection(ours.detach()), Connection(theirs.detach())


class WorkerDied(Exception):
    """The worker holding a page ended before it answered."""


class ExtractionTimeout(Exception):
    """A worker worked on a page longer than the pool's timeout; that worker was ended."""


class RemoteTraceback(Exception):
    """Where in the worker an extraction failed: the cause of the error it sent back."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    pipe: Connection
    #: The pages sent to the worker, oldest first, each with who waits on its answer. The worker
    #: works on the first; the one behind it waits in the pipe.
    held: deque[tuple[bytes, asyncio.Future[Any]]] = field(default_factory=deque)
    #: Ends the worker if the page it works on takes longer than the pool's timeout.
    timer: asyncio.TimerHandle | None = None


class WorkerPool:
    """``size`` worker processes, started when the first page arrives.

    ``on_death`` is called once for each worker that ended before answering (to count it and
    say so once). ``timeout``: seconds a worker may work on one page (None: no limit). Use from
    one event loop; ``close`` ends the workers.
    """

    def __init__(self, size: int, on_death: Callable[[], None] = lambda: None, timeout: float | None = None) -> None:
        self.size = size
        self.on_death = on_death
        self.timeout = timeout
        self._workers: list[_Worker] = []
        self._waiting: deque[tuple[bytes, asyncio.Future[Any]]] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None

    async def run(self, *args: Any) -> Any:
        """``extract_page(*args)`` in a worker: its answer, or the exception it raised."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        self._fill()  # a worker that cannot be started fails this page, not a later one
        answer: asyncio.Future[Any] = self._loop.create_future()
        self._waiting.append((pickle.dumps(args, pickle.HIGHEST_PROTOCOL), answer))
        self._dispatch()
        return await answer

    def _fill(self) -> None:
        while len(self._workers) < self.size:
            self._start()

    def _start(self) -> None:
        assert self._loop is not None
        context = worker_context()
        ours, theirs = _socket_pipe()
        process = context.Process(target=serve, args=(theirs,), name="newsbot-extraction", daemon=True)
        try:
            process.start()
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()  # the worker's end lives in the worker only: ours reads EOF when it ends
        worker = _Worker(process, ours)
        self._workers.append(worker)
        self._loop.add_reader(ours.fileno(), self._answered, worker)

    def _dispatch(self) -> None:
        while self._waiting:
            payload, answer = self._waiting[0]
            if answer.done():  # cancelled while it waited
                self._waiting.popleft()
                continue
            worker = self._taker(len(payload))
            if worker is None:
                return
            self._waiting.popleft()
            try:
                worker.pipe.send_bytes(payload)
            except OSError:  # it ended: the page goes back to wait for another
                self._waiting.appendleft((payload, answer))
                self._lost(worker)
                continue
            worker.held.append((payload, answer))
            if len(worker.held) == 1:
                self._start_timer(worker)

    def _taker(self, size: int) -> _Worker | None:
        """Who takes a page of ``size`` bytes: a free worker, or for a small page one with room."""
        if not self._workers:
            return None
        worker = min(self._workers, key=lambda each: len(each.held))
        if not worker.held or (len(worker.held) < _HELD_PAGES and size <= _QUEUED_BYTES):
            return worker
        return None

    def _answered(self, worker: _Worker) -> None:
        try:
            data = worker.pipe.recv_bytes()
        except (EOFError, OSError):
            self._lost(worker)
            return
        self._stop_timer(worker)
        answer = worker.held.popleft()[1] if worker.held else None
        if worker.held:  # the worker has started the page behind it
            self._start_timer(worker)
        try:
            ok, value, trace = pickle.loads(data)
        except Exception as error:  # an answer that does not unpickle fails its page, not the loop
            ok, value, trace = False, RuntimeError(f"the worker's answer did not unpickle: {error!r}"), None
        if answer is not None and not answer.done():
            if ok:
                answer.set_result(value)
            else:
                if trace:
                    value.__cause__ = RemoteTraceback(trace)
                answer.set_exception(value)
        self._dispatch()

    def _lost(self, worker: _Worker) -> None:
        """A worker ended: the page it worked on fails with WorkerDied, and a new worker takes its place."""
        self.on_death()
        self._replace(worker, WorkerDied(f"extraction worker {worker.process.pid} ended"))

    def _overdue(self, worker: _Worker) -> None:
        """A page kept its worker past the timeout: the worker is ended and the page fails."""
        worker.timer = None
        worker.process.kill()
        self._replace(worker, ExtractionTimeout(f"its extraction took over {self.timeout:g} s"))

    def _replace(self, worker: _Worker, error: Exception) -> None:
        """The worker is gone: the page it worked on fails with ``error``, the page behind it (not
        started) goes back to the front of the line, and a new worker is started."""
        self._retire(worker)
        if worker.held:
            _, answer = worker.held.popleft()
            if not answer.done():
                answer.set_exception(error)
            self._waiting.extendleft(reversed(worker.held))
            worker.held.clear()
        self._refill()

    def _refill(self) -> None:
        if self._loop is None or self._loop.is_closed():
            return
        try:
            self._fill()
        except Exception as error:  # no process to be had (out of memory, of processes)
            if not self._workers:  # nobody left to take the waiting pages: they fail now
                while self._waiting:
                    _, answer = self._waiting.popleft()
                    if not answer.done():
                        answer.set_exception(WorkerDied(f"no extraction worker could be started: {error}"))
                return
        self._dispatch()

    def _start_timer(self, worker: _Worker) -> None:
        if self.timeout and self._loop is not None:
            worker.timer = self._loop.call_later(self.timeout, self._overdue, worker)

    @staticmethod
    def _stop_timer(worker: _Worker) -> None:
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None

    def _retire(self, worker: _Worker) -> None:
        self._let_go(worker)
        self._reap(worker)

    def _let_go(self, worker: _Worker) -> None:
        """Stop reading the worker and close the crawl's end: a live worker reads EOF and ends."""
        self._stop_timer(worker)
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(worker.pipe.fileno())
        worker.pipe.close()
        self._workers.remove(worker)

    @staticmethod
    def _reap(worker: _Worker) -> None:
        worker.process.join(timeout=_CLOSE_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()

    def close(self) -> None:
        """End every worker: each reads the end of its pipe once its page is done."""
        for _, answer in self._waiting:
            answer.cancel()
        self._waiting.clear()
        workers = list(self._workers)
        for worker in workers:
            for _, answer in worker.held:
                answer.cancel()
            self._let_go(worker)
        for worker in workers:
            self._reap(worker)
        self._loop = None
