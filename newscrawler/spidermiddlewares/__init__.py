"""Spider middlewares: what the spiders yield, before it reaches the scheduler."""
