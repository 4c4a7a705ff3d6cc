import math

WORDS_PER_MINUTE = 200


def estimate_reading_minutes(stream_value) -> int:
    """Whole minutes to read a StreamField's text at an adult's pace, never less than one."""
    if not stream_value:
        return 1
    texts = stream_value.stream_block.get_searchable_content(stream_value)
    words = sum(len(text.split()) for text in texts)
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
