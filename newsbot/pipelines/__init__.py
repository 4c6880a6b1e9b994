"""Item pipelines: extract -> scope (dates, duplicates, limit) -> validate. Thin Scrapy glue."""
