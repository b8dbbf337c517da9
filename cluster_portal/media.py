"""Uploaded files as the public may see them.

Two rules for every file under MEDIA_URL:

- it is served as what it is and never as a page of the portal: `X-Content-Type-Options:
  nosniff` and a sandboxing Content-Security-Policy (no script, no form, a unique origin), so
  even a file that slipped past the upload checks cannot act as the portal;
- a news post's cover and attachments are public only once the post is: before publication
  only staff who may view posts get them.

`serve_media` serves files itself (development, `make run`). In production nginx serves
/media/ from the bucket and asks `media_access` first (`auth_request`, docs/deploy.md),
which answers 204 or 404 by the same rule.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from django.views.static import serve

from news.models import Attachment, Post

MEDIA_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"


def media_headers(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response


def is_public(path: str, user) -> bool:
    """False for a file of a post the public cannot see yet, unless `user` may view posts."""
    if not path.startswith("news/"):
        return True
    posts = Post.objects.filter(
        Q(cover_image=path) | Q(pk__in=Attachment.objects.filter(file=path).values("post"))
    )
    if not posts.exists() or posts.published().exists():
        return True
    return bool(user.is_active and user.is_staff and user.has_perm("news.view_post"))


@require_safe
def serve_media(request, path):
    if not is_public(path, request.user):
        raise Http404
    return media_headers(serve(request, path, document_root=settings.MEDIA_ROOT))


@require_safe
def media_access(request, path):
    """For nginx's auth_request: 204 when the file may be served to this client, else 404.

    nginx passes the original URI, `/media-access/media/<path>`; the media prefix is dropped.
    """
    path = path.removeprefix(settings.MEDIA_URL.lstrip("/"))
    if not is_public(path, request.user):
        raise Http404
    return HttpResponse(status=204)
