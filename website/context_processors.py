from django.conf import settings


def site_chrome(request):
    """What the base template needs on every page, public or not."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "primary_nav": [
            ("Young people", "/have-your-say/"),
            ("Parents and carers", "/services/?for=parents"),
            ("Professionals", "/efh/"),
        ],
    }
