"""Every story of the demo site, in site order, and a lookup by path."""

from __future__ import annotations

from tools.demo_site.stories import dated, edge_cases
from tools.demo_site.story import Story

STORIES: list[Story] = dated.STORIES + edge_cases.STORIES
STORY_BY_PATH: dict[str, Story] = {story.path: story for story in STORIES}
