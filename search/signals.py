"""Keep the search index in step with every save and delete of an indexed model."""

from django.db.models.signals import post_delete, post_save

from .index import INDEXED, index_object, remove_object


def _on_save(sender, instance, raw=False, **kwargs):
    # Fixture loading (raw) saves half-built rows; `rebuild_search_index` covers that case.
    if not raw:
        index_object(instance)


def _on_delete(sender, instance, **kwargs):
    remove_object(instance)


for model in INDEXED:
    post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{model.__name__}")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{model.__name__}")
