from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"
    verbose_name = "Content delivery"

    def ready(self):
        from delivery import cache, sites

        sites.connect_signals()
        cache.connect_signals()
