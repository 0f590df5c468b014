"""Data files: the article catalogue and other default texts."""
