"""Response to ``Article``: the layered generic parser and one parser per wire (selectors only)."""
