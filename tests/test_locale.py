"""Every interface string has a Persian translation, and the catalogue is actually used."""

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation

FA_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fa" / "LC_MESSAGES" / "django.po"


def test_every_interface_string_is_translated_to_persian():
    catalogue = polib.pofile(str(FA_CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_persian_catalogue_is_compiled_and_active():
    with translation.override("fa"):
        assert translation.gettext("News and events") == "اخبار و رویدادها"
    with translation.override("en"):
        assert translation.gettext("News and events") == "News and events"
