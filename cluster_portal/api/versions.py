"""The API's versions and its change policy (docs/api-changelog.md).

v1 lives at `/api/v1/`. The unversioned paths of before (`/api/clusters/` …) are retired:
they answer 308 to the same path under `/api/v1/` with `Deprecation` (RFC 9745, since when),
`Sunset` (RFC 8594, when they stop answering) and `Link` to the changelog and the successor.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse
from django.utils.http import http_date

CHANGELOG_PATH = settings.BASE_DIR / "docs" / "api-changelog.md"
UNVERSIONED_DEPRECATED = datetime(2026, 12, 1, tzinfo=UTC)
UNVERSIONED_SUNSET = datetime(2027, 6, 30, tzinfo=UTC)


def deprecation_headers(request) -> dict:
    changelog = request.build_absolute_uri(reverse("api:changelog"))
    successor = request.build_absolute_uri(reverse("api:index"))
    return {
        "Deprecation": f"@{int(UNVERSIONED_DEPRECATED.timestamp())}",
        "Sunset": http_date(UNVERSIONED_SUNSET.timestamp()),
        "Link": f'<{changelog}>; rel="deprecation"; type="text/markdown", '
        f'<{successor}>; rel="successor-version"',
    }
