"""Who may do what: every staff role (a Django group) and every permission it holds, in one place.

`sync_roles()` (staff/sync.py) makes the database say exactly this, from the staff migration and
after every migrate. Permissions are "app_label.codename". A role's page permissions apply to the
whole page tree (the root page) and its collection permissions to every collection (the root
collection), as Wagtail's own first migrations grant them.

Wagtail's first migrations create "Editors" and "Moderators" groups that may edit and publish
pages. Our Moderators moderate young people's contributions, not pages: they hold no page, image or
document permission. Editors keep Wagtail's defaults (add and change pages, but not publish: a
second person approves, see the two-person workflow in efh/pages/approval.py). Every role may
open the admin."""

from dataclasses import dataclass, field

EDITORS = "Editors"
DIRECTORY_MANAGERS = "Directory managers"
MODERATORS = "Moderators"
SAFEGUARDING_LEADS = "Safeguarding leads"
PARTNERSHIP_ANALYSTS = "Partnership analysts"
WORKSHOP_FACILITATORS = "Workshop facilitators"

ALL_GROUPS = [
    EDITORS,
    DIRECTORY_MANAGERS,
    MODERATORS,
    SAFEGUARDING_LEADS,
    PARTNERSHIP_ANALYSTS,
    WORKSHOP_FACILITATORS,
]

# The groups of the pages workflow's approval task (efh/pages/approval.py): they approve (which
# publishes) or request changes on a page someone else submitted. Wagtail grants these actions by
# task group, not by a permission, so the matrix names them here.
PAGE_REVIEWERS = frozenset({EDITORS})

ACCESS_ADMIN = "wagtailadmin.access_admin"
CRUD = ("add", "change", "delete", "view")


def model_permissions(app_label: str, model: str, actions=CRUD) -> set[str]:
    return {f"{app_label}.{action}_{model}" for action in actions}


@dataclass(frozen=True)
class Role:
    permissions: frozenset[str]
    # Page permissions ("wagtailcore.add_page", ...), on the root page.
    page_permissions: frozenset[str] = field(default_factory=frozenset)
    # Image and document permissions ("wagtailimages.add_image", ...), on the root collection.
    collection_permissions: frozenset[str] = field(default_factory=frozenset)


# Reasons and "you said, we did" are everyday content for Editors and Moderators alike, and both
# set up mapping exercises and workshops. Running one (its live screen shows pins before
# moderation) is RUN_WORKSHOP: Moderators and Workshop facilitators only.
_CONTENT = {
    *model_permissions("participation", "reason"),
    *model_permissions("participation", "outcome"),
    *model_permissions("workshops", "exercise"),
    *model_permissions("workshops", "workshop", ("add", "change", "view")),
}
_IMAGES = model_permissions("wagtailimages", "image", ("add", "change", "choose"))
_DOCUMENTS = model_permissions("wagtaildocs", "document", ("add", "change", "choose"))
RUN_WORKSHOP = "workshops.run_workshop"
# The asset map's partnership figures (published and aggregated only) and their audited CSV.
_ASSET_MAP_FIGURES = {
    "coproduction.view_asset_map_reports",
    "coproduction.export_asset_map_reports",
}
_MODERATION = {"moderation.view_moderationitem", "moderation.moderate_moderationitem"}

MATRIX: dict[str, Role] = {
    EDITORS: Role(
        permissions=frozenset(
            {
                ACCESS_ADMIN,
                *_CONTENT,
                # The EFH section's topics and action plan themes.
                *model_permissions("efh", "topic"),
                *model_permissions("efh", "actionplantheme"),
                *_IMAGES,
                "wagtailimages.delete_image",
                *_DOCUMENTS,
                "wagtaildocs.delete_document",
            }
        ),
        page_permissions=frozenset({"wagtailcore.add_page", "wagtailcore.change_page"}),
        collection_permissions=frozenset({*_IMAGES, *_DOCUMENTS}),
    ),
    DIRECTORY_MANAGERS: Role(
        # Keep the directory current: every directory model, and publishing services.
        permissions=frozenset(
            {
                ACCESS_ADMIN,
                *(
                    permission
                    for model in (
                        "service",
                        "organization",
                        "location",
                        "taxonomy",
                        "taxonomyterm",
                        "listingfeedback",
                    )
                    for permission in model_permissions("services_directory", model)
                ),
                *model_permissions("places", "namedplace"),
                "services_directory.publish_service",
                # Young people's views: the list of what can stand out, and what is published.
                *model_permissions("coproduction", "standout"),
                "coproduction.view_serviceviewpublication",
                # Quality assurance: the views' trend, approved comments, providers' responses.
                *model_permissions("coproduction", "providerresponse", ("add", "view")),
            }
        )
    ),
    MODERATORS: Role(
        # Moderate unflagged contributions, and answer ideas (reading their original words).
        permissions=frozenset(
            {
                ACCESS_ADMIN,
                *_MODERATION,
                "participation.view_proposal",
                "participation.change_proposal",
                *_CONTENT,
                RUN_WORKSHOP,
            }
        )
    ),
    SAFEGUARDING_LEADS: Role(
        # Also see flagged contributions, record safeguarding decisions, read the audit and keep
        # the scan's phrase list.
        permissions=frozenset(
            {
                ACCESS_ADMIN,
                *_MODERATION,
                "moderation.safeguard_moderationitem",
                "moderation.view_auditentry",
                *model_permissions("moderation", "scanphrase"),
                *_ASSET_MAP_FIGURES,
            }
        )
    ),
    PARTNERSHIP_ANALYSTS: Role(
        # The community map's published aggregates and their export; nothing finer (no pins, no
        # moderation queue).
        permissions=frozenset(
            {
                ACCESS_ADMIN,
                "mapping.view_partnership_reports",
                "mapping.export_map_data",
                "mapping.view_mapexport",
                *_ASSET_MAP_FIGURES,
            }
        )
    ),
    WORKSHOP_FACILITATORS: Role(
        # Set up and run live workshops: the live screen shows the pins of their own workshop
        # before moderation (cell level, no words until approved); no moderation queue.
        permissions=frozenset(
            {
                ACCESS_ADMIN,
                "workshops.view_exercise",
                *model_permissions("workshops", "workshop", ("add", "change", "view")),
                RUN_WORKSHOP,
            }
        )
    ),
}


# Contextual safeguarding coordinators (issue 17): the reports about places and the location
# assessments, theirs alone. No other role holds a concerns permission: reports are never seen by
# moderators, safeguarding leads or analysts (tests/concerns/test_permission_matrix.py).
CONTEXT_COORDINATORS = "Contextual safeguarding coordinators"
ALL_GROUPS.append(CONTEXT_COORDINATORS)
MATRIX[CONTEXT_COORDINATORS] = Role(
    permissions=frozenset(
        {
            ACCESS_ADMIN,
            *model_permissions("concerns", "concernreport", ("change", "view")),
            *model_permissions("concerns", "locationassessment"),
            *model_permissions("concerns", "safetyaction"),
            "concerns.export_problem_profile",
            "concerns.view_concernaudit",
        }
    )
)
