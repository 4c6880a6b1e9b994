"""The stores of crawl state: the seen-store (``seen``: SQLite in JOBDIR, or a Redis hash) and
the shared Redis frontier of several crawlers (``frontier``, which uses the seen-store; the
seen-store knows nothing of it)."""
