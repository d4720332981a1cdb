"""Elementwise primitives with their VJPs, and the public functions on top.

Each primitive's rule sits right under its forward, one line of math each.
The public functions (``ops.exp``, ``ops.add`` ...) check their arguments
and apply MindSpore's dtype promotion, then call the primitive.
"""
import numpy as np

from .. import dtype as mstype
from ..tensor import Tensor
from .core import cast, primitive

# --- arithmetic -------------------------------------------------------------


@primitive
def _add(x, y):
    return x + y


_add.defvjp(lambda x, y, out, dout: dout,          # d(x+y) = dx + dy
            lambda x, y, out, dout: dout)


@primitive
def _sub(x, y):
    return x - y


_sub.defvjp(lambda x, y, out, dout: dout,          # d(x-y) = dx - dy
            lambda x, y, out, dout: -dout)


@primitive
def _mul(x, y):
    return x * y


_mul.defvjp(lambda x, y, out, dout: dout * y,      # d(xy) = y dx + x dy
            lambda x, y, out, dout: dout * x)


@primitive
def _div(x, y):
    return x / y


_div.defvjp(lambda x, y, out, dout: dout / y,      # d(x/y) = dx/y - out dy/y
            lambda x, y, out, dout: -dout * out / y)


@primitive
def _neg(x):
    return -x


_neg.defvjp(lambda x, out, dout: -dout)


@primitive
def _pow(x, y):
    return x ** y


_pow.defvjp(                          # d(x^y) = y x^(y-1) dx + out ln x dy
    lambda x, y, out, dout: dout * y * x ** (y - 1),
    lambda x, y, out, dout: dout * out * _log(_where(x > 0, x, 1)))


@primitive
def _mod(x, y):
    return np.mod(x, y)


_mod.defvjp(lambda x, y, out, dout: dout,   # x mod y = x - y floor(x/y)
            lambda x, y, out, dout: -dout * _floor_divide(x, y))


@primitive
def _fmod(x, y):
    return np.fmod(x, y)


_fmod.defvjp(lambda x, y, out, dout: dout,  # fmod(x, y) = x - y trunc(x/y)
             lambda x, y, out, dout: -dout * _trunc_divide(x, y))


@primitive(differentiable=False)
def _trunc_divide(x, y):
    return np.trunc(x / y)


@primitive(differentiable=False)            # piecewise constant: slope 0
def _floor_divide(x, y):
    return np.floor_divide(x, y)


# --- functions of one variable ----------------------------------------------


@primitive
def _exp(x):
    return np.exp(x)


_exp.defvjp(lambda x, out, dout: dout * out)              # (e^x)' = e^x


@primitive
def _log(x):
    return np.log(x)


_log.defvjp(lambda x, out, dout: dout / x)                # (ln x)' = 1/x


@primitive
def _sqrt(x):
    return np.sqrt(x)


_sqrt.defvjp(lambda x, out, dout: dout * 0.5 / out)      # (√x)' = 1/(2√x)


@primitive
def _tanh(x):
    return np.tanh(x)


_tanh.defvjp(lambda x, out, dout: dout * (1 - out * out))  # 1 - tanh²


@primitive
def _sigmoid(x):
    # exp(-|x|) never overflows: σ(x) = 1/(1+e^-x) = e^x/(1+e^x)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z)).astype(x.dtype)


_sigmoid.defvjp(lambda x, out, dout: dout * out * (1 - out))  # σ(1-σ)


@primitive
def _softplus(x):
    # log(1 + e^x) = max(x, 0) + log1p(e^-|x|), stable for any x
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


_softplus.defvjp(lambda x, out, dout: dout * _sigmoid(x))


@primitive
def _sin(x):
    return np.sin(x)


_sin.defvjp(lambda x, out, dout: dout * _cos(x))


@primitive
def _cos(x):
    return np.cos(x)


_cos.defvjp(lambda x, out, dout: -dout * _sin(x))


@primitive
def _abs(x):
    return np.abs(x)


_abs.defvjp(lambda x, out, dout: dout * _sign(x))  # |x|' = sign(x), 0 at 0


@primitive
def _relu(x):
    """relu(x) = max(x, 0); its derivative at 0 is taken as 0."""
    return np.maximum(x, 0)


# out > 0 exactly where x > 0; out is the array the next layer's rule
# reads too, while x (the pre-activation) is read by nothing else
_relu.defvjp(lambda x, out, dout: dout * (out > 0))


@primitive
def _maximum(x, y):
    return np.maximum(x, y)


_maximum.defvjp(lambda x, y, out, dout: dout * _share(x, y),
                lambda x, y, out, dout: dout * _share(y, x))


@primitive
def _minimum(x, y):
    return np.minimum(x, y)


_minimum.defvjp(lambda x, y, out, dout: dout * _share(y, x),
                lambda x, y, out, dout: dout * _share(x, y))


@primitive
def _where(condition, x, y):
    return np.where(condition, x, y)


_where.defvjp(None,
              lambda c, x, y, out, dout: _where(c, dout, 0),
              lambda c, x, y, out, dout: _where(c, 0, dout))


@primitive
def _clip(x, low, high):
    return np.clip(x, low, high)


_clip.defvjp(lambda x, out, dout, low, high: dout * _inside(x, low, high))


# --- zero-gradient helpers used by the rules above --------------------------


@primitive(differentiable=False)
def _sign(x):
    return np.sign(x)


@primitive(differentiable=False)
def _share(x, y):
    """1 where x wins, 1/2 on a tie (both share the gradient), else 0."""
    weight = (x > y) + 0.5 * (x == y)
    return weight.astype(np.result_type(x, np.float32))


@primitive(differentiable=False)
def _inside(x, low, high):
    low = -np.inf if low is None else low
    high = np.inf if high is None else high
    return ((x >= low) & (x <= high)).astype(x.dtype)


def _compare(ufunc):
    return primitive(differentiable=False)(
        lambda x, y: ufunc(x, y))


# --- promotion and the public functions -------------------------------------


_SCALARS = (bool, int, float, np.bool_, np.integer, np.floating)


def _as_tensor(x, name):
    if isinstance(x, Tensor):
        return x
    if isinstance(x, np.ndarray):
        raise TypeError(f"{name}: got a NumPy array; wrap it as "
                        f"Tensor(array, mindgrad.float32)")
    if isinstance(x, (list, tuple)):
        return Tensor(x)
    raise TypeError(f"{name}: expected a Tensor, got {type(x).__name__}")


def promoted(x, y, name, floats=False):
    """Return x, y converted to the dtype MindSpore gives ``x (op) y``.

    A Python scalar stays a scalar (NumPy keeps the Tensor's dtype for
    it); with ``floats`` an int or bool result becomes Float32 (true
    division).
    """
    scalar = isinstance(y, _SCALARS)
    if scalar:
        target = mstype.promote_scalar(x.dtype, y)
    elif isinstance(y, (list, tuple)):    # a list promotes like a scalar
        y = Tensor(y)
        target = mstype.promote_scalar(x.dtype, y._data.flat[0].item() if
                                       y.size else 0.0)
    else:
        y = _as_tensor(y, name)
        target = mstype.promote(x.dtype, y.dtype)
    if floats and not target.is_float:
        target = mstype.float32
    if scalar:    # a NumPy scalar of the result type: NumPy 1.x would widen
        y = target.nptype(y)      # a bare Python number next to a 0-d array
    if x._data.dtype != target.nptype:
        x = cast(x, nptype=target.nptype)
    if isinstance(y, Tensor) and y._data.dtype != target.nptype:
        y = cast(y, nptype=target.nptype)
    return x, y


def _binary(prim, name, floats=False, lists=False):
    """ops.<name>: Tensors and numbers, as MindSpore's functions take;
    ``lists=True`` also takes lists and tuples, as its + - // do."""
    def op(input, other):
        try:
            if isinstance(input, Tensor):
                dtype = input._data.dtype     # fast paths: nothing to promote
                if type(other) is float and dtype.kind == "f":
                    return prim(input, dtype.type(other))
                if isinstance(other, Tensor) and other._data.dtype == \
                        dtype and dtype.kind == "f":
                    return prim(input, other)
                if not lists:
                    _refuse_sequence(other, name)
                return prim(*promoted(input, other, name, floats))
            if not lists:
                _refuse_sequence(input, name)
            other, input = promoted(_as_tensor(other, name), input, name,
                                    floats)
            return prim(input, other)
        except ValueError:
            _check_broadcast(input, other, name)
            raise
    op.__name__ = name
    op.__doc__ = f"Elementwise ``{name}`` with broadcasting and MindSpore's "\
                 f"dtype promotion (see lesson 00)."
    return op


def _refuse_sequence(value, name):
    if isinstance(value, (list, tuple)):
        raise TypeError(f"{name}: got a {type(value).__name__}; MindSpore "
                        f"takes a Tensor or a number here, so wrap it: "
                        f"Tensor({list(value)!r})")


def _check_broadcast(x, y, name):
    """Replace NumPy's broadcasting message by one that says the fix."""
    shapes = [tuple(np.shape(v._data if isinstance(v, Tensor) else v))
              for v in (x, y)]
    try:
        np.broadcast_shapes(*shapes)
    except ValueError:
        raise ValueError(
            f"{name}: shapes {shapes[0]} and {shapes[1]} do not broadcast. "
            f"Align them on the right: each pair of sizes must be equal or "
            f"one of them 1; reshape an operand, e.g. x.reshape(...) to "
            f"add a size-1 axis") from None


def _reflected(op):
    return lambda self, other: op(other, self)


add = _binary(_add, "add")
sub = _binary(_sub, "sub")
mul = _binary(_mul, "mul")
div = _binary(_div, "div", floats=True)
pow = _binary(_pow, "pow")
floor_divide = _binary(_floor_divide, "floor_divide")
remainder = _binary(_mod, "remainder")     # floor mod, like Python's %
fmod = _binary(_fmod, "fmod")              # C's fmod: the sign of x
maximum = _binary(_maximum, "maximum")
minimum = _binary(_minimum, "minimum")
less = _binary(_compare(np.less), "less")
less_equal = _binary(_compare(np.less_equal), "less_equal")
greater = _binary(_compare(np.greater), "greater")
greater_equal = _binary(_compare(np.greater_equal), "greater_equal")
equal = _binary(_compare(np.equal), "equal")
not_equal = _binary(_compare(np.not_equal), "not_equal")
logical_and = _binary(_compare(np.logical_and), "logical_and")
logical_or = _binary(_compare(np.logical_or), "logical_or")
logical_xor = _binary(_compare(np.logical_xor), "logical_xor")
logical_not = primitive(differentiable=False)(np.logical_not)
gt, ge, lt, le, eq, ne = greater, greater_equal, less, less_equal, equal, \
    not_equal


def _unary(prim, name, floats_only=True):
    def op(input):
        input = _as_tensor(input, name)
        if floats_only and not input.dtype.is_float:
            raise TypeError(f"ops.{name}: the input has dtype {input.dtype}, "
                            f"but {name} needs a float Tensor; use "
                            f"input.astype(mindgrad.float32)")
        return prim(input)
    op.__name__ = name
    op.__doc__ = f"Elementwise ``{name}`` of a Tensor (see lesson 01)."
    return op


exp = _unary(_exp, "exp")
log = _unary(_log, "log")
sqrt = _unary(_sqrt, "sqrt")
tanh = _unary(_tanh, "tanh")
sigmoid = _unary(_sigmoid, "sigmoid")
softplus = _unary(_softplus, "softplus")
sin = _unary(_sin, "sin")
cos = _unary(_cos, "cos")
abs = _unary(_abs, "abs", floats_only=False)
neg = _unary(_neg, "neg", floats_only=False)
relu = _unary(_relu, "relu", floats_only=False)
sign = _unary(_sign, "sign", floats_only=False)


def square(input):
    """x², computed as x * x (a fan-out: both factors are the same node).

    >>> print(ops.square(Tensor([3.0])))
    [9.]
    """
    return mul(input, input)


def where(condition, input, other):
    """Pick ``input`` where ``condition`` is True, else ``other``.

    >>> print(ops.where(Tensor([True, False]), Tensor([1., 2.]), 0.0))
    [1. 0.]
    """
    _refuse_sequence(condition, "where")
    condition = _as_tensor(condition, "where")
    if condition.dtype is not mstype.bool_:
        raise TypeError(f"where: condition must be a Bool Tensor, got "
                        f"{condition.dtype}; compare first, e.g. x > 0")
    if not isinstance(input, Tensor):
        other, input = promoted(_as_tensor(other, "where"), input, "where")
    else:
        input, other = promoted(input, other, "where")
    return _where(condition, input, other)


def clamp(input, min=None, max=None):
    """Limit every element to [min, max]; the gradient is 1 inside, 0 out.

    >>> print(ops.clamp(Tensor([-2., 0.5, 3.]), -1.0, 1.0))
    [-1.   0.5  1. ]
    """
    input = _as_tensor(input, "clamp")
    if min is None and max is None:
        raise ValueError("clamp: give min, max or both")
    low = min._data if isinstance(min, Tensor) else min
    high = max._data if isinstance(max, Tensor) else max
    return _clip(input, low=low, high=high)
