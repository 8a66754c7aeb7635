from wagtail import hooks

from . import urls


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return urls.urlpatterns


@hooks.register("construct_help_menu")
def keep_help_on_our_own_host(request, menu_items):
    """Wagtail's Help menu links to its guide on another host; the admin refers to no host but
    ours and the tile host, so only the items that stay here (the keyboard shortcuts) are kept."""
    menu_items[:] = [item for item in menu_items if "://" not in (item.url or "")]
