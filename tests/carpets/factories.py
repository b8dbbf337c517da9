"""Carpet-statistics rows for tests, beside the source's own figures (the `content` fixture):
a second publishing body, and one more reported figure."""

import itertools
from decimal import Decimal

from carpets.models import Indicator, Observation, Source

_numbers = itertools.count(1)


def make_source(**fields) -> Source:
    """A publishing body other than the source document's; `fields` override the defaults."""
    number = next(_numbers)
    defaults = {
        "slug": f"other-{number}",
        "name_fa": f"منبع دیگر {number}",
        "publisher_fa": "ناشر دیگر",
    }
    return Source.objects.create(**(defaults | fields))


def make_observation(indicator: str | Indicator, year: int, value, **fields) -> Observation:
    """One reported figure of `indicator` (a slug or the row) for a Jalali `year`: province
    scope, from the only source unless `source=` says otherwise."""
    if isinstance(indicator, str):
        indicator = Indicator.objects.get(slug=indicator)
    defaults = {"scope": Observation.Scope.PROVINCE}
    if "source" not in fields:
        defaults["source"] = Source.objects.get()
    return Observation.objects.create(
        indicator=indicator, year=year, value=Decimal(value), **(defaults | fields)
    )
