"""The one place mails are built: subject, text part and HTML part from templates/mail/.

Every mail the portal sends is multipart: a plain-text part and an HTML part in the reader's
language, with `lang` and `dir` on the root, the office's name and colours, Jalali dates in
Persian, and only fonts mail programs have (no remote fonts or images: most programs block
them, and a strict privacy policy forbids them).

A mail named `x` is three templates: `mail/x_subject.txt`, `mail/x.txt`, `mail/x.html` (the
last extends `mail/base.html`). Templates get `office`, `colors`, `lang`, `dir`, `site_url`
and `today` (the date in the reader's calendar) besides the caller's context.
"""

import re
from dataclasses import dataclass, field
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from core.persian import format_date
from core.site import site_url

# The site's palette (core/static/css/site.css), written out: mail programs ignore CSS variables.
COLORS = {
    "brand": "#0b5c7a",
    "brand_dark": "#083f54",
    "ink": "#1c2430",
    "muted": "#4a5565",
    "wash": "#f3f5f8",
    "paper": "#ffffff",
    "line": "#d5dbe3",
    "accent": "#a3470c",
}
# Fonts every mail program has, Persian-capable first (Vazirmatn is the site's, not theirs).
FONT_STACK = mark_safe("Tahoma, 'Segoe UI', sans-serif")  # a constant, no user text

_PERSIAN_LETTERS = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTERS = re.compile("[A-Za-z]")


@dataclass
class RenderedMail:
    """A mail ready to queue or send: subject, both parts, headers; language kept for checks."""

    subject: str
    text: str
    html: str
    language: str
    headers: dict = field(default_factory=dict)


def written_language(text: str, fallback: str = "fa") -> str:
    """The language a visitor wrote in: "fa" when Persian letters outnumber Latin ones, else "en".

    Text with neither (digits only) keeps `fallback`, the language of the page they used.
    """
    persian = len(_PERSIAN_LETTERS.findall(text or ""))
    latin = len(_LATIN_LETTERS.findall(text or ""))
    if persian == latin == 0:
        return fallback
    return "fa" if persian >= latin else "en"


def new_message_id(kind: str) -> str:
    """An RFC 5322 Message-ID on the portal's own host name, e.g. <…ack@portal.example.org>."""
    host = urlsplit(site_url()).hostname or "localhost"
    return make_msgid(idstring=kind, domain=host)


def render_mail(name: str, context: dict, *, language: str, headers=None) -> RenderedMail:
    """Render mail `name` in `language` ("fa" or "en"); raises TemplateDoesNotExist if unknown."""
    with translation.override(language):
        full = {
            "office": _("Industrial Clusters Office of Zanjan"),
            "colors": COLORS,
            "font_stack": FONT_STACK,
            "lang": language,
            "dir": "rtl" if get_language_bidi() else "ltr",
            "site_url": site_url() + ("/" if language == "fa" else f"/{language}/"),
            "today": format_date(timezone.now(), language),
            **context,
        }
        subject = " ".join(render_to_string(f"mail/{name}_subject.txt", full).split())
        text = render_to_string(f"mail/{name}.txt", full)
        html = render_to_string(f"mail/{name}.html", full)
    return RenderedMail(subject, text, html, language, dict(headers or {}))


def as_message(mail: RenderedMail, *, to: str, message_id: str | None = None):
    """An EmailMultiAlternatives (text, then HTML as the preferred alternative)."""
    headers = {**mail.headers}
    if message_id:
        headers["Message-ID"] = message_id
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
    message.attach_alternative(mail.html, "text/html")
    return message
