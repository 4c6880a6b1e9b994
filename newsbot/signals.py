"""newsbot's own Scrapy signals (connect with ``crawler.signals.connect(handler, signal=...)``)."""

#: Sent by ExtractPipeline for each record it makes, with ``url`` (the record's) and ``leaks``
#: (a frozenset: the kinds of leftover the leak detector found in its body). The detector runs
#: in the extraction worker, beside the extraction, and only while the crawl monitor is on.
record_checked = object()

#: Sent by newsbot's feed exporter once a record is in every feed, with ``item`` and ``response``. What counts a
#: record as written (the summary, the seen-store, a shared frontier) listens to this, not to
#: ``item_scraped``: Scrapy sends that one whether or not the feed could write the line.
record_written = object()
