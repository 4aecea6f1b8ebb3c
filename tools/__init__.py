"""Developer tools that are not installed with newscrawler: fixture and demo-site generators."""
