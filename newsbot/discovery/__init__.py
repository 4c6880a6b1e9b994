"""Discovery: which URLs are articles, and what listings, feeds and sitemaps point to."""
