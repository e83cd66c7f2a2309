"""Language tools for Indonesian news: tokens, sentences, dates, names and places."""
