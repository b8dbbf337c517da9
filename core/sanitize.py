"""The one HTML allow-list: every write path (admin, services, imports, fixtures) and every page
that prints stored rich text goes through `sanitize_html`, so nothing else decides what is safe.
"""

import nh3

# What the admin's rich-text editor can produce; anything else is removed, never escaped into view.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "strong",
        "em",
        "u",
        "s",
        "sub",
        "sup",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "ol": frozenset({"start", "type", "data-type"}),
}
# Relative links stay allowed; javascript:, data:, vbscript: and every other scheme go.
URL_SCHEMES = frozenset({"http", "https", "mailto"})

# The same allow-list, spoken as django-prose-editor extensions, so the editor offers exactly this.
PROSE_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "History": True,
}

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    # Removed with their content: text inside a script or style is never meant for readers.
    clean_content_tags={"script", "style"},
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def sanitize_html(html: str | None) -> str:
    """Keep only the allow-listed markup; an editor's empty paragraph counts as no text."""
    if not html:
        return ""
    cleaned = _CLEANER.clean(str(html)).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
