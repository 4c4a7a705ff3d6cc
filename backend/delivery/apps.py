from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"
    verbose_name = "Content delivery"

    def ready(self):
        from delivery import cache, sites
        from delivery.revalidation import connect_signals

        connect_signals()
        sites.connect_signals()
        cache.connect_signals()
