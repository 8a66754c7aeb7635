"""Every admin URL of ours, for every role in the roles matrix (staff/roles.py) and for someone
not signed in: a role holding the permission gets the view's normal answer, a role without it
gets Wagtail's refusal (the dashboard, with "Sorry, you do not have permission to access this
area."), and the anonymous visitor is sent to sign in.

Which permission opens each URL is written here, apart from the views, so a view that asks for
the wrong one (or for none) fails. The walk checks that it covers every admin URL whose view is
our code, and the add/list/edit/delete views of our model and snippet viewsets."""

from dataclasses import dataclass, field

import pytest

from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from concerns.permissions import ADD_ASSESSMENT, CHANGE_ASSESSMENT, COORDINATE, EXPORT
from coproduction import quality
from coproduction.admin_views import ADD_RESPONSE, EXPORT_REPORTS, VIEW_QUALITY, VIEW_REPORTS
from coproduction.models import ServiceViewPublication, StandOut
from moderation.models import SafeguardingAlert
from moderation.permissions import MODERATE, SAFEGUARD, VIEW_AUDIT
from places.models import NamedPlace
from services_directory.models import ListingFeedback, Taxonomy, TaxonomyTerm
from staff.roles import ALL_GROUPS, CRUD, DIRECTORY_MANAGERS, EDITORS, MATRIX
from tests.auth import make_staff, refused, sign_in
from tests.concerns.factories import ConcernReportFactory, LocationAssessmentFactory
from tests.moderation.factories import ScannedPinFactory, ScanPhraseFactory
from tests.services_directory.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.workshops.workshop_factories import AreaExerciseFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

# The admin namespaces of ours this walk answers for.
NAMESPACES = (
    "moderation_queue",
    "moderation_safeguarding",
    "moderation_audit",
    "moderation_wellbeing",
    "moderation_phrases",
    "mapping_partnership",
    "workshops",
    "mapping_exercises",
    *(
        f"wagtailsnippets_services_directory_{model}"
        for model in (
            "service",
            "listingfeedback",
            "organization",
            "location",
            "taxonomyterm",
            "taxonomy",
        )
    ),
    "wagtailsnippets_places_namedplace",
    "concerns_reports",
    "concerns_assessments",
    "concerns_profile",
    "concerns_audit",
    "coproduction_admin",
    "wagtailsnippets_coproduction_standout",
    "wagtailsnippets_coproduction_serviceviewpublication",
)
OUR_APPS = (
    "moderation",
    "mapping",
    "workshops",
    "services_directory",
    "places",
    "concerns",
    "coproduction",
)
# The views of a model or snippet viewset walked here; the rest (history, usage, choosers...)
# are Wagtail's own views under the same model permissions.
MODEL_VIEWS = {"index", "index_results", "list", "list_results", "add", "edit", "delete", "inspect"}


@dataclass
class Visit:
    name: str
    args: tuple = ()
    needs: tuple[str, ...] = ()  # any one of these opens it; none: nobody
    method: str = "get"
    data: dict = field(default_factory=dict)
    query: str = ""
    answer: int = 200  # what a role holding the permission gets

    def url(self) -> str:
        return reverse(self.name, args=self.args) + self.query


def model_visits(
    namespace, app_label, model, pk, *, list_name="list", add_url="add", inspect=False
):
    perms = {action: f"{app_label}.{action}_{model}" for action in CRUD}
    inspected = [Visit(f"{namespace}:inspect", (pk,), needs=tuple(perms.values()))]
    return [
        *(inspected if inspect else []),
        Visit(f"{namespace}:{list_name}", needs=tuple(perms.values())),
        Visit(f"{namespace}:{list_name}_results", needs=tuple(perms.values())),
        Visit(f"{namespace}:{add_url}", needs=(perms["add"],)),
        Visit(f"{namespace}:edit", (pk,), needs=(perms["change"],)),
        Visit(f"{namespace}:delete", (pk,), needs=(perms["delete"],)),
    ]


@pytest.fixture
def visits():
    settings.PRIVATE_MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.PRIVATE_MEDIA_ROOT / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")

    def item(**kwargs):
        return ScannedPinFactory(**kwargs).moderation_id

    flagged = item(comment="i want to kill myself")
    alerted = item(comment="my stepdad hits me")
    alert = SafeguardingAlert.objects.get(item_id=alerted)
    escalated = item()
    exercise = AreaExerciseFactory()
    workshop = WorkshopFactory()
    service = ServiceFactory()
    feedback = ListingFeedback.objects.create(service=service, kind="other", comment="moved")
    report = ConcernReportFactory().pk
    assessment = LocationAssessmentFactory().pk
    # A provider's response proposed for "You said, we did" by another Directory manager, so
    # the signed-in one may approve it; and a service's published view.
    response = quality.record_response(
        service,
        make_staff(DIRECTORY_MANAGERS, username="proposer"),
        changed="Opening on Saturdays",
        publish={"area": "south", "you_said": "Open at weekends", "we_did": "Saturdays"},
    ).pk
    publication = ServiceViewPublication.objects.create(service=service, counts={"people": 5}).pk
    c, pub = "coproduction_admin", "wagtailsnippets_coproduction_serviceviewpublication"
    q, s, p = "moderation_queue", "moderation_safeguarding", "mapping_partnership"
    r, a = "concerns_reports", "concerns_assessments"
    either = (MODERATE, SAFEGUARD)
    return [
        # Moderation
        Visit(f"{q}:index", needs=(MODERATE,)),
        Visit(f"{q}:index_results", needs=(MODERATE,)),
        Visit(f"{q}:next", needs=(MODERATE,), answer=302),
        Visit(f"{q}:bulk_approve", needs=(MODERATE,), method="post", answer=302),
        Visit(f"{q}:review", (item(),), needs=either),
        Visit(f"{q}:claim", (item(),), needs=either, method="post", answer=302),
        # A take-over without a reason: refused with the form's error, to leads only.
        Visit(f"{q}:take_over", (item(),), needs=(SAFEGUARD,), method="post", answer=400),
        Visit(f"{q}:redact", (item(),), needs=either, method="post", answer=400),
        Visit(f"{q}:redact_words", (item(),), needs=either, method="post", answer=400),
        Visit(
            f"{q}:approve",
            (item(),),
            needs=either,
            method="post",
            data={"no_sign_of_harm": "1"},
            answer=302,
        ),
        Visit(f"{q}:reject", (item(),), needs=either, method="post", answer=400),
        Visit(f"{q}:escalate", (item(),), needs=either, method="post", answer=400),
        Visit(f"{q}:photo", (item(photo="photo.jpg"),), needs=either),
        Visit(f"{q}:reveal", (item(),), needs=either, method="post", answer=302),
        Visit(f"{q}:judge", (item(),), needs=either, method="post", answer=302),
        Visit(f"{q}:teach", (escalated,), needs=(MODERATE,)),
        Visit(f"{s}:index", needs=(SAFEGUARD,)),
        Visit(f"{s}:index_results", needs=(SAFEGUARD,)),
        Visit(f"{s}:alerts", needs=(SAFEGUARD,)),
        Visit(f"{s}:acknowledge", (alert.pk,), needs=(SAFEGUARD,), method="post", answer=302),
        # A flagged item: for leads only, whatever the URL says.
        Visit(f"{s}:review", (flagged,), needs=(SAFEGUARD,)),
        Visit(f"{q}:review", (flagged,), needs=(SAFEGUARD,)),
        Visit(f"{s}:decide", (flagged,), needs=(SAFEGUARD,), method="post", answer=400),
        Visit("moderation_audit:index", needs=(VIEW_AUDIT,)),
        Visit("moderation_audit:index_results", needs=(VIEW_AUDIT,)),
        Visit("moderation_wellbeing:index", needs=(SAFEGUARD,)),
        *model_visits(
            "moderation_phrases",
            "moderation",
            "scanphrase",
            ScanPhraseFactory().pk,
            list_name="index",
        ),
        # The partnership's community map
        Visit(f"{p}:trends", needs=("mapping.view_partnership_reports",)),
        Visit(f"{p}:compare", needs=("mapping.view_partnership_reports",)),
        Visit(f"{p}:gaps", needs=("mapping.view_partnership_reports",)),
        Visit(f"{p}:export_log", needs=("mapping.view_mapexport",)),
        Visit(f"{p}:export", ("csv",), needs=("mapping.export_map_data",), method="post"),
        Visit(f"{p}:report", needs=("mapping.view_partnership_reports",), query="?month=2025-03"),
        # Mapping exercises and workshops
        *model_visits(
            "mapping_exercises",
            "workshops",
            "exercise",
            exercise.pk,
            list_name="index",
        ),
        Visit("mapping_exercises:new_round", (exercise.pk,), needs=("workshops.add_exercise",)),
        Visit("mapping_exercises:compare", (exercise.pk,), needs=("workshops.view_exercise",)),
        *model_visits("workshops", "workshops", "workshop", workshop.pk, list_name="index"),
        Visit("workshops:live", (workshop.pk,), needs=("workshops.run_workshop",)),
        Visit("workshops:qr", (workshop.pk,), needs=("workshops.view_workshop",)),
        Visit(
            "workshops:status",
            (workshop.pk,),
            needs=("workshops.run_workshop",),
            method="post",
            answer=302,
        ),
        Visit("workshops:paper", (workshop.pk,), needs=("workshops.run_workshop",)),
        # Places of concern: the coordinators' alone. A POST with nothing in it is refused
        # with the form's errors.
        Visit(f"{r}:index", needs=("concerns.change_concernreport",)),
        Visit(f"{r}:index_results", needs=("concerns.change_concernreport",)),
        Visit(f"{r}:report", (report,), needs=(COORDINATE,)),
        Visit(f"{r}:link", (report,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{r}:new_assessment", (report,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{r}:close", (report,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{a}:index", needs=(CHANGE_ASSESSMENT,)),
        Visit(f"{a}:index_results", needs=(CHANGE_ASSESSMENT,)),
        Visit(f"{a}:new", needs=(ADD_ASSESSMENT,)),
        Visit(f"{a}:detail", (assessment,), needs=(CHANGE_ASSESSMENT,)),
        Visit(f"{a}:edit", (assessment,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{a}:new_action", (assessment,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{a}:print", (assessment,), needs=(CHANGE_ASSESSMENT,)),
        Visit(f"{a}:set_rag", (assessment,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{a}:propose", (assessment,), needs=(COORDINATE,), method="post", answer=400),
        Visit(f"{a}:approve", (assessment,), needs=(COORDINATE,), method="post", answer=400),
        Visit("concerns_profile:index", needs=(COORDINATE,)),
        Visit("concerns_profile:csv", needs=(EXPORT,)),
        Visit("concerns_profile:geojson", needs=(EXPORT,)),
        Visit("concerns_audit:index", needs=("concerns.view_concernaudit",)),
        Visit("concerns_audit:index_results", needs=("concerns.view_concernaudit",)),
        # The asset map made with young people: the partnership's figures, and the Directory
        # managers' quality assurance of views (a POST with nothing in it gets the form's errors).
        Visit(f"{c}:figures", needs=(VIEW_REPORTS,)),
        Visit(f"{c}:export_figures", needs=(EXPORT_REPORTS,), method="post"),
        Visit(f"{c}:quality", needs=(VIEW_QUALITY,)),
        Visit(f"{c}:quality_service", (service.pk,), needs=(VIEW_QUALITY,)),
        Visit(
            f"{c}:quality_service", (service.pk,), needs=(ADD_RESPONSE,), method="post", answer=400
        ),
        Visit(
            f"{c}:approve_response", (response,), needs=(ADD_RESPONSE,), method="post", answer=302
        ),
        *model_visits(
            "wagtailsnippets_coproduction_standout",
            "coproduction",
            "standout",
            StandOut.objects.create(slug="walk", label="Walked").pk,
        ),
        # Published views are taken by the rule alone: staff only look.
        Visit(f"{pub}:list", needs=("coproduction.view_serviceviewpublication",)),
        Visit(f"{pub}:list_results", needs=("coproduction.view_serviceviewpublication",)),
        Visit(
            f"{pub}:inspect", (publication,), needs=("coproduction.view_serviceviewpublication",)
        ),
        Visit(f"{pub}:add", needs=()),
        Visit(f"{pub}:edit", (publication,), needs=()),
        Visit(f"{pub}:delete", (publication,), needs=()),
        # The directory
        *model_visits(
            "wagtailsnippets_services_directory_service",
            "services_directory",
            "service",
            service.pk,
            inspect=True,
        ),
        # Reports come from the public form only: nobody adds one here.
        *[
            visit if not visit.name.endswith(":add") else Visit(visit.name, needs=())
            for visit in model_visits(
                "wagtailsnippets_services_directory_listingfeedback",
                "services_directory",
                "listingfeedback",
                feedback.pk,
                inspect=True,
            )
        ],
        *model_visits(
            "wagtailsnippets_services_directory_organization",
            "services_directory",
            "organization",
            OrganizationFactory().pk,
        ),
        *model_visits(
            "wagtailsnippets_services_directory_location",
            "services_directory",
            "location",
            LocationFactory().pk,
        ),
        *model_visits(
            "wagtailsnippets_services_directory_taxonomyterm",
            "services_directory",
            "taxonomyterm",
            TaxonomyTerm.objects.first().pk,
        ),
        *model_visits(
            "wagtailsnippets_services_directory_taxonomy",
            "services_directory",
            "taxonomy",
            Taxonomy.objects.first().pk,
        ),
        *model_visits(
            "wagtailsnippets_places_namedplace",
            "places",
            "namedplace",
            NamedPlace.objects.first().pk,
        ),
    ]


def admin_urls(patterns=None, namespace=""):
    """(namespace:name, the module of its view) for every URL under our namespaces."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from admin_urls(pattern.url_patterns, pattern.namespace or namespace)
        elif namespace in NAMESPACES:
            view = getattr(pattern.callback, "view_class", pattern.callback)
            yield f"{namespace}:{pattern.name}", view.__module__


def test_the_walk_covers_every_admin_url_of_ours(visits):
    walked = {visit.name for visit in visits}
    ours = {
        name
        for name, module in admin_urls()
        if module.split(".")[0] in OUR_APPS or name.split(":")[1] in MODEL_VIEWS
    }
    assert ours - walked == set()
    assert walked - ours == set()


def answer(response) -> str:
    if response.status_code == 302 and response["Location"].startswith(
        reverse("wagtailadmin_login")
    ):
        return "sign in"
    if refused(response):
        return "refused"
    return str(response.status_code)


@pytest.mark.parametrize("role", ["anonymous", *ALL_GROUPS])
def test_every_role_gets_what_the_matrix_grants(role, visits):
    client = Client()
    if role != "anonymous":
        sign_in(client, make_staff(role))
    wrong = []
    for visit in visits:
        if role == "anonymous":
            expected = "sign in"
        elif set(visit.needs) & MATRIX[role].permissions:
            expected = str(visit.answer)
        else:
            expected = "refused"
        got = answer(getattr(client, visit.method)(visit.url(), visit.data))
        if got != expected:
            wrong.append(f"{visit.method.upper()} {visit.name}: {got}, expected {expected}")
    assert wrong == []


def test_a_refused_script_call_gets_a_plain_403(client):
    # Wagtail's rule for its own script calls: no redirect for a fetch to follow.
    sign_in(client, make_staff(EDITORS))
    url = reverse("moderation_safeguarding:alerts")
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert refused(client.get(url))
