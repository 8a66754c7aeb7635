from django.db import models


class DemoLoad(models.Model):
    """Which demo data sets `seed_demo` has loaded, so `make run` loads them only the first time."""

    name = models.CharField(max_length=80, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table kept its name when the model moved from website to demo (demo/migrations/0001).
        db_table = "website_demoload"

    def __str__(self):
        return self.name
