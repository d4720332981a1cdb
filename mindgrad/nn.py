"""``mindgrad.nn``: networks as Cells, as ``mindspore.nn`` names them.

A facade over ``mindgrad.cells``.
"""
from .cells.cell import Cell
from .cells.loss import BCEWithLogitsLoss, LossBase

__all__ = ["Cell", "LossBase", "BCEWithLogitsLoss"]
