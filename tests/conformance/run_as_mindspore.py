"""Run a MindSpore program with mindgrad standing in for ``mindspore``.

Usage, from the repository root::

    python tests/conformance/run_as_mindspore.py PROGRAM

for example with PROGRAM = ``tests/conformance/25_grad_positions.py``; it
prints what the program prints under mindgrad.

The conformance programs are written against MindSpore
(``import mindspore as ms``). This bootstrap puts an import hook at the
front of ``sys.meta_path`` so that ``mindspore`` and every
``mindspore.<sub>`` resolve to ``mindgrad`` and ``mindgrad.<sub>``: the
very same module objects, so ``mindspore.Tensor is mindgrad.Tensor``.
Then it runs the program with ``runpy.run_path`` as ``__main__``.

The alias target is ``mindgrad`` unless the environment variable
``MINDGRAD_CONFORMANCE_TARGET`` names another importable package; only the
runner's own unit test sets it, to prove the hook without the engine.
"""
import importlib
import importlib.abc
import importlib.util
import os
import runpy
import sys
from pathlib import Path

ALIAS = "mindspore"
TARGET = os.environ.get("MINDGRAD_CONFORMANCE_TARGET", "mindgrad")


class _AliasLoader(importlib.abc.Loader):
    """Loads ``mindspore.<sub>`` by importing ``<target>.<sub>``."""

    def __init__(self, real_name):
        self.real_name = real_name

    def create_module(self, spec):
        return None  # a placeholder; exec_module swaps in the real module

    def exec_module(self, module):
        real = importlib.import_module(self.real_name)
        # importlib returns whatever sys.modules holds under the alias once
        # exec_module is done, so replacing the placeholder here makes the
        # alias the real module without touching its __spec__ or __name__.
        sys.modules[module.__name__] = real


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Answers for ``mindspore`` and ``mindspore.*``, nothing else."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != ALIAS and not fullname.startswith(ALIAS + "."):
            return None
        real_name = TARGET + fullname[len(ALIAS):]
        if importlib.util.find_spec(real_name) is None:
            raise ModuleNotFoundError(
                f"{fullname!r} is aliased to {real_name!r}, which does not "
                f"exist; add {real_name} or change the program's import",
                name=fullname)
        return importlib.util.spec_from_loader(
            fullname, _AliasLoader(real_name))


def main(argv):
    if len(argv) != 2:
        sys.exit(f"usage: python {argv[0]} PROGRAM.py")
    program = str(Path(argv[1]).resolve())
    # Import the working tree's mindgrad, not an installed copy.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    sys.meta_path.insert(0, _AliasFinder())
    sys.argv = [program]
    runpy.run_path(program, run_name="__main__")


if __name__ == "__main__":
    main(sys.argv)
