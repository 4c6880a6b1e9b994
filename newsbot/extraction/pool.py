"""The extraction processes a crawl hands its pages to, fed from the crawl's event loop.

Each worker has a pipe of its own and holds one page at a time; the running asyncio loop
watches the pipes, so an answer is read as soon as it is written, and the crawl process runs
no helper threads. (``concurrent.futures.ProcessPoolExecutor`` runs two, a queue feeder and a
manager, which take the GIL from the reactor on every page: 0.2 ms of the crawl process's CPU
a hand-off, three times what a pipe costs.) A page waits in the crawl process until a
worker is free, so a busy worker never holds pages a free one could take.

A worker that ends before it answers (killed, out of memory) fails only the page it held, with
:class:`WorkerDied`, and a new worker takes its place. So does a worker that holds one page
longer than the pool's ``timeout`` (a page that sends a pattern or the parser into a spin): it
is ended, and the page fails with :class:`ExtractionTimeout`.
"""

from __future__ import annotations

import asyncio
import pickle
import socket
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from newsbot.extraction.worker import serve, worker_context

#: How long a closing pool waits for a worker to finish its page and end.
_CLOSE_SECONDS = 5.0


def _socket_pipe() -> tuple[Connection, Connection]:
    """A two-way pipe over a socket pair: what ``multiprocessing.Pipe()`` is on POSIX, and on
    Windows too, where its own is a named pipe that an event loop cannot watch."""
    ours, theirs = socket.socketpair()
    return Connection(ours.detach()), Connection(theirs.detach())


class WorkerDied(Exception):
    """The worker holding a page ended before it answered."""


class ExtractionTimeout(Exception):
    """A page held its worker longer than the pool's timeout; that worker was ended."""


class RemoteTraceback(Exception):
    """Where in the worker an extraction failed: the cause of the error it sent back."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    pipe: Connection
    #: The page the worker holds, and who waits on its answer.
    task: asyncio.Future[Any] | None = None
    #: Ends the worker if the page it holds takes longer than the pool's timeout.
    timer: asyncio.TimerHandle | None = None


class WorkerPool:
    """``size`` worker processes, started when the first page arrives.

    ``on_death`` is called once for each worker that ended before answering (to count it and
    say so once). ``timeout``: seconds a worker may hold one page (None: no limit). Use from
    one event loop; ``close`` ends the workers.
    """

    def __init__(self, size: int, on_death: Callable[[], None] = lambda: None, timeout: float | None = None) -> None:
        self.size = size
        self.on_death = on_death
        self.timeout = timeout
        self._workers: list[_Worker] = []
        self._idle: list[_Worker] = []
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
        self._idle.append(worker)
        self._loop.add_reader(ours.fileno(), self._answered, worker)

    def _dispatch(self) -> None:
        while self._waiting and self._idle:
            payload, answer = self._waiting.popleft()
            if answer.done():  # cancelled while it waited
                continue
            worker = self._idle.pop()
            worker.task = answer
            try:
                worker.pipe.send_bytes(payload)
            except OSError:  # it ended while idle: the page goes back to wait for another
                worker.task = None
                self._waiting.appendleft((payload, answer))
                self._lost(worker)
                continue
            if self.timeout and self._loop is not None:
                worker.timer = self._loop.call_later(self.timeout, self._overdue, worker)

    def _answered(self, worker: _Worker) -> None:
        try:
            data = worker.pipe.recv_bytes()
        except (EOFError, OSError):
            self._lost(worker)
            return
        self._stop_timer(worker)
        answer, worker.task = worker.task, None
        self._idle.append(worker)
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
        """A worker ended: its page fails with WorkerDied, and a new worker takes its place."""
        self.on_death()
        self._replace(worker, WorkerDied(f"extraction worker {worker.process.pid} ended"))

    def _overdue(self, worker: _Worker) -> None:
        """A page held its worker past the timeout: the worker is ended and the page fails."""
        worker.timer = None
        worker.process.kill()
        self._replace(worker, ExtractionTimeout(f"its extraction took over {self.timeout:g} s"))

    def _replace(self, worker: _Worker, error: Exception) -> None:
        """The worker is gone: the page it held fails with ``error``, and a new one is started."""
        self._retire(worker)
        if worker.task is not None and not worker.task.done():
            worker.task.set_exception(error)
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
        if worker in self._idle:
            self._idle.remove(worker)

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
            if worker.task is not None:
                worker.task.cancel()
            self._let_go(worker)
        for worker in workers:
            self._reap(worker)
        self._loop = None
