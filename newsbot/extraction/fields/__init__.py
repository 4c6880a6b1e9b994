"""The record's fields, one module each: what the page offers for the field, and which wins."""
