"""The admin names no third party: no Gravatar avatars (no hash of a staff email in the markup)
the avatar is Wagtail's local default."""

import pytest

from staff.roles import EDITORS
from tests.auth import make_staff, sign_in


@pytest.mark.django_db
def test_admin_pages_point_at_no_gravatar(client):
    user = make_staff(EDITORS)
    user.email = "editor@example.org"
    user.save()
    sign_in(client, user)
    for url in ("/admin/", "/admin/account/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "gravatar" not in html
