"""Every record is checked against the shipped JSON Schema before it reaches the feed."""

from __future__ import annotations

from typing import Any

from newsbot.pipelines.drops import InvalidRecord
from newsbot.schema import article_validator, record_errors


class ValidatePipeline:
    def __init__(self) -> None:
        article_validator()  # a broken schema fails the crawl at start, not on the first page

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or "articleId" not in item:
            return item
        errors = record_errors(item)
        if errors:
            raise InvalidRecord(str(item.get("url")), "; ".join(errors[:3]))
        return item
