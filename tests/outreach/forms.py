"""What a person sends through each public form, for tests that post them."""

import time

from outreach.spam import form_token


def stamp(seconds_ago: float = 60) -> str:
    """The hidden "form served at" field of a form a person filled in that long ago."""
    return form_token(now=time.time() - seconds_ago)


def inquiry_data(**changes) -> dict:
    data = {
        "kind": "invest",
        "cluster": "",
        "name": "مریم احمدی",
        "organisation": "شرکت زیتون طارم",
        "email": "maryam@example.org",
        "phone": "۰۹۱۲ ۳۴۵ ۶۷۸۹",
        "message": "می‌خواهم در خوشهٔ زیتون سرمایه‌گذاری کنم.",
        "website": "",
        "started": stamp(),
    }
    return {**data, **changes}


def feedback_data(path: str = "/clusters/olive/", **changes) -> dict:
    data = {"path": path, "useful": "yes", "comment": "", "website": "", "started": stamp()}
    return {f"feedback-{key}": value for key, value in {**data, **changes}.items()}


def subscribe_data(email: str, **changes) -> dict:
    return {"email": email, "clusters": [], "all_news": "on", "started": stamp(), **changes}
