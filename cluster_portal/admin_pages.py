"""The admin's pages, listed from its registry: what the Persian-words test, the browser tests
and `make screens` walk, so a model registered later is covered without a new entry anywhere.
"""

import contextlib
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

EXTRA_PAGES = ("import", "export", "recoverlist")


@dataclass(frozen=True)
class AdminPage:
    """One admin page: `kind` is index, changelist, add, change, history or an EXTRA_PAGES kind."""

    url: str
    kind: str
    model_label: str = ""

    @property
    def slug(self) -> str:
        """A file-name-safe name, e.g. `news.post-change`."""
        return f"{self.model_label or 'admin'}-{self.kind}"


def admin_page_list(site, *, with_history: bool = True) -> list[AdminPage]:
    """Index, then for each registered model: change list, add form (when adding is allowed),
    and the change form and history of its first row (when it has one). Costs one query per
    model (its first row)."""
    pages = [AdminPage(reverse(f"{site.name}:index"), "index")]
    for model, model_admin in sorted(site._registry.items(), key=lambda item: item[0]._meta.label):
        opts = model._meta
        label = opts.label_lower
        name = f"{site.name}:{opts.app_label}_{opts.model_name}"
        pages.append(AdminPage(reverse(f"{name}_changelist"), "changelist", label))
        if model_admin.has_add_permission(_AnySuperuser()):
            with contextlib.suppress(NoReverseMatch):
                pages.append(AdminPage(reverse(f"{name}_add"), "add", label))
        # Pages some admins add: import and export (django-import-export), deleted rows to
        # recover (django-reversion).
        for kind in EXTRA_PAGES:
            with contextlib.suppress(NoReverseMatch):
                pages.append(AdminPage(reverse(f"{name}_{kind}"), kind, label))
        first = model._default_manager.order_by("pk").first()
        if first is None:
            continue
        pages.append(AdminPage(reverse(f"{name}_change", args=[first.pk]), "change", label))
        if with_history:
            pages.append(AdminPage(reverse(f"{name}_history", args=[first.pk]), "history", label))
    return pages


def admin_pages(site) -> list[str]:
    return [page.url for page in admin_page_list(site)]


class _AnySuperuser:
    """Stands in for a request by a superuser: permission checks that ask only the user pass."""

    class user:
        is_active = is_staff = is_superuser = True

        @staticmethod
        def has_perm(*args, **kwargs):
            return True
