"""The shared frontier's Redis queue: pops that are leases, given back by ``release`` or expiry.

Loaded by Scrapy only when ``NEWSBOT_REDIS_URL`` names it as the scheduler's queue class, so a
crawl without the ``redis`` extra never imports scrapy-redis.
"""

from __future__ import annotations

import time

from scrapy import Request
from scrapy_redis.queue import Base

LEASE_KEY = "newsbot_lease"
_POP_AND_LEASE = """
local data = redis.call('RPOP', KEYS[1])
if data then redis.call('ZADD', KEYS[2], ARGV[1], data) end
return data
"""


class ReliableQueue(Base):  # type: ignore[misc]
    """FIFO queue whose pops are leases, given back by ``release`` or expiry."""

    lease_seconds = 600.0

    @property
    def leases_key(self) -> str:
        return f"{self.key}:leases"

    def __len__(self) -> int:
        return int(self.server.llen(self.key))

    def push(self, request: Request) -> None:
        # A retry or a redirect: the new request is queued before the old lease is released.
        lease = request.meta.pop(LEASE_KEY, None)
        self.server.lpush(self.key, self._encode_request(request))
        if lease is not None:
            self.server.zrem(self.leases_key, lease)

    def pop(self, timeout: int = 0) -> Request | None:
        # One atomic step: a worker killed between a pop and its lease would lose the request.
        data = self.server.eval(_POP_AND_LEASE, 2, self.key, self.leases_key, time.time() + self.lease_seconds)
        if data is None:
            return None
        request: Request = self._decode_request(data)
        request.meta[LEASE_KEY] = data
        return request

    def release(self, request: Request | None) -> None:
        lease = request.meta.pop(LEASE_KEY, None) if request is not None else None
        if lease is not None:
            self.server.zrem(self.leases_key, lease)

    def leased(self) -> int:
        return int(self.server.zcard(self.leases_key))

    def requeue_expired(self) -> int:
        """Give the queue back what dead workers held; each lease goes back once."""
        back = 0
        for data in self.server.zrangebyscore(self.leases_key, 0, time.time()):
            if self.server.zrem(self.leases_key, data):  # only one worker wins each lease
                self.server.rpush(self.key, data)  # to the front: it waited long enough
                back += 1
        return back

    def clear(self) -> None:
        self.server.delete(self.key, self.leases_key)
