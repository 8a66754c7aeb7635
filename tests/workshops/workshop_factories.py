"""factory_boy factories for mapping exercises and workshops.

AreaExerciseFactory()                   open, running, a square around Easton
AreaExerciseFactory(audience="workshop")
WorkshopFactory()                       open, for a workshop-only exercise
"""

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from workshops.models import Audience, Exercise, Workshop, WorkshopStatus
from workshops.models.workshops import new_code

# A square of about 1.1 km by 1.4 km around Easton (51.462, -2.562).
EASTON_SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[-2.572, 51.457], [-2.552, 51.457], [-2.552, 51.467], [-2.572, 51.467], [-2.572, 51.457]]
    ],
}
INSIDE_EASTON = (51.462, -2.562)
# Bedminster: well outside the square.
OUTSIDE_EASTON = (51.4405, -2.6000)


class AreaExerciseFactory(DjangoModelFactory):
    class Meta:
        model = Exercise
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"area-exercise-{n}")
    title = factory.Sequence(lambda n: f"Easton after school, exercise {n}")
    prompt = "Where do you feel safe or unsafe around Easton after school?"
    area = EASTON_SQUARE
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timezone.timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=30))
    audience = Audience.OPEN

    @factory.post_generation
    def places(exercise, create, extracted, **kwargs):
        if create and extracted:
            exercise.places.set(extracted)


class WorkshopFactory(DjangoModelFactory):
    class Meta:
        model = Workshop

    code = factory.LazyFunction(new_code)
    exercise = factory.SubFactory(AreaExerciseFactory, audience=Audience.WORKSHOP)
    label = factory.Sequence(lambda n: f"Tuesday group {n}")
    status = WorkshopStatus.OPEN
