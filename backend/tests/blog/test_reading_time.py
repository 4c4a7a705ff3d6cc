import pytest

from tests.factories import BlogPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (150, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_time_is_words_over_two_hundred_rounded_up(blog_index, words, minutes):
    text = " ".join(["word"] * words)
    post = BlogPageFactory(
        parent=blog_index, body=[{"type": "paragraph", "value": f"<p>{text}</p>"}]
    )

    assert post.reading_time_minutes == minutes


@pytest.mark.django_db
def test_reading_time_counts_code_and_headings(blog_index):
    code = " ".join(["token"] * 300)
    post = BlogPageFactory(
        parent=blog_index,
        body=[
            {"type": "heading", "value": {"text": "word " * 50, "level": "h2"}},
            {"type": "code", "value": {"language": "python", "filename": "", "code": code}},
        ],
    )

    assert post.reading_time_minutes == 2


@pytest.mark.django_db
def test_reading_time_is_recomputed_when_a_revision_is_published(blog_index):
    post = BlogPageFactory(parent=blog_index)
    post.body = [{"type": "paragraph", "value": "<p>" + "word " * 900 + "</p>"}]
    post.save_revision().publish()

    post.refresh_from_db()
    assert post.reading_time_minutes == 5
