"""The JSON API of the contract (`/api/v1/`), one NinjaAPI that mounts each app's router."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Safer Places Bristol API",
    version="1.0.0",
    description="Anonymous contributions from young people, and anonymised community maps.",
    urls_namespace="api-v1",
    docs_url="/docs",
)

# Imported here, not at the top: each app's router module imports its models.
from mapping.api import router as mapping_router  # noqa: E402
from participation.api import router as participation_router  # noqa: E402

api.add_router("", participation_router)
api.add_router("", mapping_router)
