"""Feed exporters that never leave half a record in the file."""

from __future__ import annotations

import os
from typing import Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.python import to_bytes


class JsonLinesExporter(JsonLinesItemExporter):
    """JSON Lines, each record written to the file as one whole line, or not at all.

    Scrapy's exporter writes into a buffered file, so a crawl killed mid-way (SIGKILL, OOM)
    can leave a line cut in two, and records reported as scraped may sit in the buffer. Here
    each line goes to the operating system in one ``write`` before the record counts as
    written; a write that fails half-way (a full disk) is cut back off, so the file ends in a
    whole line and the error reaches the feed exporter.
    """

    def export_item(self, item: Any) -> None:
        data = to_bytes(self.encoder.encode(dict(self.get_serialized_fields(item))) + "\n", self.encoding)
        try:
            fileno = self.file.fileno()
        except (AttributeError, OSError):  # no descriptor: a post-processing wrapper (gzip), a stream
            self.file.write(data)
            self.file.flush()
            return
        self.file.flush()  # whatever the file object buffered goes first
        start = os.lseek(fileno, 0, os.SEEK_END)
        written = 0
        try:
            while written < len(data):
                written += os.write(fileno, data[written:])
        except OSError:
            if written:
                os.ftruncate(fileno, start)
            raise
