"""What every admin of the office shares: Jalali dates and change lists that stay fast.

`show_full_result_count = False`: a filtered or searched change list would otherwise count the
whole table a second time on every view, to print "(50,000 total)" beside the result count.
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
