"""Pure text functions: no Scrapy, no I/O, tested with tables."""
