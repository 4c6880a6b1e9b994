"""Feed exporters that never leave half a record in the file."""

from __future__ import annotations

from typing import Any

from scrapy.exporters import JsonLinesItemExporter


class JsonLinesExporter(JsonLinesItemExporter):
    """JSON Lines, each record flushed as one write.

    Scrapy's exporter writes into a buffered file, so a crawl killed mid-way (SIGKILL, OOM)
    can leave a line cut in two, and records reported as scraped may sit in the buffer. Here
    the buffer is empty before every record and flushed after it: one ``write`` per line.
    """

    def export_item(self, item: Any) -> None:
        super().export_item(item)
        self.file.flush()
