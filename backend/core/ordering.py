from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError


def ordered(queryset, request, allowed: tuple[str, ...]):
    """Apply ``?order=field`` or ``?order=-field`` (the content API's syntax) when the
    field is one of ``allowed``; anything else is a 400."""
    order = request.query_params.get("order")
    if order is None:
        return queryset
    if order.lstrip("-") not in allowed:
        raise ValidationError({"order": [f"Order by one of: {', '.join(allowed)}."]})
    return queryset.order_by(order, "pk")


def order_parameter(allowed: tuple[str, ...]) -> OpenApiParameter:
    return OpenApiParameter(
        "order",
        str,
        enum=[*allowed, *(f"-{field}" for field in allowed)],
        description="Sort field; prefix with - for descending.",
    )
