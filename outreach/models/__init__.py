"""The office's front door: inquiries, news alerts, page feedback and site notices."""

from .alerts import Delivery, PostAlert, Subscriber
from .feedback import FeedbackPage, PageFeedback, SiteNotice
from .inquiries import Inquiry

__all__ = [
    "Delivery",
    "FeedbackPage",
    "Inquiry",
    "PageFeedback",
    "PostAlert",
    "SiteNotice",
    "Subscriber",
]
