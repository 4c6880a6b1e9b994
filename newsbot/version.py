"""The package's version, in a module of its own: any module may read it without importing the
whole package (whose ``__init__`` imports the extraction code)."""

__version__ = "0.1.0"
