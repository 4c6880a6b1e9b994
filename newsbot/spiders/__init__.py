"""Spiders: discovery only. Turning pages into records is the pipelines' work."""
