"""What every admin of the office shares: Jalali dates and change lists that stay fast.

`show_full_result_count = False`: a filtered or searched change list would otherwise count the
whole table a second time on every view, to print "(50,000 total)" beside the result count.
"""

from .admin import PersianAdminMixin
from .admin_dates import JalaliDatesAdminMixin


class OfficeAdminMixin(PersianAdminMixin, JalaliDatesAdminMixin):
    """Put first among a ModelAdmin's bases: `class PostAdmin(OfficeAdminMixin, ...)`. It
    brings the text layer's folding search and clean input (`PersianAdminMixin`) and Jalali
    dates in lists and read-only fields (`JalaliDatesAdminMixin`)."""

    show_full_result_count = False
