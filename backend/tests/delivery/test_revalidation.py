import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from taggit.models import Tag

from delivery import revalidation
from tests.factories import (
    AuthorFactory,
    BlogPageFactory,
    CategoryFactory,
    CoursesIndexPageFactory,
    ImageFactory,
)

SECRET = "test-revalidate-secret"


class _Frontend:
    """A loopback HTTP server standing in for the frontend's revalidation route."""

    def __init__(self, status=200, delay=0.0):
        self.requests = []
        frontend = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                frontend.requests.append(
                    {
                        "path": self.path,
                        "authorization": self.headers.get("Authorization"),
                        "content_type": self.headers.get("Content-Type"),
                        "body": json.loads(body),
                    }
                )
                time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/revalidate/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def frontend(settings):
    with _Frontend() as server:
        settings.FRONTEND_REVALIDATE_URL = server.url
        settings.REVALIDATE_SECRET = SECRET
        yield server


@pytest.mark.django_db
def test_publishing_a_post_sends_its_tags_and_paths_after_commit(
    frontend, blog_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post = BlogPageFactory(parent=blog_index, slug="hello")
    assert frontend.requests == []  # nothing before the commit

    for callback in callbacks:
        callback()

    request = frontend.requests[-1]
    assert request["path"] == "/api/revalidate/"
    assert request["authorization"] == f"Bearer {SECRET}"
    assert request["content_type"] == "application/json"
    assert set(request["body"]["tags"]) >= {
        f"page:{post.pk}",
        "type:blog.BlogPage",
        f"page:{blog_index.pk}",
        "path:/blog/hello/",
    }
    assert request["body"]["paths"] == ["/blog/hello/", "/blog/"]


@pytest.mark.django_db
def test_unpublishing_a_post_revalidates_it(
    frontend, blog_index, django_capture_on_commit_callbacks
):
    post = BlogPageFactory(parent=blog_index, slug="gone-soon")
    frontend.requests.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post.unpublish()

    assert [r["body"]["paths"] for r in frontend.requests] == [["/blog/gone-soon/", "/blog/"]]


@pytest.mark.django_db
def test_moving_a_post_revalidates_its_old_and_new_paths(
    frontend, home, blog_index, django_capture_on_commit_callbacks
):
    post = BlogPageFactory(parent=blog_index, slug="wanderer")
    other = CoursesIndexPageFactory(parent=home, slug="elsewhere")
    frontend.requests.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post.move(other, pos="last-child")

    paths = frontend.requests[-1]["body"]["paths"]
    assert set(paths) == {"/elsewhere/wanderer/", "/elsewhere/", "/blog/wanderer/", "/blog/"}


@pytest.mark.django_db
def test_deleting_a_post_revalidates_it_once(
    frontend, blog_index, django_capture_on_commit_callbacks
):
    post = BlogPageFactory(parent=blog_index, slug="doomed")
    post_id = post.pk
    frontend.requests.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post.delete()

    assert len(frontend.requests) == 1
    assert f"page:{post_id}" in frontend.requests[0]["body"]["tags"]
    assert "/blog/doomed/" in frontend.requests[0]["body"]["paths"]


@pytest.mark.django_db
def test_nothing_is_sent_without_a_secret(
    frontend, settings, blog_index, django_capture_on_commit_callbacks
):
    settings.REVALIDATE_SECRET = ""

    with django_capture_on_commit_callbacks(execute=True):
        BlogPageFactory(parent=blog_index)

    assert frontend.requests == []


@pytest.mark.django_db
def test_a_failing_frontend_is_logged_and_publishing_still_succeeds(
    settings, blog_index, django_capture_on_commit_callbacks, caplog
):
    with _Frontend(status=500) as server:
        settings.FRONTEND_REVALIDATE_URL = server.url
        settings.REVALIDATE_SECRET = SECRET
        with django_capture_on_commit_callbacks(execute=True):
            post = BlogPageFactory(parent=blog_index, slug="still-published")

    post.refresh_from_db()
    assert post.live
    assert len(server.requests) == 1
    failures = [r for r in caplog.records if r.getMessage() == "frontend_revalidation_failed"]
    assert failures
    assert failures[0].status == 500
    assert SECRET not in caplog.text


@pytest.mark.django_db
def test_an_unreachable_frontend_does_not_break_publishing(
    settings, blog_index, django_capture_on_commit_callbacks, caplog
):
    with _Frontend() as server:
        url = server.url
    settings.FRONTEND_REVALIDATE_URL = url  # the server is closed now: connection refused
    settings.REVALIDATE_SECRET = SECRET

    with django_capture_on_commit_callbacks(execute=True):
        post = BlogPageFactory(parent=blog_index)

    assert post.live
    assert any(r.getMessage() == "frontend_revalidation_failed" for r in caplog.records)


def test_a_slow_frontend_is_given_up_on_after_the_timeout(settings, monkeypatch):
    monkeypatch.setattr(revalidation, "TIMEOUT_SECONDS", 0.2)
    with _Frontend(delay=1.0) as server:
        settings.FRONTEND_REVALIDATE_URL = server.url
        settings.REVALIDATE_SECRET = SECRET
        started = time.monotonic()

        sent = revalidation.send_revalidation({"tags": ["page:1"], "paths": ["/"]})

        assert sent is False
        assert time.monotonic() - started < 0.9


def _sent_after(frontend, change, django_capture_on_commit_callbacks):
    frontend.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        change()
    return [request["body"] for request in frontend.requests]


@pytest.mark.django_db
def test_renaming_an_author_refreshes_every_read_and_regenerates_their_posts(
    frontend, blog_index, django_capture_on_commit_callbacks
):
    author = AuthorFactory()
    BlogPageFactory(parent=blog_index, slug="theirs", authors=[author])
    BlogPageFactory(parent=blog_index, slug="someone-elses")
    author.name = "A new name"

    sent = _sent_after(frontend, author.save, django_capture_on_commit_callbacks)

    assert sent == [{"tags": ["content"], "paths": ["/blog/theirs/"]}]


@pytest.mark.django_db
def test_categories_tags_and_images_regenerate_the_posts_that_show_them(
    frontend, blog_index, django_capture_on_commit_callbacks
):
    category, image = CategoryFactory(), ImageFactory()
    BlogPageFactory(parent=blog_index, slug="filed", categories=[category], tags=["sql"])
    BlogPageFactory(parent=blog_index, slug="illustrated", hero_image=image)
    BlogPageFactory(
        parent=blog_index,
        slug="embeds-it",
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}],
    )
    tag = Tag.objects.get(name="sql")

    def paths_after(change):
        sent = _sent_after(frontend, change, django_capture_on_commit_callbacks)
        assert all(body["tags"] == ["content"] for body in sent)
        return sorted(path for body in sent for path in body["paths"])

    assert paths_after(category.save) == ["/blog/filed/"]
    assert paths_after(tag.save) == ["/blog/filed/"]
    assert paths_after(image.save) == ["/blog/embeds-it/", "/blog/illustrated/"]
    assert paths_after(category.delete) == ["/blog/filed/"]
