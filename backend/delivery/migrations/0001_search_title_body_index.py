"""A GIN index on the expression PostgreSQL full-text search filters on.

Wagtail's PostgreSQL search backend matches ``title || body`` of each index entry
against the query. Wagtail indexes ``title`` and ``body`` apart, so without this
index every search reads and concatenates every entry (bench/scale.py: 0.3 s at
50,000 posts). Other databases have their own search tables: nothing to do there.
"""

from django.db import migrations

INDEX = "delivery_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    # Concurrently, so that a deploy does not block publishing while it builds.
    schema_editor.execute(
        f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{INDEX}" ON "{table}" '
        "USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
