"""Layers and lanes: services raise domain errors, not HTTP ones; what tests share
lives in tests/support/ (and tests/factories.py); no test module imports another;
the product never imports test or bench code."""

import ast
from collections.abc import Callable, Iterable
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
SHARED = ("tests.support", "tests.factories")


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def _offenders(paths: Iterable[Path], forbidden: Callable[[str], bool]) -> dict[str, set[str]]:
    """Each file that imports a forbidden module, with those modules."""
    found = {}
    for path in paths:
        modules = {module for module in _imported_modules(path) if forbidden(module)}
        if modules:
            found[str(path.relative_to(BACKEND.parent))] = modules
    return found


def test_test_modules_and_bench_import_only_what_tests_share():
    paths = [*(BACKEND / "tests").rglob("*.py"), *(BACKEND.parent / "bench").rglob("*.py")]

    assert (
        _offenders(
            paths, lambda module: module.startswith("tests.") and not module.startswith(SHARED)
        )
        == {}
    )


def test_the_product_imports_nothing_from_tests_or_bench():
    product = [
        path
        for path in BACKEND.rglob("*.py")
        if not path.is_relative_to(BACKEND / "tests") and ".venv" not in path.parts
    ]

    assert _offenders(product, lambda module: module.split(".")[0] in ("tests", "stock_api")) == {}


def test_services_selectors_and_ai_context_know_nothing_of_http():
    # They raise core.exceptions' domain errors; core.errors maps them to responses.
    domain_modules = [
        *BACKEND.glob("*/services.py"),
        *BACKEND.glob("*/selectors.py"),
        BACKEND / "learning" / "submissions.py",
        BACKEND / "ai" / "context.py",
    ]

    assert _offenders(domain_modules, lambda module: module.startswith("rest_framework")) == {}
