"""Finding stories before fetching them: sitemaps, feeds, links, robots.txt, the fetch policy."""
