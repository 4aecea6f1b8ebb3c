"""Item pipelines: the cleaning stages every story passes before it is exported."""
