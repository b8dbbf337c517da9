"""Forget the cached glossary forms whenever a term changes, so new links appear at once."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from .models import Term
from .templatetags.directory_tags import glossary_cache_key


def _forget_glossary(sender, **kwargs):
    cache.delete_many([glossary_cache_key(code) for code, _name in settings.LANGUAGES])


post_save.connect(_forget_glossary, sender=Term, dispatch_uid="directory-glossary-save")
post_delete.connect(_forget_glossary, sender=Term, dispatch_uid="directory-glossary-delete")
