from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Contact and outreach")

    def ready(self):
        from core.public_content import (
            declare_content,
            declare_not_content,
            declare_scheduled_moments,
        )

        from . import signals  # noqa: F401
        from .notices import notice_moments

        # Notices show on every page, from their start to their end.
        declare_content(self.get_model("SiteNotice"))
        declare_scheduled_moments("site-notices", notice_moments)
        # Visitors' writes, the mail outbox and the office's mail settings (read only when a mail
        # is written): never a reason to rebuild a page.
        declare_not_content(
            *(
                self.get_model(name)
                for name in (
                    "Inquiry",
                    "PageFeedback",
                    "FeedbackPage",
                    "Subscriber",
                    "PostAlert",
                    "Delivery",
                    "InquiryAnswer",
                    "OutgoingMail",
                    "BouncedAddress",
                    "OfficeRecipient",
                    "OfficeCalendar",
                    "OfficeHoliday",
                )
            )
        )
