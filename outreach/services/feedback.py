from outreach.models import PageFeedback


def feedback_submit(
    *, path: str, language: str, useful: bool, comment: str, client_key: str
) -> PageFeedback:
    feedback = PageFeedback(
        path=path, language=language, useful=useful, comment=comment, client_key=client_key
    )
    feedback.full_clean()
    feedback.save()
    return feedback
