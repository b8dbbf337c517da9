"""What every admin of the office shares: Jalali dates and change lists that stay fast.

`show_full_result_count = False`: a filtered or searched change list would otherwise count the
whole table a second time on every view, to print "(50,000 total)" beside the result count.
`list_per_page = 50`: see the comment at the attribute.
"""

from .admin import PersianAdminMixin
from .admin_dates import JalaliDatesAdminMixin
from .admin_widgets import use_in_admin

# Before any ModelAdmin is made (each copies the defaults when it is created): every admin that
# imports this module gets the Jalali inputs that show 1405/06/31.
use_in_admin()


class OfficeAdminMixin(PersianAdminMixin, JalaliDatesAdminMixin):
    """Put first among a ModelAdmin's bases: `class PostAdmin(OfficeAdminMixin, ...)`. It
    brings the text layer's folding search and clean input (`PersianAdminMixin`) and Jalali
    dates in lists and read-only fields (`JalaliDatesAdminMixin`)."""

    show_full_result_count = False
    # Django's admin renders each cell of a change list through its own machinery (a checkbox
    # widget, a lookup, a display per cell), some 3 ms a row: 100 rows a page put the
    # observation, indicator and term lists over 300 ms at the office's size (`make bench`).
    # 50 rows, with filters and search to narrow them, keep every list under it.
    list_per_page = 50
