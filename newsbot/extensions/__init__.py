"""Extensions: the feed exporter that counts what is written, the closing summary and progress
line, the crawl-health monitor, and the quick shutdown on Ctrl-C / SIGTERM."""
