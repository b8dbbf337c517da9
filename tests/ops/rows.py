"""Rows for every model a backup holds, each value drawn for its field's type (hypothesis).

Row 0 of each model leaves every optional field empty (None, "", no related rows); row 1
fills all of them. Times come whole-minute and sub-second, Jalali dates include the leap day
1403/12/30, text is Persian with ZWNJ, Arabic ي/ك and Persian digits, files have random bytes.
Rows that break a database rule are drawn again (the rules are the models' own, checked by
Django's `validate_constraints` / `validate_unique`).
"""

import datetime
import decimal
import zlib
from zoneinfo import ZoneInfo

import jdatetime
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, models, transaction
from django_jalali.db import models as jmodels
from hypothesis import strategies as st
from modeltranslation.translator import NotRegistered, translator

from core.fields import JalaliDateTimeField

TEHRAN = ZoneInfo("Asia/Tehran")
ZWNJ = "\u200c"
LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی" + "يكة" + ZWNJ + " ۰۱۲۳۴۵6789zA-"
LEAP_DAY = jdatetime.date(1403, 12, 30)
ATTEMPTS = 40


def persian_text(max_size: int, min_size: int = 1):
    words = st.text(alphabet=LETTERS, min_size=min_size, max_size=min(max_size, 60))
    # A word joined by ZWNJ ("می‌شود") and the Arabic letters appear in every long enough draw.
    sample = "می" + ZWNJ + "شود كيك"
    return st.one_of(words, st.just(sample[:max_size]) if max_size >= 1 else words)


def instants():
    """Aware times: whole minutes, or with sub-second digits (the backup keeps microseconds)."""
    moments = st.datetimes(
        min_value=datetime.datetime(1900, 1, 1),  # Tehran was +03:25:44 before 1946
        max_value=datetime.datetime(2060, 1, 1),
        timezones=st.just(datetime.UTC),
    )
    whole_minute = moments.map(lambda value: value.replace(second=0, microsecond=0))
    sub_second = moments.filter(lambda value: value.microsecond)
    return st.one_of(whole_minute, sub_second)


def jalali_dates():
    return st.one_of(
        st.just(LEAP_DAY),
        st.dates(datetime.date(1925, 1, 1), datetime.date(2100, 1, 1)).map(
            lambda value: jdatetime.date.fromgregorian(date=value)
        ),
    )


def value_strategy(field, label: str, serial: int):
    """A strategy for one field's value, or None where the field is filled otherwise."""
    if field.choices:
        return st.sampled_from([value for value, _ in field.flatchoices])
    if isinstance(field, JalaliDateTimeField):
        return instants().map(
            lambda value: jdatetime.datetime.fromgregorian(datetime=value.astimezone(TEHRAN))
        )
    if isinstance(field, models.DateTimeField):
        return instants()
    if isinstance(field, jmodels.jDateField):
        return jalali_dates()
    if isinstance(field, models.DateField):
        return st.dates(datetime.date(1925, 1, 1), datetime.date(2100, 1, 1))
    if isinstance(field, models.BooleanField):
        return st.booleans()
    if isinstance(field, models.DecimalField):
        top = decimal.Decimal(10) ** (field.max_digits - field.decimal_places) - 1
        least = decimal.Decimal(1).scaleb(-field.decimal_places)  # weights must be positive
        return st.decimals(least, top, places=field.decimal_places, allow_nan=False)
    if isinstance(field, models.FloatField):
        return st.floats(0, 1e6, allow_nan=False)
    if isinstance(field, models.IntegerField):
        if field.name == "year" or field.name.endswith("_year"):
            return st.integers(1300, 1500)
        if field.unique or field.name in unique_together(field.model):
            return st.integers(1, 8).map(lambda small: serial * 10 + small)
        return st.integers(1, 8)  # ranks, phases, contract years: small positive numbers
    if isinstance(field, models.EmailField):
        return st.from_regex(r"[a-z]{1,12}\.[a-z]{1,8}", fullmatch=True).map(
            lambda local: f"{local}{serial}@example.org"
        )
    if isinstance(field, models.URLField):
        return st.from_regex(r"[a-z0-9]{1,20}", fullmatch=True).map(
            lambda path: f"https://example.org/{path}"
        )
    if isinstance(field, models.SlugField):
        if field.allow_unicode:
            return persian_text(20).map(lambda text: f"{slug_of(text)}-{serial}")
        return st.from_regex(r"[a-z0-9]{1,20}", fullmatch=True).map(lambda s: f"{s}-{serial}")
    if isinstance(field, models.GenericIPAddressField):
        return st.ip_addresses(v=4).map(str)
    if isinstance(field, models.JSONField):
        return st.dictionaries(st.text("abc", max_size=3), st.integers() | persian_text(10))
    if isinstance(field, models.UUIDField):
        return st.uuids()
    if isinstance(field, models.CharField):
        if field.name in ("path", "link"):  # local addresses, by the models' own rule
            return persian_text(30).map(lambda text: f"/{slug_of(text)}/")
        size = field.max_length or 200
        suffix = f"-{serial}" if field.unique or field.name in unique_together(field.model) else ""
        return persian_text(size - len(suffix)).map(lambda text: text + suffix)
    if isinstance(field, models.TextField):
        return persian_text(300)
    return None


def unique_together(model) -> set[str]:
    """Fields that are unique together with others (a few small draws would collide there)."""
    names = {name for group in model._meta.unique_together for name in group}
    for constraint in model._meta.constraints:
        names |= set(getattr(constraint, "fields", ()) or ())
    return names


def slug_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum()) or "x"


def translated_originals(model) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def make_rows(data, model, counter, *, rows: int = 2) -> None:
    """Create `rows` valid rows of `model`: row 0 with optional fields empty, the others full."""
    # Some rows come by themselves (a published post gets its alert): make only the rest.
    for index in range(model._base_manager.count(), rows):
        fill = index > 0
        last_error = None
        for attempt in range(ATTEMPTS):
            serial = next(counter)
            # A rule may need an optional field (an inquiry without e-mail must be anonymised).
            fill = fill or attempt >= ATTEMPTS // 2
            try:
                instance, files, many = draw_instance(
                    data, model, fill=fill, serial=serial, jitter=attempt
                )
            except LookupError as error:
                raise AssertionError(f"{model._meta.label}: {error}") from error
            try:
                instance.validate_constraints()
                instance.validate_unique()
                with transaction.atomic():
                    for field, name, content in files:
                        setattr(instance, field.attname, default_storage.save(name, content))
                    instance.save()
                    for field, values in many:
                        getattr(instance, field.name).set(values)
            except (ValidationError, IntegrityError) as error:
                last_error = error
                continue
            break
        else:
            raise AssertionError(f"no valid {model._meta.label} in {ATTEMPTS} draws: {last_error}")


def draw_instance(data, model, *, fill: bool, serial: int, jitter: int = 0):
    from django.core.files.base import ContentFile

    originals = translated_originals(model)
    values, files, many = {}, [], []
    for field in model._meta.concrete_fields:
        if (field.primary_key and field.auto_created) or field.name in originals:
            continue
        if isinstance(field, models.AutoField):
            continue
        optional = field.null or field.blank or field.has_default()
        if field.is_relation:
            choices = list(field.related_model._base_manager.values_list("pk", flat=True))
            if field.unique:  # one-to-one: a related row not taken yet
                taken = set(model._base_manager.values_list(field.attname, flat=True))
                choices = [pk for pk in choices if pk not in taken]
            if (not fill and field.null) or (not choices and field.null):
                values[field.attname] = None
                continue
            if not choices:
                raise LookupError(f"{field.name} needs a {field.related_model._meta.label}")
            chosen = data.draw(st.sampled_from(choices), label=field.name)
            if jitter and field.name in unique_together(model):  # another pair on each retry
                chosen = choices[(choices.index(chosen) + jitter) % len(choices)]
            values[field.attname] = chosen
            continue
        if isinstance(field, models.FileField):
            if not fill and field.blank:
                values[field.attname] = ""
                continue
            content = data.draw(st.binary(min_size=1, max_size=64), label=field.name)
            suffix = ".pdf" if "file" in field.name else ".png"
            name = f"roundtrip/{model._meta.model_name}-{field.name}-{serial}{suffix}"
            files.append((field, name, ContentFile(content)))
            continue
        if not fill and optional and not field.choices:
            if field.null:
                values[field.attname] = None
                continue
            if field.blank and isinstance(field, models.CharField | models.TextField):
                values[field.attname] = ""
                continue
        strategy = value_strategy(field, model._meta.label, serial)
        if strategy is None:
            raise LookupError(f"no strategy for {type(field).__name__} {field.name}")
        value = data.draw(strategy, label=f"{model.__name__}.{field.name}")
        if jitter and field.choices:  # hypothesis may keep drawing the first choice
            options = [option for option, _ in field.flatchoices]
            value = options[(options.index(value) + jitter) % len(options)]
        if jitter and isinstance(value, datetime.date | jdatetime.date):
            # Retries move each date its own way, so "ends after it starts" can come true even
            # where hypothesis keeps drawing its simplest value.
            value += datetime.timedelta(days=zlib.crc32(f"{field.name}{jitter}".encode()) % 500)
        values[field.attname] = value
    for field in model._meta.many_to_many:
        choices = list(field.related_model._base_manager.values_list("pk", flat=True))
        if fill and choices:
            chosen = data.draw(st.lists(st.sampled_from(choices), unique=True, max_size=3))
            many.append((field, chosen))
    return model(**values), files, many
