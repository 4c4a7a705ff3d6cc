"""Tests and bench keep to their lanes: what they share lives in tests/support/
(and tests/factories.py); no test module imports another, and the product never
imports bench code."""

import ast
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


def _test_imports(paths) -> dict[str, set[str]]:
    return {
        str(path.relative_to(BACKEND.parent)): {
            module
            for module in _imported_modules(path)
            if module.startswith("tests.") and not module.startswith(SHARED)
        }
        for path in paths
    }


def test_test_modules_and_bench_import_only_what_tests_share():
    paths = [*(BACKEND / "tests").rglob("*.py"), *(BACKEND.parent / "bench").rglob("*.py")]

    offenders = {path: modules for path, modules in _test_imports(paths).items() if modules}

    assert offenders == {}


def test_the_product_imports_nothing_from_tests_or_bench():
    product = [
        path
        for path in BACKEND.rglob("*.py")
        if not path.is_relative_to(BACKEND / "tests") and ".venv" not in path.parts
    ]

    offenders = {
        str(path.relative_to(BACKEND)): modules
        for path in product
        if (
            modules := {
                module
                for module in _imported_modules(path)
                if module.split(".")[0] in ("tests", "stock_api")
            }
        )
    }

    assert offenders == {}
