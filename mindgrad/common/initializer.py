"""``mindgrad.common.initializer``: weight initializers, as
``mindspore.common.initializer`` names them. A facade over
``mindgrad.cells.init``.

>>> from mindgrad.common.initializer import One, initializer
>>> print(initializer(One(), [2, 2], ms.float32))
[[1. 1.]
 [1. 1.]]
"""
from ..cells.init import (Constant, HeNormal, HeUniform, Initializer, Normal,
                          One, TruncatedNormal, Uniform, XavierNormal,
                          XavierUniform, Zero, initializer)

__all__ = ["Initializer", "Constant", "Zero", "One", "Normal", "Uniform",
           "TruncatedNormal", "HeUniform", "HeNormal", "XavierUniform",
           "XavierNormal", "initializer"]
