"""HTML to data, with no Scrapy import: the story body, JSON-LD and page metadata."""
