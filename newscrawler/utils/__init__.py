"""Plain-function helpers: dates, URLs, languages, text, body sniffing, analysis bounds."""
