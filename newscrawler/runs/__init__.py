"""One run as cron and the reader see it: its files (feed, rejects, summary), its lock,
its outcome and its exit status."""
