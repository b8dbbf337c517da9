"""Garbage in addresses and query strings never breaks a public page (hypothesis).

Every public URL pattern is found through the URL resolver, so pages added later are driven too.
Path parameters get real values from the loaded content (slugs, ids) as well as garbage.
"""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, StringConverter
from django.utils import translation
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

PUBLIC_APPS = ("clusters", "carpets", "news")
# The admin, the language switch (POST only) and the health probes are not public pages.
# media-access answers nginx with an empty 204 or a 404 (tests/news/test_safe_uploads.py).
NOT_PUBLIC = re.compile(
    rf"^({re.escape(settings.PORTAL_ADMIN_PATH)}|i18n/|healthz|readyz|media-access/)"
)
PROBE = '"><script>alert("zq")</script><img src=x onerror=alert(1)>'

FUZZ = hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def public_patterns(resolver=None, prefix="", namespace=""):
    """(route for the test id, URL name to reverse, converters by keyword) for every page."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if NOT_PUBLIC.match(route):
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from public_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = dict(getattr(resolver.pattern, "converters", {}))
            converters.update(getattr(entry.pattern, "converters", {}))
            # re_path() groups have no converter: treat each as free text.
            for group in entry.pattern.regex.groupindex:
                converters.setdefault(group, StringConverter())
            yield route, f"{namespace}{entry.name}", converters


PATTERNS = sorted({name: (route, name, conv) for route, name, conv in public_patterns()}.values())


def real_values(names: set[str]) -> list[dict]:
    """Keyword sets taken from the content: every object whose attributes fill all the names."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in PUBLIC_APPS:
            continue
        if not all(name == "pk" or hasattr(model, name) for name in names):
            continue
        for obj in model._default_manager.all()[:50]:
            values = {name: getattr(obj, name) for name in names}
            if all(isinstance(v, int | str) and not isinstance(v, bool) for v in values.values()):
                found.append(values)
    return found


def garbage_for(converter):
    if isinstance(converter, IntConverter):
        return st.one_of(
            st.integers(min_value=0, max_value=2**70),
            st.integers(min_value=1300, max_value=1410),  # Jalali years
            st.integers(min_value=0, max_value=13),  # months
        )
    return st.one_of(
        st.from_regex(re.compile(converter.regex), fullmatch=True),
        st.just(PROBE).filter(lambda v: re.fullmatch(converter.regex, v)),
    )


def kwargs_strategy(converters: dict, real: list[dict]):
    made_up = st.fixed_dictionaries({name: garbage_for(c) for name, c in converters.items()})
    return st.one_of(st.sampled_from(real), made_up) if real else made_up


QUERY_VALUE = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", "last", "0", "-1", "1e9", "NaN", "1393", "13", "٢", "۱۳۹۳", PROBE]),
    st.text(max_size=40),
    st.text(alphabet="a\x00<>\"'&%", min_size=1, max_size=20),
    st.just("x" * 10_000),
    st.lists(st.text(max_size=10), min_size=2, max_size=3),
)
QUERY_KEY = st.one_of(
    st.sampled_from(
        ["page", "year", "month", "day", "q", "kind", "category", "cluster", "tag", "format"]
    ),
    st.text(min_size=1, max_size=20),
)
QUERY = st.dictionaries(QUERY_KEY, QUERY_VALUE, max_size=4)


def assert_sane(response, sent: str):
    assert response.status_code < 500, f"{response.status_code} for {sent!r}"
    # 308: the unversioned API paths redirect, method and all, to /api/v1/.
    assert response.status_code in {200, 301, 302, 308, 400, 404, 405, 410}, response.status_code
    body = response.content.decode("utf-8", errors="replace")
    assert "<script>alert(" not in body, f"markup reflected for {sent!r}"
    # An escaped echo ("&lt;img … onerror=…&gt;") is harmless; a live element is not.
    assert not re.search(r"<img[^>]*onerror=alert", body), f"markup reflected for {sent!r}"


def test_every_public_app_has_pages_to_drive():
    names = {name.split(":")[0] for _, name, _ in PATTERNS if ":" in name}
    assert set(PUBLIC_APPS) <= names
    assert any(route == "" for route, _, _ in PATTERNS)  # the home page


@pytest.mark.parametrize(("route", "name", "converters"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_public_page_survives_garbage(client, demo, route, name, converters):
    real = real_values(set(converters))

    @FUZZ
    @given(
        kwargs=kwargs_strategy(converters, real),
        query=QUERY,
        language=st.sampled_from(["fa", "en"]),
    )
    def drive(kwargs, query, language):
        with translation.override(language):
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                # A value the route itself cannot hold (a newline for ".*") is no URL at all.
                assume(False)
        response = client.get(url, query)
        assert_sane(response, f"{url} {query!r}")

    drive()


@FUZZ
@given(tail=st.text(min_size=1, max_size=200), language=st.sampled_from(["", "en/"]))
def test_garbage_paths_are_not_found_not_errors(client, demo, tail, language):
    for base in ("", "news/", "clusters/", "carpets/"):
        response = client.get(f"/{language}{base}{tail}")
        assert_sane(response, base + tail)


@pytest.mark.parametrize("value", ["1\x00", "\x00"])
def test_nul_in_the_query_is_a_bad_request(client, demo, value):
    response = client.get("/news/", {"page": value, "q": value})
    assert response.status_code == 400
    assert "معتبر نیست" in response.content.decode()


def test_nul_in_the_path_is_a_bad_request(client, demo):
    assert client.get("/clusters/zinc%00/").status_code == 400


def test_invalid_utf8_in_the_query_is_a_bad_request(client, demo):
    assert client.get("/news/?page=%ff%fe").status_code == 400


@pytest.mark.parametrize("page", ["-1", "0", "99999999999999999999", "abc", "1.5"])
def test_news_pages_out_of_range_are_not_found(client, demo, page):
    assert client.get("/news/", {"page": page}).status_code == 404


def test_unknown_query_parameters_are_ignored_and_not_reflected(client, demo):
    response = client.get("/clusters/", {"year": "99999", "utm_source": PROBE})
    assert response.status_code == 200
    assert_sane(response, PROBE)
    assert "زنجان" in response.content.decode()
