import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("blog", "0002_initial")]

    operations = [
        migrations.AddIndex(
            model_name="blogpage",
            index=models.Index(fields=["-date", "-page_ptr"], name="blog_post_listing_order"),
        ),
        migrations.AddIndex(
            model_name="blogpage",
            index=models.Index(
                django.db.models.functions.comparison.Cast(
                    "page_ptr", output_field=models.CharField(max_length=50)
                ),
                name="blog_post_search_entry_id",
            ),
        ),
    ]
