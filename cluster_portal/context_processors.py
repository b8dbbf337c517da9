from django.conf import settings

from clusters.models import Office
from core.content_cache import cached_for_generation


def site(request):
    """The office's name and content date for the header and footer of every public page."""
    if request.path_info.startswith(f"/{settings.PORTAL_ADMIN_PATH}"):
        return {}
    return {"office": cached_for_generation("office", Office.objects.first)}
