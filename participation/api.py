"""participation's part of the JSON API (/api/v1/), mounted by website/api.py."""

from ninja import Router

router = Router()
