"""Template tags of the EFH section: breadcrumbs, the home page's links into the section, and the
file details shown beside a downloadable document."""

from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.inclusion_tag("efh/includes/breadcrumbs.html")
def efh_breadcrumbs(page):
    """The page's ancestors below the tree's root, home first. A new page being previewed has no
    place in the tree yet, so it gets none."""
    if not getattr(page, "pk", None) or not page.path:
        return {"ancestors": []}
    return {"ancestors": [p for p in page.get_ancestors().live() if p.depth > 1]}


@register.inclusion_tag("efh/includes/efh_highlights.html")
def efh_highlights():
    """Links from the home page into the EFH section: the section, its pathways, its action plan."""
    from efh.pages import ActionPlanPage, EFHIndexPage, ReferralPathwayPage

    index = EFHIndexPage.objects.live().public().first()
    if index is None:
        return {"index": None}
    return {
        "index": index,
        "pathways": ReferralPathwayPage.objects.child_of(index).live().public(),
        "action_plans": ActionPlanPage.objects.child_of(index).live().public(),
    }


@register.filter
def document_details(document) -> str:
    """'PDF, 120 KB', so people know what they are downloading before they do."""
    parts = [document.file_extension.upper()] if document.file_extension else []
    size = document.get_file_size()
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(parts)
