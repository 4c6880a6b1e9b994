"""Site profiles: what a page of a site looks like, declared as data.

Pipelines hold no site selectors; they ask the profile. A layout is one version of the
site's article template; a page no version matches takes the generic path. A page of a host
no profile names gets :data:`GENERIC`: no layouts, no site strings, no assumed timezone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsbot.profiles.base import Layout, SiteProfile
from newsbot.profiles.generic import GENERIC
from newsbot.profiles.joongang import JOONGANG
from newsbot.profiles.joongang_ilbo import JOONGANG_ILBO

if TYPE_CHECKING:  # `import newsbot` and the extraction workers do not load Scrapy
    from scrapy.crawler import Crawler

#: Profiles by name: what crosses a process boundary is the name, not the compiled profile.
PROFILES: dict[str, SiteProfile] = {profile.name: profile for profile in (JOONGANG, JOONGANG_ILBO, GENERIC)}
_BY_HOST = {host.lower(): profile for profile in PROFILES.values() for host in profile.hosts}


def crawl_profile(crawler: Crawler, url: str) -> SiteProfile:
    """The profile a crawl reads ``url`` with: its spider's, or (for a spider of another
    project, which names none) the profile of the URL's host."""
    profile_for = getattr(crawler.spider, "profile_for", None)
    profile = profile_for(url) if callable(profile_for) else None
    return profile if isinstance(profile, SiteProfile) and profile.name in PROFILES else profile_for_url(url)


def profile_for_url(url: str) -> SiteProfile:
    """The profile whose hosts include the URL's host, else :data:`GENERIC`."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return GENERIC
    return _BY_HOST.get(host) or _BY_HOST.get(host.removeprefix("www.")) or GENERIC


__all__ = [
    "GENERIC",
    "JOONGANG",
    "JOONGANG_ILBO",
    "PROFILES",
    "Layout",
    "SiteProfile",
    "crawl_profile",
    "profile_for_url",
]
