"""Feed exporters that never leave half a record in the file."""

from __future__ import annotations

import json
import os
from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy.exporters import BaseItemExporter, CsvItemExporter, JsonLinesItemExporter
from scrapy.utils.python import to_bytes

from newsbot.schema import article_schema
from newsbot.zyte import missing_poet, to_article


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


class ZyteArticleExporter(JsonLinesExporter):
    """JSON Lines of Zyte's standard ``Article`` items instead of newsbot's record
    (``-O articles.jsonl:zyte_article``; see ``newsbot.zyte`` for what maps to what). Each line
    is an Article as zyte-common-items builds it, absent fields left out. Needs the ``poet`` extra."""

    @staticmethod
    def missing_requirement() -> str | None:
        """Why this exporter cannot run here, checked before a crawl starts (``newsbot.feedcheck``)."""
        return missing_poet()

    def export_item(self, item: Any) -> None:
        from itemadapter import ItemAdapter

        article = ItemAdapter(to_article(dict(item))).asdict()
        super().export_item({name: value for name, value in _without_none(article).items()})


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_none(item) for item in value]
    return value


def record_fields() -> list[str]:
    """The record's top-level fields in the schema's order: the stable columns of a table."""
    return list(article_schema()["properties"])


class CsvExporter(CsvItemExporter):
    """CSV with the same columns for every crawl (the record's fields, in the schema's order,
    unless ``FEED_EXPORT_FIELDS`` names others) and nested fields as JSON text.

    Scrapy's own takes its columns from the first record, so a field the first record lacks
    (``dateModified``, ``mainImage``) is dropped for all, and writes lists and objects as
    Python reprs no other tool reads.
    """

    def __init__(self, file: Any, **kwargs: Any) -> None:
        if kwargs.get("fields_to_export") is None:
            kwargs["fields_to_export"] = record_fields()
        super().__init__(file, **kwargs)

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return super().serialize_field(field, name, value)


_NO_PYARROW = "Parquet feeds need pyarrow: pip install 'newsbot[parquet]'"


class ParquetExporter(BaseItemExporter):
    """Parquet (``-O articles.parquet``), typed from the record's JSON Schema: texts as strings,
    ``authors``, ``breadcrumbs`` and ``images`` as lists of structs, ``mainImage`` and ``metadata``
    as structs. Written in row groups of ``batch`` records; needs pyarrow (``newsbot[parquet]``)."""

    batch = 1000

    @staticmethod
    def missing_requirement() -> str | None:
        """Why this exporter cannot run here, checked before a crawl starts (``newsbot.feedcheck``)."""
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            return _NO_PYARROW
        return None

    def __init__(self, file: Any, **kwargs: Any) -> None:
        super().__init__(dont_fail=True, **kwargs)
        try:
            import pyarrow
            import pyarrow.parquet
        except ImportError:
            raise NotConfigured(_NO_PYARROW) from None
        self._arrow = pyarrow
        self._parquet = pyarrow.parquet
        self.file = file
        fields = self.fields_to_export or record_fields()
        full = arrow_schema(pyarrow)
        self.schema = pyarrow.schema([full.field(name) if name in full.names else (name, pyarrow.string())
                                      for name in fields])  # fmt: skip
        self.rows: list[dict[str, Any]] = []
        self.writer: Any = None

    def export_item(self, item: Any) -> None:
        self.rows.append(dict(self.get_serialized_fields(item)))
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.writer is None:
            self.writer = self._parquet.ParquetWriter(self.file, self.schema)
        if self.rows:
            self.writer.write_table(self._arrow.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def finish_exporting(self) -> None:
        self._flush()  # an empty crawl still writes a valid file with its columns
        self.writer.close()


def arrow_schema(pyarrow: Any) -> Any:
    """The record's JSON Schema as an Arrow schema."""
    schema = article_schema()
    definitions = schema.get("$defs", {})

    def arrow_type(spec: dict[str, Any]) -> Any:
        while "$ref" in spec:
            spec = {**definitions[spec["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in spec.items() if k != "$ref"}}
        kind = spec.get("type")
        if kind == "object":
            return pyarrow.struct([(name, arrow_type(sub)) for name, sub in spec.get("properties", {}).items()])
        if kind == "array":
            return pyarrow.list_(arrow_type(spec["items"]))
        return pyarrow.string()

    return pyarrow.schema([(name, arrow_type(spec)) for name, spec in schema["properties"].items()])
