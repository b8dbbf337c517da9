"""Query-string filters of the observation data, shared by the downloads and the JSON API."""

from django.utils.translation import gettext_lazy as _

from core.persian import to_ascii_digits

from .models import Observation

YEAR_MIN, YEAR_MAX = 1300, 1500


class FilterError(ValueError):
    """A query parameter that cannot be understood; the message is a lazy translation."""

    def __init__(self, parameter: str, message):
        super().__init__(str(message))
        self.parameter = parameter
        self.message = message


def parse_year(params, name: str) -> int | None:
    raw = params.get(name)
    if raw in (None, ""):
        return None
    text = to_ascii_digits(raw).strip()
    if not text.isdecimal() or not YEAR_MIN <= int(text) <= YEAR_MAX:
        raise FilterError(name, _("The year must be a Jalali year from 1300 to 1500."))
    return int(text)


def observation_filters(params) -> dict:
    """{cluster, indicator, scope, year_from, year_to} from a query string, checked."""
    scope = params.get("scope") or None
    if scope and scope not in Observation.Scope.values:
        raise FilterError("scope", _("The scope must be “province” or “national”."))
    year = parse_year(params, "year")
    year_from = parse_year(params, "year_from")
    year_to = parse_year(params, "year_to")
    if year is not None and (year_from is not None or year_to is not None):
        # Silently preferring one would answer a question the client did not ask.
        raise FilterError("year", _("Give either year or year_from/year_to, not both."))
    if year is not None:
        year_from = year_to = year
    if year_from is not None and year_to is not None and year_from > year_to:
        raise FilterError("year_from", _("year_from cannot be after year_to."))
    return {
        "cluster": params.get("cluster") or None,
        "indicator": params.get("indicator") or None,
        "scope": scope,
        "year_from": year_from,
        "year_to": year_to,
    }
