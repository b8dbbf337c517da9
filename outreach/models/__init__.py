"""The office's front door: inquiries, news alerts, page feedback and site notices."""

from .alerts import Delivery, PostAlert, Subscriber
from .feedback import FeedbackPage, PageFeedback, SiteNotice
from .inquiries import Inquiry, InquiryAnswer
from .office import OfficeCalendar, OfficeHoliday, OfficeRecipient
from .outbox import BouncedAddress, OutgoingMail

__all__ = [
    "BouncedAddress",
    "Delivery",
    "FeedbackPage",
    "Inquiry",
    "InquiryAnswer",
    "OfficeCalendar",
    "OfficeHoliday",
    "OfficeRecipient",
    "OutgoingMail",
    "PageFeedback",
    "PostAlert",
    "SiteNotice",
    "Subscriber",
]
