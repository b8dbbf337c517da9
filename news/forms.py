"""The admin's post form: it refuses to overwrite a post someone else saved in the meantime."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanInputMixin
from core.persian import format_date

from .models import Post


def edit_token(post: Post) -> str:
    return post.updated_at.isoformat() if post.pk and post.updated_at else ""


class PostAdminForm(CleanInputMixin, forms.ModelForm):
    """Used through PostAdmin, which supplies the model and the fields."""

    # The version the editor started from; compared with the stored one before saving.
    edit_token = forms.CharField(label=_("edit token"), widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_token"].initial = edit_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        stored = Post.objects.filter(pk=self.instance.pk).first()
        if stored is not None and cleaned.get("edit_token") != edit_token(stored):
            # Accept the next save: the editor has now been told and can choose to overwrite.
            self.data = self.data.copy()
            self.data[self.add_prefix("edit_token")] = edit_token(stored)
            raise forms.ValidationError(
                _(
                    "Someone else saved this post (at %(time)s) after you opened it. Your "
                    "changes are not saved yet: open the post in a new tab to see theirs, then "
                    "save again here to keep yours."
                ),
                code="edit_conflict",
                params={"time": format_date(stored.updated_at, "fa", with_time=True)},
            )
        return cleaned
