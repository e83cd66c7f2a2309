"""Find and read sources into Articles: text, HTML pages and JSON lines."""
