"""History, revert and recover in the admin, limited to what the user may change.

django-reversion's `VersionAdmin` (6.4) looks a version up by its id and the object id in the
URL only, and reverts the whole revision *before* Django's change view checks any permission:
so `/admin/news/post/7/history/<a legal basis's version>/`, saved by an editor owning post 7,
reverted legal basis 7 (ASVS V4.2.1). It also checked the change permission on the
object *after* reverting it, so an editor could revert a published post to a draft version.

`GuardedVersionAdmin` checks before anything is reverted:

- the version belongs to this admin's model (else 404, as for any unknown version);
- history and revert: the object exists and the user has the change permission on it as it is
  now (`has_change_permission(request, obj)`, so the news admin's "only drafts" rule applies);
- recover: the object is really deleted and the user may add it;
- every other record the revision would restore (inlines, followed relations) is of a model
  the user may change.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from reversion.admin import VersionAdmin
from reversion.models import Version

# Revision comments stored in English by commands (the Makefile's `createinitialrevisions`);
# the history page (templates/reversion/object_history.html) translates a stored comment.
STORED_COMMENTS = (gettext_noop("Initial version"),)


class GuardedVersionAdmin(VersionAdmin):
    def _own_version(self, version_id, **filters) -> Version:
        """The version if it is one of this admin's model, else 404."""
        return get_object_or_404(
            Version.objects.get_for_model(self.model).select_related("revision"),
            pk=version_id,
            **filters,
        )

    def _check_revision_models(self, request, version: Version) -> None:
        """Refuse a revision that would also restore records of a model the user cannot change."""
        for other in version.revision.version_set.select_related("content_type"):
            model = other.content_type.model_class()
            if model is None:
                raise PermissionDenied
            opts = model._meta
            if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
                raise PermissionDenied

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not self.has_change_permission(request, obj):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        version = self._own_version(version_id, object_id=object_id)
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        self._check_revision_models(request, version)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = self._own_version(version_id)
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        if self.model._default_manager.filter(pk=version.object_id).exists():
            raise Http404  # not deleted: changing it is the history page's job
        self._check_revision_models(request, version)
        return super().recover_view(request, version_id, extra_context)
