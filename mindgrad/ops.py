"""``mindgrad.ops``: the operations, as ``mindspore.ops`` names them.

A facade: every name is defined in ``mindgrad.primitives`` (the
operations) or ``mindgrad.autodiff`` (the transforms) and re-exported
here, so learner code reads ``ops.matmul(x, w)`` as in MindSpore.

>>> print(ops.matmul(ops.ones((1, 2)), ops.ones((2, 1))))
[[2.]]
"""
from .autodiff import GradOperation, grad, value_and_grad, vjp
from .primitives.elementwise import (
    abs, add, clamp, cos, div, eq, equal, exp, floor_divide, fmod, ge, greater,
    greater_equal, gt, le, less, less_equal, log, logical_and, logical_not,
    logical_or, logical_xor, lt, maximum, minimum, mul, ne, neg, not_equal,
    pow, relu, remainder, sigmoid, sign, sin, softplus, sqrt, square, sub,
    tanh, where)
from .primitives.classes import (Abs, Assign, Concat, Cos, MatMul, OnesLike,
                                 ReduceMean, ReduceSum, Sin, Stack, Zeros,
                                 arange, select)
from .primitives.creation import (cast, fill, full, ones, ones_like, zeros,
                                  zeros_like)
from .primitives.functional import (
    binary_cross_entropy_with_logits, cross_entropy, depend, dropout,
    l1_loss, log_softmax, mse_loss, one_hot, softmax, stop_gradient)
from .primitives.linalg import matmul
from .primitives.reduction import argmax, argmin, max, mean, min, sum
from .primitives.shape import (cat, concat, expand_dims, flatten, reshape,
                               squeeze, stack, transpose, unsqueeze)

clip = clamp
floor_mod = remainder
multiply, subtract, divide, negative = mul, sub, div, neg
