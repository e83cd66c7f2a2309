"""One entity across articles, the conflicts between reports, and how merges are explained."""
