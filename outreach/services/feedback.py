from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from outreach.models import PageFeedback


def feedback_submit(
    *, path: str, language: str, useful: bool, comment: str, client_key: str
) -> PageFeedback:
    feedback = PageFeedback(
        path=path, language=language, useful=useful, comment=comment, client_key=client_key
    )
    if not path.startswith("/"):
        raise ValidationError({"path": _("This page address is not valid.")})
    # The fields are validated here; the check constraint (a local path, tested just above)
    # is left to the database, as Django validates one with a query of its own on every vote.
    feedback.full_clean(validate_constraints=False)
    feedback.save()
    return feedback
