"""newscrawler: clean, de-duplicated JSON lines from news wires and news sites."""
