"""What every admin of the office shares: Jalali dates and change lists that stay fast.

`show_full_result_count = False`: a filtered or searched change list would otherwise count the
whole table a second time on every view, to print "(50,000 total)" beside the result count.
"""

from .admin_dates import JalaliDatesAdminMixin


class OfficeAdminMixin(JalaliDatesAdminMixin):
    """Put first among a ModelAdmin's bases: `class PostAdmin(OfficeAdminMixin, ...)`."""

    show_full_result_count = False
