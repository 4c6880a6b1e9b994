"""newsbot's own Scrapy signals (connect with ``crawler.signals.connect(handler, signal=...)``)."""

#: Sent by ExtractPipeline for each record it makes, with ``url`` (the record's) and ``leaks``
#: (a frozenset: the kinds of leftover the leak detector found in its body). The detector runs
#: in the extraction worker, beside the extraction, and only while the crawl monitor is on.
record_checked = object()
