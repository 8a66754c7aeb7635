from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website import api_errors, views
from website.api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("search/", views.search, name="search"),
    path("", include("services_directory.urls")),
    path("", include("participation.urls")),
    path("", include("coproduction.urls")),
    path("", include("workshops.urls")),
    path("", include("mapping.urls")),
    path("", include("moderation.urls")),
    path("", include("concerns.urls")),
    # After every app's API (/api/oruk/ comes with services_directory): the rest of /api/ is a
    # JSON 404, never the site's HTML page.
    re_path(r"^api(?:/|$)", api_errors.not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it catches every path the apps above did not claim.
urlpatterns += [path("", include(wagtail_urls))]
