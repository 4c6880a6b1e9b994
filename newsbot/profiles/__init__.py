"""Site profiles: what a page of a site looks like, declared as data.

Pipelines hold no site selectors; they ask the profile. A layout is one version of the
site's article template; a page no version matches takes the generic path.
"""

from newsbot.profiles.base import Layout, SiteProfile
from newsbot.profiles.joongang import JOONGANG

#: Profiles by name: what crosses a process boundary is the name, not the compiled profile.
PROFILES: dict[str, SiteProfile] = {JOONGANG.name: JOONGANG}

__all__ = ["JOONGANG", "PROFILES", "Layout", "SiteProfile"]
