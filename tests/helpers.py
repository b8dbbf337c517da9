"""Small helpers the tests share (fixtures live in conftest.py; helpers are imported from here)."""


def page_text(response) -> str:
    """A response's body as text."""
    return response.content.decode()
