"""Scale: the blog listing and search as the blog grows to 1,000, 10,000 and 50,000 posts.

One production-like stack (gunicorn with production settings, PostgreSQL, Redis) on
this section's own database, dropped and created afresh. The demo site is loaded,
then the blog is topped up in bulk (load_bulk_posts) to each size in turn, and at
each size, with the content cache off (a cached response would hide the database's
work), wrk measures:

1. listing, page 1: content.py's listing (20 posts, all fields, newest first);
2. listing, last page: the same at offset posts - 20, the deepest a reader can go;
3. search, broad: a word most posts contain, 20 results with all fields, by relevance;
4. search, narrow: a word one post in fourteen contains (each demo post is copied
   alike, so every word's matches grow with the blog).

wrk runs one connection at a time, so that the figures are the time each request
takes rather than the time it waits behind others on a small machine.

Target: growth clearly sub-linear, that is for each request the median latency at
the largest size is under 5 times the median at the smallest (for 50 times the posts).

Prints one JSON line (the curve and the targets) for bench/run.py.
"""

import json
import os
import shutil
import sys
import time

import httpx
import stack
from content import LISTING, target, wrk

PORT = 8510
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = os.environ.get("BENCH_SCALE_DB", "codecampus_scale")
REDIS_URL = os.environ.get("BENCH_SCALE_REDIS_URL", "redis://127.0.0.1:6379/14")
SIZES = [int(size) for size in os.environ.get("BENCH_SCALE_SIZES", "1000,10000,50000").split(",")]
SEARCH = "/api/v2/pages/?type=blog.BlogPage&fields=*&limit=20&search="
# The site's main subject, in most posts: the most results to rank and count.
BROAD_TERM = "python"
# In one demo post of fourteen (pytest's), so in one post of fourteen at every size.
NARROW_TERM = "pytest"
MAX_GROWTH = 5
# At 50,000 posts a request may take longer than wrk's default of 2 s.
TIMEOUT_SECONDS = 30


def database_url() -> str:
    return stack.scratch_database_url(DATABASE)


def requests(posts: int) -> dict[str, str]:
    return {
        "listing": LISTING,
        "last_page": f"{LISTING}&offset={posts - 20}",
        "search_broad": SEARCH + BROAD_TERM,
        "search_narrow": SEARCH + NARROW_TERM,
    }


def check_responses(paths: dict[str, str], posts: int) -> dict[str, int]:
    """Each request answers as expected; returns how many posts each search matches."""
    listing = httpx.get(BASE + paths["listing"], timeout=TIMEOUT_SECONDS).json()
    if listing["meta"]["total_count"] != posts or len(listing["items"]) != 20:
        raise SystemExit(f"the listing does not show {posts} posts: {listing['meta']}")
    if len(httpx.get(BASE + paths["last_page"], timeout=TIMEOUT_SECONDS).json()["items"]) != 20:
        raise SystemExit("the last listing page is not full")
    matches = {}
    for name in ("search_broad", "search_narrow"):
        search = httpx.get(BASE + paths[name], timeout=TIMEOUT_SECONDS).json()
        if len(search["items"]) != 20:
            raise SystemExit(f"{paths[name]} finds fewer than 20 posts")
        matches[name] = search["meta"]["total_count"]
    return matches


def measure() -> dict:
    env = stack.production_like_env(
        PORT,
        DATABASE_URL=database_url(),
        REDIS_URL=REDIS_URL,
        CONTENT_API_CACHE="false",
    )
    stack.recreate_database(env["DATABASE_URL"])
    stack.setup_django(env)
    stack.manage(env, "migrate", "--noinput", "-v0")
    stack.manage(env, "load_demo")

    figures = {"sizes": SIZES, "search_terms": {"broad": BROAD_TERM, "narrow": NARROW_TERM}}
    figures["load_seconds"], figures["search_matches"], curve = [], [], {}
    for posts in SIZES:
        started = time.perf_counter()
        stack.manage(env, "load_bulk_posts", "--count", str(posts))
        figures["load_seconds"].append(round(time.perf_counter() - started, 1))
        stack.analyze()
        paths = requests(posts)
        backend = stack.start(env, PORT)
        try:
            figures["search_matches"].append(check_responses(paths, posts))
            for name, path in paths.items():
                figures_at_size = wrk(BASE + path, connections=1, timeout_seconds=TIMEOUT_SECONDS)
                curve.setdefault(name, []).append({"posts": posts, **figures_at_size})
        finally:
            stack.stop(backend)
    figures["curve"] = curve
    figures["targets"] = targets(curve)
    return figures


def targets(curve: dict) -> list[dict]:
    rows = []
    for name, points in curve.items():
        smallest, largest = points[0], points[-1]
        growth = largest["median_ms"] / smallest["median_ms"]
        rows.append(
            target(
                f"{name} median at {largest['posts']} / at {smallest['posts']} posts",
                f"< {MAX_GROWTH}x",
                f"{growth:.2f}x",
                growth < MAX_GROWTH,
            )
        )
    return rows


def main() -> int:
    if shutil.which("wrk") is None:
        print("missing tool: wrk (make bench installs it)", file=sys.stderr)
        return 1
    print(json.dumps(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
