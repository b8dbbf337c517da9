"""What every admin of the office shares: values printed for the reader, lists that stay fast.

`show_full_result_count = False`: a filtered or searched change list would otherwise count the
whole table a second time on every view, to print "(50,000 total)" beside the result count.
`list_per_page = 50`: see the comment at the attribute.
"""

from .admin import PersianAdminMixin
from .admin_values import ReadableValuesAdminMixin, ReadableValuesInlineMixin

# Importing core.admin registers the admin's widgets (core.admin_widgets.use_in_admin) before
# any ModelAdmin that imports this module is made.


class OfficeAdminMixin(PersianAdminMixin, ReadableValuesAdminMixin):
    """Put first among a ModelAdmin's bases: `class PostAdmin(OfficeAdminMixin, ...)`. It
    brings the text layer's folding search and clean input (`PersianAdminMixin`), and Jalali
    dates, Persian digits and left-to-right addresses in lists and read-only fields
    (`ReadableValuesAdminMixin`)."""

    show_full_result_count = False
    # Django's admin renders each cell of a change list through its own machinery (a checkbox
    # widget, a lookup, a display per cell), some 3 ms a row: 100 rows a page put the
    # observation, indicator and term lists over 300 ms at the office's size (`make bench`).
    # 50 rows, with filters and search to narrow them, keep every list under it.
    list_per_page = 50


class OfficeInlineMixin(ReadableValuesInlineMixin):
    """Put first among an inline's bases: its read-only dates, numbers and addresses are printed
    as in the admins (core.translation_admin's inlines have it already)."""
