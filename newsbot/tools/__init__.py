"""Developer commands (console scripts)."""
