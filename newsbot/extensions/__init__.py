"""Extensions: the feed exporter that counts what is written, the closing summary and progress
line, the crawl-health monitor, the quick shutdown on Ctrl-C / SIGTERM, and the garbage
collector's setting while a crawl runs."""
