"""Site profiles: what a page of a site looks like, declared as data.

Pipelines hold no site selectors; they ask the profile. A layout is one version of the
site's article template; a page no version matches takes the generic path.
"""

from newsbot.profiles.base import Layout, SiteProfile
from newsbot.profiles.joongang import JOONGANG

__all__ = ["JOONGANG", "Layout", "SiteProfile"]
