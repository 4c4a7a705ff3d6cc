"""Stock Wagtail beside ours, for the content API benchmark (bench/content.py)."""
