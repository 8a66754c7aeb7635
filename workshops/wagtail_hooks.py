"""The admin menu of mapping exercises and workshops."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .exercise_admin import ExerciseViewSet
from .workshop_admin import WorkshopViewSet


class MappingWorkshops(ModelViewSetGroup):
    menu_label = "Mapping workshops"
    menu_icon = "site"
    menu_name = "mapping-workshops"
    items = (WorkshopViewSet, ExerciseViewSet)


@hooks.register("register_admin_viewset")
def register_workshop_viewsets():
    return MappingWorkshops()
