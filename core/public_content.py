"""Which models are public content, and which moments change pages by themselves.

Each app says so in its `AppConfig.ready()`; this module knows no app or model by name:

- `declare_content(*models)`: saving or deleting one of these (or changing one of its
  many-to-many relations) changes public pages, so it moves the content version and every
  cached page, fragment and value is rebuilt on its next request.
- `declare_not_content(*models)`: writes that never change a public page: a visitor's vote,
  question or sign-up, a mail delivery, a search-index row, a session, a login record. Listing
  them is a promise the tests hold every model to: each is one or the other.
- `declare_scheduled_moments(name, produce)`: `produce()` returns the aware datetimes at which
  pages change with no write (a post going live, a notice starting or ending). It is called once
  per content generation, so it sees the moments as of the last edit.

Models may be named by class or by "app_label.ModelName", so the wiring can speak for
third-party apps without importing them.
"""

import contextlib
import threading

from django.apps import apps
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from .content_cache import declare_scheduled_moments, invalidate

__all__ = [
    "content_labels",
    "declare_content",
    "declare_not_content",
    "declare_scheduled_moments",
    "not_content_labels",
    "one_content_change",
]

_content: set[str] = set()
_not_content: set[str] = set()


def _label(model: type[models.Model] | str) -> str:
    return model if isinstance(model, str) else model._meta.label


def _model(model: type[models.Model] | str) -> type[models.Model]:
    return apps.get_model(model) if isinstance(model, str) else model


_batch = threading.local()


def _content_changed(**_kwargs) -> None:
    if getattr(_batch, "depth", 0):
        _batch.changed = True
        return
    invalidate()


@contextlib.contextmanager
def one_content_change():
    """Within it, content writes move the content version once, at the end (if any happened),
    instead of once per row: for loading a backup or a data set of thousands of rows, which
    would otherwise ask the shared cache to move the version thousands of times.

    The version moves at the end even when the block raises (a rolled-back load changed
    nothing, and one extra move only costs one rebuild of each page).
    """
    _batch.depth = getattr(_batch, "depth", 0) + 1
    outermost = _batch.depth == 1
    if outermost:
        _batch.changed = False
    try:
        yield
    finally:
        _batch.depth -= 1
        if outermost and _batch.changed:
            invalidate()


def declare_content(*models_: type[models.Model] | str) -> None:
    """Saves, deletes and relation changes of these models move the content version."""
    for declared in models_:
        model = _model(declared)
        label = model._meta.label
        _content.add(label)
        uid = f"public-content-{label}"
        post_save.connect(_content_changed, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(
            _content_changed, sender=model, dispatch_uid=f"{uid}-delete", weak=False
        )
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _content_changed,
                sender=through,
                dispatch_uid=f"{uid}-m2m-{field.name}",
                weak=False,
            )


def declare_not_content(*models_: type[models.Model] | str) -> None:
    """These models' writes never change a public page (and so never empty a cache)."""
    _not_content.update(_label(model) for model in models_)


def content_labels() -> frozenset[str]:
    """Labels ("news.Post") of the models declared content."""
    return frozenset(_content)


def not_content_labels() -> frozenset[str]:
    """Labels of the models declared never to change a public page."""
    return frozenset(_not_content)
