"""Downloader middlewares: retries with backoff, redirects kept on the site, replay of saved pages."""
