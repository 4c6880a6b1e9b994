"""Every record is checked against the shipped JSON Schema before it reaches the feed."""

from __future__ import annotations

from typing import Any

from newsbot.pipelines.drops import InvalidRecord
from newsbot.schema import is_valid_record, load_validators, record_errors


class ValidatePipeline:
    def __init__(self) -> None:
        load_validators()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or "articleId" not in item:
            return item
        if is_valid_record(item):
            return item
        # jsonschema has the last word and says what is wrong.
        errors = record_errors(item)
        if errors:
            raise InvalidRecord(str(item.get("url")), "; ".join(errors[:3]))
        return item
