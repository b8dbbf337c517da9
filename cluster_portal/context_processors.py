from django.conf import settings

from clusters.models import Office


def site(request):
    """The office's name and content date for the header and footer of every public page."""
    if request.path_info.startswith(f"/{settings.PORTAL_ADMIN_PATH}"):
        return {}
    return {"office": Office.objects.first()}
