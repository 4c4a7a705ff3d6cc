from django.db import migrations


def create_agent_settings(apps, schema_editor):
    # wagtail-ai creates its settings row on the first admin page view; created here,
    # concurrent first views only ever read it.
    agent_settings = apps.get_model("wagtail_ai", "AgentSettings")
    if not agent_settings.objects.exists():
        agent_settings.objects.create()


class Migration(migrations.Migration):
    dependencies = [
        ("ai", "0001_initial"),
        ("wagtail_ai", "0003_agentsettings"),
    ]

    operations = [migrations.RunPython(create_agent_settings, migrations.RunPython.noop)]
