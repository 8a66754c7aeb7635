"""{% open_exercises %}: the mapping exercises anyone can take part in now, for /have-your-say/."""

from django import template

from workshops import extensions
from workshops.models import Exercise

register = template.Library()


@register.inclusion_tag("workshops/includes/open_exercises.html")
def open_exercises():
    exercises = (
        Exercise.objects.open_to_anyone().prefetch_related("places").order_by("ends_on", "title")
    )
    return {"exercises": list(exercises)}


@register.simple_tag
def exercise_links(exercise, workshop=None):
    """What else an app above workshops offers for the exercise (workshops/extensions.py)."""
    return extensions.links(exercise, workshop)
