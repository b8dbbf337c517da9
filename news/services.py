"""Writes with side effects on posts. Each one checks the caller's role, validates the whole post
(which sanitises its body) and records a revision, whichever door the change came through.
"""

import datetime
from collections.abc import Iterable
from typing import Any

import reversion
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import Cluster, LegalBasis

from .models import Post

PUBLISH_PERMISSION = "news.publish_post"
# Publishing decisions: only publishers set them; editors see them but cannot change them.
PUBLISHING_FIELDS = ("status", "publish_at", "is_important")
User = AbstractBaseUser | AnonymousUser


def can_publish(user: User) -> bool:
    return bool(user.is_active and user.has_perm(PUBLISH_PERMISSION))


def can_change(user: User, post: Post) -> bool:
    """The role rule for changing a stored post: publishers change any post, editors (with the
    change permission) only drafts, so a published post is never rewritten by an editor."""
    if not (user.is_active and user.has_perm("news.change_post")):
        return False
    return can_publish(user) or post.status == Post.Status.DRAFT


def _check_create(user: User, post: Post) -> None:
    _require(user, "news.add_post")
    if post.status != Post.Status.DRAFT and not can_publish(user):
        raise PermissionDenied(_("Only publishers can publish a post."))


def _check_update(user: User, stored: Post, changed: Iterable[str]) -> None:
    if not can_change(user, stored):
        raise PermissionDenied(_("Only publishers can change a published post."))
    if not can_publish(user) and set(PUBLISHING_FIELDS) & set(changed):
        raise PermissionDenied(_("Only publishers can publish a post."))


def _require(user: User, permission: str) -> None:
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied(_("You do not have permission to do this."))


def _save(post: Post, *, user: User, comment: str, relations: dict | None = None) -> Post:
    post.full_clean()
    with transaction.atomic(), reversion.create_revision():
        post.save()
        for name, values in (relations or {}).items():
            getattr(post, name).set(values)
        reversion.set_user(user if user.is_authenticated else None)
        reversion.set_comment(comment)
    return post


def post_create(
    *,
    user: User,
    fields: dict[str, Any],
    clusters: Iterable[Cluster] = (),
    legal_bases: Iterable[LegalBasis] = (),
) -> Post:
    """A new draft. Only a publisher may create a post that is already published."""
    post = Post(**{"status": Post.Status.DRAFT, **fields})
    _check_create(user, post)
    if user.is_authenticated:
        post.author = user
    relations = {"clusters": list(clusters), "legal_bases": list(legal_bases)}
    return _save(post, user=user, comment=_("Created."), relations=relations)


def post_update(*, post: Post, user: User, fields: dict[str, Any]) -> Post:
    """Change a post's content. Editors may change drafts only; publishing is not content."""
    _check_update(user, post, fields.keys())
    for name, value in fields.items():
        setattr(post, name, value)
    return _save(post, user=user, comment=_("Changed."))


def post_save_edited(*, post: Post, user: User, changed: Iterable[str]) -> Post:
    """Save a post edited as a whole, as the admin's form does (its values already set on
    `post`, the names of the fields the editor changed in `changed`): a new post under
    `post_create`'s rules, a stored one under `post_update`'s, judged against what is stored,
    not against the edited values. Relations are saved by the caller afterwards.

    Raises PermissionDenied when the role does not allow the change, ValidationError when
    the post is not valid.
    """
    if post.pk is None:
        _check_create(user, post)
        if user.is_authenticated and post.author_id is None:
            post.author = user
        return _save(post, user=user, comment=_("Created."))
    _check_update(user, Post.objects.get(pk=post.pk), changed)
    return _save(post, user=user, comment=_("Changed."))


def post_publish(*, post: Post, user: User, publish_at: datetime.datetime | None = None) -> Post:
    """Publish now, or at `publish_at`: a future time keeps the post hidden until it passes."""
    _require(user, PUBLISH_PERMISSION)
    post.status = Post.Status.PUBLISHED
    post.publish_at = publish_at or timezone.now()
    return _save(post, user=user, comment=_("Published."))


def post_schedule(*, post: Post, user: User, publish_at: datetime.datetime) -> Post:
    if publish_at <= timezone.now():
        raise ValidationError({"publish_at": _("A schedule needs a time in the future.")})
    return post_publish(post=post, user=user, publish_at=publish_at)


def post_unpublish(*, post: Post, user: User) -> Post:
    _require(user, PUBLISH_PERMISSION)
    post.status = Post.Status.UNPUBLISHED
    return _save(post, user=user, comment=_("Unpublished."))
