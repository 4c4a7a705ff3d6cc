"""Repair submissions whose stored output cannot be sent (see core/text.py).

Learner code that printed a lone surrogate or a NUL left rows that answer 500
when listed. Only SQLite could store them: PostgreSQL refuses such text in
varchar and jsonb alike, so there the insert failed and no row needs repair.
"""

from django.db import connection as default_connection
from django.db import migrations

from core.text import storable_json, storable_text


def repair_submission_text(apps, schema_editor):
    connection = schema_editor.connection if schema_editor else default_connection
    if connection.vendor == "postgresql":
        return
    Submission = apps.get_model("learning", "Submission")
    rows = Submission.objects.only("pk", "message", "results").iterator(chunk_size=500)
    for submission in rows:
        message, results = storable_text(submission.message), storable_json(submission.results)
        if message != submission.message or results != submission.results:
            Submission.objects.filter(pk=submission.pk).update(message=message, results=results)


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(repair_submission_text, migrations.RunPython.noop)]
