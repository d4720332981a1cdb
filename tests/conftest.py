"""Fixtures and settings for the unit tests in ``tests/``.

What notebook kernels must inherit (MINDGRAD_HOME, matplotlib's font
cache) is set in the repository's root ``conftest.py``, because pytest
does not read this file when it runs ``--nbval lessons`` alone.
"""
import numpy as np
import pytest

try:
    from hypothesis import settings
except ImportError:  # hypothesis comes with the "test" extra
    pass
else:
    # A gradient check runs central differences for every example, and
    # its time depends on the machine: a per-example deadline would only
    # make the suite flaky on a slow CI runner.
    settings.register_profile("mindgrad", deadline=None)
    settings.load_profile("mindgrad")


@pytest.fixture(autouse=True)
def _seed_numpy():
    """Start every test from the same NumPy global random state."""
    np.random.seed(0)
