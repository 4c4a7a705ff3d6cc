"""Database ids in URLs and query strings: positive, and small enough for every database.

SQLite raises OverflowError for an integer at or above 2**63 and PostgreSQL refuses
it for a bigint column, so an id outside that range is no id: it matches no route
(a 404) and no filter (a 400), instead of reaching the database as a 500.
"""

MAX_DATABASE_ID = 2**63 - 1


def is_database_id(value: str, *, maximum: int = MAX_DATABASE_ID) -> bool:
    return value.isascii() and value.isdigit() and 0 < int(value) <= maximum


class DatabaseIdConverter:
    """``<id:name>`` in a route: like ``<int:name>``, within a database's range."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        if not is_database_id(value):
            raise ValueError(value)
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
