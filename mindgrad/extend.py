"""Define your own differentiable operation: a NumPy forward plus its VJP.

>>> from mindgrad.extend import primitive
>>> @primitive
... def cube(x):
...     return x ** 3
>>> @cube.defvjp
... def cube_vjp(x, out, dout):      # d(x³) = 3x² dx
...     return dout * 3 * x ** 2
>>> print(ms.grad(lambda t: cube(t).sum())(Tensor([2.0])))
[12.]

The forward receives NumPy arrays; the rule receives the inputs, the
output ``out`` and the output's cotangent ``dout``, and returns the
cotangent of the input (one rule per input: ``defvjp(rule_x, rule_y)``).
Write rules with operators and ``mindgrad`` primitives so they can be
differentiated again. See lessons 06 and 07.
"""
from .primitives.core import Primitive, primitive

__all__ = ["Primitive", "primitive"]
