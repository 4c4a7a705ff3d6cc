"""Frontend benchmarks: Lighthouse scores, first-load JavaScript and time to first byte.

One production-like stack on its own database: gunicorn with production settings on
PostgreSQL and Redis with the demo site loaded, and the frontend built (``next build``)
and served (``next start``) against it. Then, for the home page, a blog post, a course
and a lesson:

1. Lighthouse (headless Debian Chromium; the desktop preset, or BENCH_LIGHTHOUSE_PRESET=
   mobile), the median of BENCH_LIGHTHOUSE_RUNS runs per page: performance,
   accessibility, best practices, SEO; the other preset's scores are reported beside
   them, without targets;
2. first-load JavaScript: every script of our origin the page's HTML loads, gzipped
   (level 9) from .next/static or public/, split into Next's own runtime (its root
   main files, shared by every App Router page) and what the route adds;
3. time to first byte of the prerendered HTML: median and p90 of TTFB_REQUESTS
   requests on a kept-alive connection.

The database is dropped and created afresh (BENCH_FRONTEND_DB on DATABASE_URL's server)
so that the build prerenders the demo site only, not another section's bench posts.
Prints one JSON line (figures and targets) for bench/run.py.
"""

import gzip
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import stack

BACKEND_PORT = 8410
FRONTEND_PORT = 3410
FRONTEND = stack.ROOT / "frontend"
NEXT_BIN = FRONTEND / "node_modules" / ".bin"
SITE = f"http://localhost:{FRONTEND_PORT}"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
DATABASE = os.environ.get("BENCH_FRONTEND_DB", "codecampus_fe_bench")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13")
# Desktop by default; "mobile" throttles the CPU fourfold and the network to slow 4G.
PRESET = os.environ.get("BENCH_LIGHTHOUSE_PRESET", "desktop")
OTHER_PRESET = "mobile" if PRESET == "desktop" else "desktop"
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))
TTFB_REQUESTS = 50
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SCORE_TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
POST_JS_TARGET_KB = 90


def database_url() -> str:
    return stack.scratch_database_url(DATABASE)


def backend_env(media_root: str) -> dict[str, str]:
    return stack.production_like_env(
        BACKEND_PORT,
        DATABASE_URL=database_url(),
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"bench-frontend-{int(time.time())}",
        FRONTEND_URL=SITE,
        CORS_ALLOWED_ORIGINS=SITE,
        CSRF_TRUSTED_ORIGINS=SITE,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Images are served by the backend in this stack (nginx or storage in production).
        SERVE_MEDIA="true",
        MEDIA_ROOT=media_root,
    )


def frontend_env(backend_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "NODE_ENV": "production",
        "NEXT_TELEMETRY_DISABLED": "1",
        "BACKEND_URL": backend_url,
        "SITE_URL": SITE,
        "REVALIDATE_SECRET": "",
    }


def next_build(env: dict) -> None:
    result = subprocess.run(
        [str(NEXT_BIN / "next"), "build"], cwd=FRONTEND, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"next build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")


def next_start(env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(NEXT_BIN / "next"), "start", "--port", str(FRONTEND_PORT)],
        cwd=FRONTEND,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    if stack.answers(f"{SITE}/robots.txt"):
        return process
    stack.stop([process])
    raise SystemExit("next start did not answer")


def first_path(backend_url: str, page_type: str) -> str:
    """The frontend path of the first live page of a Wagtail type."""
    response = httpx.get(
        f"{backend_url}/api/v2/pages/", params={"type": page_type, "limit": 1}, timeout=10
    )
    response.raise_for_status()
    return urlsplit(response.json()["items"][0]["meta"]["html_url"]).path


def pages_to_measure(backend_url: str) -> dict[str, str]:
    return {
        "home": "/",
        "post": first_path(backend_url, "blog.BlogPage"),
        "course": first_path(backend_url, "courses.CoursePage"),
        "lesson": first_path(backend_url, "courses.LessonPage"),
    }


def lighthouse(path: str, preset: str = PRESET) -> dict[str, int]:
    """Median score (0-100) per category over LIGHTHOUSE_RUNS runs."""
    chrome_flags = "--headless=new --disable-gpu"
    if os.geteuid() == 0:
        chrome_flags += " --no-sandbox"  # Chromium refuses its sandbox to root
    runs = []
    for _ in range(LIGHTHOUSE_RUNS):
        output = subprocess.run(
            [
                str(NEXT_BIN / "lighthouse"),
                SITE + path,
                *(["--preset=desktop"] if preset == "desktop" else []),
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={chrome_flags}",
                "--output=json",
                "--output-path=stdout",
                "--quiet",
            ],
            cwd=FRONTEND,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        runs.append(json.loads(output))
    scores = {
        category: round(
            statistics.median(run["categories"][category]["score"] for run in runs) * 100
        )
        for category in CATEGORIES
    }
    return {"scores": scores, "flagged": flagged_audits(runs[-1])}


def flagged_audits(report: dict) -> list[str]:
    """The audits that cost points outside performance, to say what to fix."""
    flagged = set()
    for category in CATEGORIES[1:]:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                flagged.add(f"{category}: {ref['id']}")
    return sorted(flagged)


SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
# Every script of our own origin: Next's chunks and the files of public/.
SOURCE = re.compile(r'\bsrc="(/(?!/)[^"]+\.js)"')


def gzip_size(path: str) -> int:
    if path.startswith("/_next/"):
        file = FRONTEND / ".next" / unquote(path.removeprefix("/_next/"))
    else:
        file = FRONTEND / "public" / unquote(path.removeprefix("/"))
    return len(gzip.compress(file.read_bytes(), 9))


def framework_files() -> set[str]:
    """Next's and React's runtime: the chunks every App Router page loads."""
    manifest = json.loads((FRONTEND / ".next" / "build-manifest.json").read_text())
    return {f"/_next/{name}" for name in manifest.get("rootMainFiles", [])}


def first_load_js(html: str, framework: set[str]) -> dict:
    """The gzipped size of every module script the HTML loads (polyfills excluded)."""
    sources = []
    for attributes in SCRIPT.findall(html):
        match = SOURCE.search(attributes)
        if match and "nomodule" not in attributes.lower() and match.group(1) not in sources:
            sources.append(match.group(1))
    chunks = [{"file": source, "gzip_bytes": gzip_size(source)} for source in sources]
    total = sum(chunk["gzip_bytes"] for chunk in chunks)
    runtime = sum(chunk["gzip_bytes"] for chunk in chunks if chunk["file"] in framework)
    return {
        "total_kb": kilobytes(total),
        "framework_kb": kilobytes(runtime),
        "route_kb": kilobytes(total - runtime),
        "chunks": chunks,
    }


def kilobytes(size: int) -> float:
    return round(size / 1000, 1)


def ttfb(path: str) -> dict:
    """Milliseconds from sending the request to reading the response's status line."""
    connection = http.client.HTTPConnection("localhost", FRONTEND_PORT, timeout=10)
    timings, cache = [], None
    try:
        for index in range(TTFB_REQUESTS + 1):
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            elapsed = (time.perf_counter() - started) * 1000
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            cache = response.getheader("x-nextjs-cache") or response.getheader("x-nextjs-prerender")
            if index:  # the first request may fill the cache
                timings.append(elapsed)
    finally:
        connection.close()
    timings.sort()
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p90_ms": round(timings[int(len(timings) * 0.9) - 1], 2),
        "cache": cache,
    }


def security_headers(path: str) -> dict[str, str | None]:
    headers = httpx.get(SITE + path, timeout=10).headers
    return {
        name: headers.get(name)
        for name in (
            "content-security-policy",
            "x-content-type-options",
            "referrer-policy",
            "strict-transport-security",
        )
    }


def measure() -> dict:
    media_root = tempfile.mkdtemp(prefix="bench-frontend-media-")
    env = backend_env(media_root)
    backend_url = env["BACKEND_URL"]
    stack.recreate_database(env["DATABASE_URL"])
    stack.manage(env, "migrate", "--noinput", "-v0")
    stack.manage(env, "load_demo")
    backend = stack.start(env, BACKEND_PORT)
    try:
        web_env = frontend_env(backend_url)
        next_build(web_env)
        framework = framework_files()
        frontend = next_start(web_env)
        try:
            pages = {}
            for name, path in pages_to_measure(backend_url).items():
                html = httpx.get(SITE + path, timeout=10).raise_for_status().text
                pages[name] = {
                    "path": path,
                    "first_load_js": first_load_js(html, framework),
                    "ttfb": ttfb(path),
                    "lighthouse": lighthouse(path),
                    "lighthouse_other_preset": lighthouse(path, OTHER_PRESET),
                }
            headers = security_headers("/")
        finally:
            stack.stop([frontend])
    finally:
        stack.stop(backend)
        shutil.rmtree(media_root, ignore_errors=True)
    return {
        "preset": PRESET,
        "other_preset": OTHER_PRESET,
        "lighthouse_runs": LIGHTHOUSE_RUNS,
        "ttfb_requests": TTFB_REQUESTS,
        "pages": pages,
        "headers": headers,
        "targets": targets(pages),
    }


def targets(pages: dict) -> list[dict]:
    rows = []
    for name, page in pages.items():
        for category, score in page["lighthouse"]["scores"].items():
            wanted = SCORE_TARGETS[category]
            rows.append(
                {
                    "name": f"Lighthouse {category}, {name} ({PRESET})",
                    "target": f">= {wanted}" if wanted < 100 else "100",
                    "value": score,
                    "met": score >= wanted,
                }
            )
    post_js = pages["post"]["first_load_js"]["total_kb"]
    rows.append(
        {
            "name": "first-load JS, blog post (gzip)",
            "target": f"<= {POST_JS_TARGET_KB} kB",
            "value": f"{post_js} kB",
            "met": post_js <= POST_JS_TARGET_KB,
        }
    )
    return rows


def main() -> int:
    missing = [
        name
        for name, path in (
            ("Chromium", Path(CHROMIUM)),
            ("next", NEXT_BIN / "next"),
            ("lighthouse", NEXT_BIN / "lighthouse"),
        )
        if not path.exists()
    ]
    if missing or shutil.which("psql") is None:
        print(
            f"missing: {', '.join(missing) or 'psql'} (make frontend-install; apt-get install "
            "chromium postgresql-client)",
            file=sys.stderr,
        )
        return 1
    print(json.dumps(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
