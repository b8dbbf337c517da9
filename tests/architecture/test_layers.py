"""The project's layers, read from the source: `core` at the bottom imports no app and not
the project package; apps never import the project package; no module imports itself back."""

from tests.architecture.imports import cycles, import_graph, imports_of

APPS = {"clusters", "carpets", "news", "directory", "outreach", "search"}


def _edges():
    return [
        (module, target)
        for module, targets in import_graph().items()
        for target in targets
        if module.split(".")[0] != target.split(".")[0]
    ]


def test_core_imports_no_app_and_not_the_project_package():
    upward = [(m, t) for m, t in _edges() if m.startswith("core") and t.split(".")[0] != "core"]
    assert not upward


def test_apps_never_import_the_project_package():
    found = [
        (module, target)
        for module, target in _edges()
        if module.split(".")[0] in APPS and target.split(".")[0] == "cluster_portal"
    ]
    assert not found


def test_no_import_cycle_not_even_inside_functions():
    assert cycles(import_graph()) == []


def test_the_graph_sees_imports_inside_functions(tmp_path):
    """The checks above would pass vacuously if imports inside functions were not read."""
    module = tmp_path / "late.py"
    module.write_text("def f():\n    from .models import Post\n    import core.persian\n")
    known = set(import_graph())
    assert imports_of("news.late", module, known) == {"news.models", "core.persian"}
    assert cycles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
