import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from core import persian
from outreach.models import Inquiry, PageFeedback

from .spam import ProtectedForm

# Output is escaped anyway; markup in a message to the office is still a robot's signature.
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")


def no_markup(value: str):
    if _MARKUP.search(value or ""):
        raise forms.ValidationError(_("HTML tags are not allowed here."), code="markup")


class PlainCharField(forms.CharField):
    default_validators = [no_markup]


class PhoneField(forms.CharField):
    def to_python(self, value):
        # Persian and Arabic-Indic digits are digits too.
        return persian.to_ascii_digits(super().to_python(value))


class InquiryForm(ProtectedForm):
    kind = forms.ChoiceField(label=_("Subject"), choices=Inquiry.Kind.choices)
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.all(),
        required=False,
        empty_label=_("Not sure yet / any cluster"),
    )
    name = PlainCharField(label=_("Your name"), max_length=120)
    organisation = PlainCharField(label=_("Organisation"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = PhoneField(
        label=_("Phone (optional)"),
        max_length=30,
        required=False,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()\-]{5,30}$", _("Enter a phone number using digits, spaces and +.")
            )
        ],
    )
    message = PlainCharField(
        label=_("Message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )


class SubscribeForm(ProtectedForm):
    email = forms.EmailField(label=_("Email"), max_length=254)
    all_news = forms.BooleanField(label=_("All news of the office"), required=False)
    clusters = forms.ModelMultipleChoiceField(
        label=_("Or only news of these clusters"),
        queryset=Cluster.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("all_news") and not cleaned.get("clusters"):
            raise forms.ValidationError(
                _("Choose all news or at least one cluster."), code="no-scope"
            )
        return cleaned


class FeedbackForm(ProtectedForm):
    # The form sits on pages with other forms: the prefix keeps its ids unique.
    prefix = "feedback"
    path = forms.CharField(widget=forms.HiddenInput, max_length=300)
    useful = forms.TypedChoiceField(
        label=_("Was this page useful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = PlainCharField(
        label=_("Anything we should improve? (optional)"),
        max_length=PageFeedback._meta.get_field("comment").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_path(self):
        path = self.cleaned_data["path"]
        # Only an address on this site: the reader is sent back there afterwards.
        if not path.startswith("/") or path.startswith("//") or "\\" in path:
            raise forms.ValidationError(_("This page address is not valid."), code="path")
        return path
