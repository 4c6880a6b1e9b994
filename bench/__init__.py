"""newsbot's benchmark suite: extraction quality and speed against bare trafilatura, and
end-to-end crawl throughput, memory and scaling. Run it with ``python -m bench``."""
