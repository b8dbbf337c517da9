from clusters.models import Office


def site(request):
    """The office's name and content date for the header and footer of every public page."""
    if request.path_info.startswith("/admin/"):
        return {}
    return {"office": Office.objects.first()}
