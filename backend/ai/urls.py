from django.urls import path

from ai.views import GenerateView, QuotaView

urlpatterns = [
    path("ai/generate/", GenerateView.as_view(), name="ai-generate"),
    path("ai/quota/", QuotaView.as_view(), name="ai-quota"),
]
