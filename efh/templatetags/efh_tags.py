"""Template tags of the EFH section: breadcrumbs, the home page's links into the section, and the
file details shown beside a downloadable document."""

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.inclusion_tag("efh/includes/breadcrumbs.html")
def efh_breadcrumbs(page):
    """The page's live ancestors below the tree's root, home first: those the home page's routing
    loaded on the way to the page (website/models.py), or read from the tree. A new page being
    previewed has no place in the tree yet, so it gets none."""
    if not getattr(page, "pk", None) or not page.path:
        return {"ancestors": []}
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors()
    return {"ancestors": [p for p in ancestors if p.live and p.depth > 1]}


@register.inclusion_tag("efh/includes/efh_highlights.html")
def efh_highlights():
    """Links from the home page into the EFH section: the section, its pathways, its action plan.
    Two queries: the section, then its pathways and plans together; the restrictions behind
    "public" are read once for all of them (efh/restrictions.py)."""
    from efh.pages import EFHIndexPage
    from efh.restrictions import public

    index = public(EFHIndexPage.objects.live()).first()
    if index is None:
        return {"index": None}
    return {"index": index, **index.referral_routes()}


@register.filter
def document_details(document) -> str:
    """'PDF, 120 KB', so people know what they are downloading before they do."""
    parts = [document.file_extension.upper()] if document.file_extension else []
    size = document.get_file_size()
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(parts)
