"""Find and read sources into Articles: text, HTML pages and JSON lines."""

# Most bytes of one article's source (a text file, an HTML page, a JSON line): bigger ones are
# refused unread, since extraction time and memory grow with an article's length.
MAX_BYTES = 500_000
