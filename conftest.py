"""pytest set-up for the whole repository: tests, doctests and notebooks.

pytest reads this file for every command in the README, including
``python -m pytest --nbval lessons`` and a single notebook, whereas it
reads ``tests/conftest.py`` only when it collects ``tests/``. So the
settings that notebook kernels inherit live here, set at import time,
before nbval starts its first kernel.
"""
import atexit
import importlib
import importlib.util
import os
import shutil
import tempfile

import numpy as np
import pytest

# Plain scripts written against MindSpore (they record golden files):
# importing them as doctest modules would need MindSpore itself.
collect_ignore_glob = ["tests/conformance/*.py"]
# Maintainer programs and benchmarks, not tests.
collect_ignore = ["tools", "bench"]

# Camp checks record progress under MINDGRAD_HOME. Kernels inherit this
# process's environment, so no test run touches the maintainer's own
# ~/.mindgrad.
_MINDGRAD_HOME = tempfile.mkdtemp(prefix="mindgrad-home-")
os.environ["MINDGRAD_HOME"] = _MINDGRAD_HOME
atexit.register(shutil.rmtree, _MINDGRAD_HOME, ignore_errors=True)

try:
    # matplotlib builds its font cache on first import and says so on
    # stderr; on a fresh machine that message would land in the first
    # notebook's compared output. Not matplotlib.use("Agg"): notebooks
    # choose their own backend with %matplotlib inline.
    import matplotlib.pyplot  # noqa: F401
except ImportError:
    pass


def _lesson_names():
    """Return the names a lesson's setup cell defines, for doctests."""
    import mindgrad as ms

    names = {
        "ms": ms,
        "np": np,
        "ops": importlib.import_module("mindgrad.ops"),
        "Tensor": ms.Tensor,
        "Parameter": ms.Parameter,
    }
    # Modules written later than the engine: until one exists, doctests
    # lack its name instead of every doctest failing.
    for name in ("nn", "testing", "viz"):
        if importlib.util.find_spec(f"mindgrad.{name}") is not None:
            names[name] = importlib.import_module(f"mindgrad.{name}")
    return names


@pytest.fixture(autouse=True)
def _doctest_names(request):
    """Let docstring examples use ``ms``, ``ops``, ``Tensor``, ``testing``...

    Only doctests import mindgrad here, so a unit test that does not need
    the package (such as tests/test_structure.py) still runs while the
    package cannot be imported.
    """
    if isinstance(request.node, pytest.DoctestItem):
        namespace = request.getfixturevalue("doctest_namespace")
        namespace.update(_lesson_names())
