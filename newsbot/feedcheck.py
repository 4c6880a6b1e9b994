"""What would stop a crawl's feeds from being written, found before the crawl starts.

Scrapy opens its feeds when the spider opens. A feed whose exporter needs a library that is
not installed, or whose file cannot be created, then fails in a handler: tracebacks, an empty
file and exit 0, after every page was fetched for nothing. Checked first, it is one line and
exit 2, and no file is touched.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object


def feed_error(settings: BaseSettings) -> str | None:
    """The first reason one of ``FEEDS`` cannot be written, or None."""
    exporters = settings.getwithbase("FEED_EXPORTERS")
    for uri, options in settings.getdict("FEEDS").items():
        options = dict(options) if isinstance(options, Mapping) else {}
        if (error := _exporter_error(exporters, options.get("format"))) is not None:
            return f"{uri}: {error}"
        if (path := local_path(str(uri))) is not None and (error := _folder_error(path)) is not None:
            return f"{uri}: {error}"
    return None


def local_path(uri: str) -> Path | None:
    """The file a feed URI names on this machine, up to its first ``%(...)s`` placeholder
    (whose value is known only once the spider runs); None for remote storage."""
    parts = urlsplit(uri)
    if parts.scheme == "file":
        path = Path(url2pathname(parts.path))
    elif parts.scheme == "" or (len(parts.scheme) == 1 and uri[1:3] in (":\\", ":/")):  # C:\ on Windows
        path = Path(uri)
    else:
        return None
    if "%(" not in str(path):
        return path
    # A placeholder in a folder or the name: the folders before it are what can be checked.
    fixed = list(itertools.takewhile(lambda part: "%(" not in part, path.parts))
    return Path(*fixed, "feed")


def _exporter_error(exporters: Any, format_name: object) -> str | None:
    path = exporters.get(format_name) if isinstance(format_name, str) else None
    if not path:
        return None  # Scrapy's own check names an unknown format
    exporter = load_object(path)
    missing = getattr(exporter, "missing_requirement", None)
    return missing() if callable(missing) else None


def _folder_error(path: Path) -> str | None:
    """Why no file can be created at ``path``: its folder, or the nearest that exists, takes none."""
    if path.is_dir():
        return "a folder, not a file"
    folder = path.parent
    while not folder.exists():
        if folder.parent == folder:
            break
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return f"no file can be created in {folder} ({error.strerror or error})"
    return None
