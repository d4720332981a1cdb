"""The 25-day mindgrad camp: ``check`` for exercise notebooks, and the
command line ``python -m mindgrad.camp`` (curriculum §7).

This is the top layer: it imports mindgrad and mindgrad.testing, nothing
in mindgrad imports it, and ``import mindgrad`` does not load it.
"""
from .check import check

__all__ = ["check"]
