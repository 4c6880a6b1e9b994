"""``scrapy parse URL``: Scrapy's, with the spider chosen by the URL's site profile.

Scrapy's own picks a spider by ``allowed_domains``; newsbot's spiders take their hosts from
their profiles, so without ``--spider`` it found none, logged that, and exited 0. Here the
profile of the URL's host names the spider (``news`` for any other site), as ``scrapy extract``
does, and a command that parsed nothing exits 1.
"""

from __future__ import annotations

import argparse

from scrapy.commands.parse import Command as ScrapyParse

from newsbot.profiles import profile_for_url


class Command(ScrapyParse):
    def set_spidercls(self, url: str, opts: argparse.Namespace) -> None:
        if not opts.spider:
            opts.spider = profile_for_url(url).spider
        super().set_spidercls(url, opts)
        if self.spidercls is None:
            self.exitcode = 1
