"""Every test here that opens a shop runs on both engines (tests/engines.py)."""

from tests.engines import parametrize_engines


def pytest_generate_tests(metafunc):
    parametrize_engines(metafunc)
