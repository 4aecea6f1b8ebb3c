"""Downloader middlewares: what happens to a request and its response around the download."""
