"""What the content API reads with a page, in a fixed number of queries.

Tag names, category lists and a page's parent come as JSON in the page's own row
(correlated subqueries) rather than as prefetches: Django's prefetch machinery cost
about 3 ms a relation on every request, and a separate parent lookup another
query (bench/content.py). Drafts in previews do not come from these querysets, so
their serializers fall back to the relations (see annotated_json).
"""

import json

from django.db import connections
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from wagtail.models import Page

NOT_ANNOTATED = object()
_PAGE_TABLE = Page._meta.db_table


def authored_page_relations(queryset, *, image_field: str, tag_model):
    """What an authored page (post, course) serialises: its image, its tag names and
    its authors. The images' renditions, the authors' photos among them, come in one
    batch with the stream's (delivery.prefetch)."""
    return with_related_list(
        with_tag_names(queryset.select_related(image_field, "locale"), tag_model),
        "authors",
        annotation="api_authors",
        columns=("id", "name", "slug", "bio", "photo_id"),
    )


def with_tag_names(queryset, tag_model):
    """Annotate each page with its tag names (``api_tag_names``)."""
    tag_field = tag_model._meta.get_field("tag")
    owner_field = tag_model._meta.get_field("content_object")
    tag_table = tag_field.related_model._meta.db_table
    return _annotate_json_array(
        queryset,
        "api_tag_names",
        value="tag.name",
        source=(
            f'"{tag_model._meta.db_table}" item'
            f' INNER JOIN "{tag_table}" tag ON tag.id = item.{tag_field.column}'
        ),
        owner_column=f"item.{owner_field.column}",
    )


def with_related_list(queryset, relation: str, *, annotation: str, columns: tuple[str, ...]):
    """Annotate each page with ``columns`` of each object of a many-to-many
    ``relation`` (a post's categories or authors), as a list of objects."""
    field = queryset.model._meta.get_field(relation)
    through_table = field.remote_field.through._meta.db_table
    target_table = field.related_model._meta.db_table
    pairs = ", ".join(f"'{column}', target.{column}" for column in columns)
    return _annotate_json_array(
        queryset,
        annotation,
        value=_json_object(queryset, pairs),
        source=(
            f'"{through_table}" link INNER JOIN "{target_table}" target'
            f" ON target.id = link.{field.m2m_reverse_name()}"
        ),
        owner_column=f"link.{field.m2m_column_name()}",
    )


def annotated_image_ids(instance) -> set[int]:
    """Images an annotation of ``instance`` refers to (its authors' photos)."""
    authors = annotated_json(instance, "api_authors")
    if authors is NOT_ANNOTATED or not authors:
        return set()
    return {author["photo_id"] for author in authors if author["photo_id"] is not None}


def with_public_parent(queryset, site_root_path: str):
    """Annotate pages that readers may see with their parent's summary (``api_parent``,
    see page_from_summary), or null for the site's root page or a parent that is not
    live. No view restriction needs checking: one on the parent hides the page too."""
    fields = ("id", "title", "content_type_id", "url_path", "path", "depth")
    summary = _json_object(queryset, ", ".join(f"'{name}', parent.{name}" for name in fields))
    page_path = f'"{_PAGE_TABLE}".path'
    # Names come from model metadata, values are parameters.
    sql = (
        f'SELECT {_as_text(queryset, summary)} FROM "{_PAGE_TABLE}" parent'  # noqa: S608
        f" WHERE parent.path = SUBSTR({page_path}, 1, LENGTH({page_path}) - %s)"
        f" AND parent.live AND LENGTH({page_path}) > %s"
    )
    params = (Page.steplen, len(site_root_path))
    return queryset.annotate(api_parent=RawSQL(sql, params, output_field=TextField()))  # noqa: S611


def page_from_summary(summary: dict) -> Page:
    """A Page holding only what a page summary serialises (id, type, URLs, title)."""
    return Page(**summary)


def annotated_json(instance, annotation: str):
    """The value a ``with_…`` function annotated ``instance`` with: None for SQL null,
    NOT_ANNOTATED when the instance came from another queryset (a draft)."""
    value = getattr(instance, annotation, NOT_ANNOTATED)
    if value is NOT_ANNOTATED or value is None:
        return value
    return json.loads(value)


def with_related_rows(queryset, annotation: str, *, table: str, owner_column: str, columns, where):
    """Annotate each row with ``columns`` of the rows of ``table`` whose ``owner_column``
    refers to it and that match ``where`` (SQL and parameters), as a list of objects."""
    condition, params = where
    pairs = ", ".join(f"'{column}', related.{column}" for column in columns)
    return _annotate_json_array(
        queryset,
        annotation,
        value=_json_object(queryset, pairs),
        source=f'"{table}" related',
        owner_column=f"related.{owner_column}",
        where=(f"related.{condition}", params),
    )


def _annotate_json_array(
    queryset, annotation: str, *, value: str, source: str, owner_column: str, where=("", ())
):
    meta = queryset.model._meta
    if connections[queryset.db].vendor == "postgresql":
        array = f"json_agg({value})"
    else:
        array = f"json_group_array({value})"
    owner = f'"{meta.db_table}".{meta.pk.column}'
    condition, params = where
    condition = f" AND {condition}" if condition else ""
    # Every name in the SQL comes from model metadata, none from a request.
    sql = (
        f"SELECT {_as_text(queryset, array)} FROM {source}"  # noqa: S608
        f" WHERE {owner_column} = {owner}{condition}"
    )
    return queryset.annotate(**{annotation: RawSQL(sql, params, output_field=TextField())})  # noqa: S611


def _json_object(queryset, pairs: str) -> str:
    """A JSON object built in SQL from "'key', expression, …" pairs."""
    if connections[queryset.db].vendor == "postgresql":
        return f"json_build_object({pairs})"
    return f"json_object({pairs})"


def _as_text(queryset, json_expression: str) -> str:
    # SQLite's JSON functions return text already; PostgreSQL's json is decoded by
    # psycopg, and the annotation must reach Python as text in both.
    if connections[queryset.db].vendor == "postgresql":
        return f"({json_expression})::text"
    return json_expression
