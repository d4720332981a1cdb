"""The op catalogue: one row per primitive, read by tests/test_op_catalogue.py.

A row names a function of Tensors (the public one, or a lambda that fixes
its static arguments), the NumPy function it must agree with, and where to
draw its inputs so that no kink or pole lies near them. Three tests read
every row: the forward pass against NumPy, the VJP against central
differences, and coverage (every primitive has a row). No op gets a
hand-written test of its own (style.md section 6).

A row is *the row of* a primitive when its name is the primitive's name
(``Primitive.name``, e.g. ``"log"`` for ``_log``), alone or followed by a
variant in parentheses: ``"sum (dim=1)"``. Rows for composites (losses,
``ops.square``, fan-out) have names no primitive has.

Values at kinks (relu at 0, ties in max) are not checked by differences;
``SPECIAL_POINTS`` at the end of this file lists them with documented
values.
"""
import dataclasses
from typing import Callable, Optional, Tuple, Union

import numpy as np

import mindgrad as ms
from mindgrad import Tensor, ops
from mindgrad.primitives.core import broadcast_to, sum_to
from mindgrad.primitives.softmax import _softmax_minus_onehot
from mindgrad.primitives.linalg import _dense
from mindgrad.primitives.shape import _scatter_add

# Shapes of the inputs for each kind of row. "broadcasting" exercises both
# ways of broadcasting at once: (2, 1, 3) and (4, 1) give (2, 4, 3), so
# the second input loses a leading axis and each input has a size-1 axis
# that is stretched.
SHAPE_KINDS = {
    "elementwise": lambda arity: ((2, 3),) * arity,
    "broadcasting": lambda arity: ((2, 1, 3), (4, 1)),
    "reduction": lambda arity: ((2, 3, 4),) * arity,
    "matrix": lambda arity: ((2, 3), (3, 4)),
}

# Inputs never come closer than this to a kink (kinks=...) of their row:
# the finite-difference step is about 1e-6, so 0.1 leaves a wide margin.
KINK_MARGIN = 0.1


@dataclasses.dataclass
class Op:
    """One row of the catalogue.

    Args:
        name: the primitive's name, optionally with a variant in
            parentheses; or any other name for a composite.
        fn: a function of ``arity`` Tensors.
        reference: the same function on NumPy float64 arrays.
        arity: how many Tensors ``fn`` takes.
        domain: (low, high) for every input, or one pair per input.
        shapes: a key of ``SHAPE_KINDS`` or one explicit shape per input.
        kinks: values no input may come near (relu's 0, clamp's bounds).
        inputs: ``inputs(rng)`` returning the input arrays, when a
            uniform draw will not do (ties to avoid, int labels, bools).
            Float arrays are converted to the dtype under test.
        differentiable: False for rows checked in the forward pass only.
        dtype: the output's dtype; "same" means the float dtype of the
            inputs (float32 stays float32, as in MindSpore).
        float64: False when MindSpore rejects float64 inputs (the forward
            test then expects its TypeError).
        grad_options: keyword arguments for ``testing.check_grads``.
    """

    name: str
    fn: Callable
    reference: Callable
    arity: int = 1
    domain: Tuple = (-2.0, 2.0)
    shapes: Union[str, Tuple] = "elementwise"
    kinks: Tuple = ()
    inputs: Optional[Callable] = None
    differentiable: bool = True
    dtype: str = "same"
    float64: bool = True
    grad_options: dict = dataclasses.field(default_factory=dict)

    @property
    def primitive_name(self):
        """The name before any parenthesised variant: "sum (dim=1)" ->
        "sum"."""
        return self.name.split(" (")[0]

    def arrays(self, seed=0):
        """The row's inputs as NumPy arrays (floats in float64)."""
        rng = np.random.default_rng(seed)
        if self.inputs is not None:
            return [np.asarray(a) for a in self.inputs(rng)]
        shapes = (SHAPE_KINDS[self.shapes](self.arity)
                  if isinstance(self.shapes, str) else self.shapes)
        domains = (self.domain if isinstance(self.domain[0], tuple)
                   else (self.domain,) * self.arity)
        return [_uniform(rng, shape, domain, self.kinks)
                for shape, domain in zip(shapes, domains)]

    def tensors(self, dtype=np.float64, seed=0):
        """The row's inputs as Tensors, float ones in ``dtype``."""
        return [Tensor(a.astype(dtype) if a.dtype.kind == "f" else a)
                for a in self.arrays(seed)]


def _uniform(rng, shape, domain, kinks):
    """Uniform draws in ``domain``, redrawn where they sit near a kink."""
    values = rng.uniform(*domain, size=shape)
    for _ in range(100):
        near = np.zeros(shape, bool)
        for kink in kinks:
            near |= np.abs(values - kink) < KINK_MARGIN
        if not near.any():
            return values
        values[near] = rng.uniform(*domain, size=int(near.sum()))
    raise ValueError(f"domain {domain} leaves no room between kinks {kinks}")


def _apart(*shapes, margin=0.2):
    """Inputs whose broadcast pairs differ by at least ``margin``: ties in
    maximum, minimum and |x - y| are kinks."""
    def draw(rng):
        while True:
            values = [rng.uniform(-2.0, 2.0, size=s) for s in shapes]
            if np.all(np.abs(values[0] - values[1]) >= margin):
                return values
    return draw


def _quotient_away_from_integers(*shapes):
    """x / y at least 0.1 away from every integer, where mod and fmod
    jump; for broadcast shapes, every pair that meets."""
    def draw(rng):
        while True:
            x = rng.uniform(-4.0, 4.0, size=shapes[0])
            y = rng.uniform(0.5, 2.0, size=shapes[1]) * rng.choice(
                [-1, 1], shapes[1])
            fraction = np.mod(x / y, 1.0)
            if np.all((fraction > 0.1) & (fraction < 0.9)):
                return [x, y]
    return draw


def _halves(*shapes):
    """Multiples of 1/2: many exact ties, for comparisons and sign."""
    return lambda rng: [rng.integers(-4, 5, size=s) / 2.0 for s in shapes]


def _bools(*shapes):
    return lambda rng: [rng.random(s) > 0.5 for s in shapes]


# --- references for the composite rows ---------------------------------------


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


def _log_softmax(x, axis=-1):
    return np.log(_softmax(x, axis))


def _reduce(loss, reduction):
    return {"mean": np.mean, "sum": np.sum}.get(reduction, np.asarray)(loss)


def _nll(x, labels, weight=None, ignore_index=-100, reduction="mean",
         smoothing=0.0):
    """Cross-entropy on class indices, classes on axis 1 (0 for 1-D).

    As MindSpore 2.10 computes it (checked with weight, ignore_index and
    every reduction): sample i loses
    (1 - ε) w[y_i] (-log p_{y_i}) + ε/C Σ_c w_c (-log p_c), so smoothing
    weighs each class by its own weight, not by w[y_i]; an ignored sample
    loses nothing, and 'mean' divides by Σ w[y_i] over the kept samples.
    """
    axis = 1 if x.ndim > 1 else 0
    classes = x.shape[axis]
    log_p = _log_softmax(x, axis)
    w = np.ones(classes) if weight is None else weight
    kept = labels != ignore_index
    safe = np.where(kept, labels, 0)
    picked = np.squeeze(np.take_along_axis(
        log_p, np.expand_dims(safe, axis), axis), axis)
    w_class = w.reshape((classes,) + (1,) * (x.ndim - axis - 1))
    loss = kept * (-(1 - smoothing) * w[safe] * picked
                   - smoothing / classes * np.sum(w_class * log_p, axis))
    if reduction == "mean":
        return np.sum(loss) / np.sum(kept * w[safe])
    return _reduce(loss, reduction)


def _soft_ce(x, target, weight=None, reduction="mean", smoothing=0.0):
    """Cross-entropy on class probabilities: 'mean' divides by N."""
    classes = x.shape[1]
    target = target * (1 - smoothing) + smoothing / classes
    w = 1.0 if weight is None else weight
    return _reduce(-np.sum(w * target * _log_softmax(x, 1), 1), reduction)


def _bce(x, y, weight=None, pos_weight=None, reduction="mean"):
    """-w [pw y log σ(x) + (1 - y) log(1 - σ(x))], written plainly."""
    p = 1 / (1 + np.exp(-x))
    pw = 1.0 if pos_weight is None else pos_weight
    w = 1.0 if weight is None else weight
    return _reduce(-w * (pw * y * np.log(p) + (1 - y) * np.log(1 - p)),
                   reduction)


def _scatter(d, shape, index):
    result = np.zeros(shape)
    np.add.at(result, index, d)
    return result


def _broadcast_sum(x, shape):
    """NumPy's own sum_to: sum over axes that broadcasting would add."""
    lead = x.ndim - len(shape)
    x = x.sum(tuple(range(lead)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1)
    return x.sum(axes, keepdims=True)


def _one_hot(indices, depth):
    return np.eye(depth, dtype=np.int64)[indices]


# --- constants the rows close over (fixed, so never differentiated) ----------

_FIXED = np.random.default_rng(20240601)
CONDITION = _FIXED.random((2, 3)) > 0.5
MASK = _FIXED.random((4, 3)) > 0.5
LABELS = np.array([0, 2, 1, 2])
IGNORED = np.array([0, -100, 1, 2])                 # default ignore_index
WEIGHT = np.array([0.5, 2.0, 1.0])
PIXEL_LABELS = np.array([[0, 2, 1, 1], [2, 2, 0, 1]])   # (N, d) for (N, C, d)
BCE_WEIGHT = np.array([1.0, 2.0, 0.5])
POS_WEIGHT = np.array([3.0, 1.0, 2.0])


def _probabilities(rng):
    """Logits (4, 3) and class probabilities (4, 3), both differentiated."""
    target = rng.uniform(0.1, 1.0, size=(4, 3))
    return [rng.uniform(-2.0, 2.0, size=(4, 3)),
            target / target.sum(1, keepdims=True)]


def _logits_and_targets(rng):
    return [rng.uniform(-3.0, 3.0, size=(2, 3)),
            rng.uniform(0.0, 1.0, size=(2, 3))]


def _ce(**options):
    """A cross_entropy row's fn and reference on the class labels LABELS,
    int32 as nn.CrossEntropyLoss requires."""
    labels = options.pop("labels", LABELS)
    weight = options.pop("weight", None)

    def fn(x):
        w = None if weight is None else Tensor(weight, x.dtype)
        return ops.cross_entropy(x, Tensor(labels, ms.int32), weight=w,
                                 **options)

    def reference(x):
        return _nll(x, labels, weight=weight,
                    ignore_index=options.get("ignore_index", -100),
                    reduction=options.get("reduction", "mean"),
                    smoothing=options.get("label_smoothing", 0.0))
    return fn, reference


def _bce_row(name, **options):
    weight = options.get("weight")
    pos_weight = options.get("pos_weight")

    def fn(x, y):
        extra = {k: Tensor(v, x.dtype) if isinstance(v, np.ndarray) else v
                 for k, v in options.items()}
        return ops.binary_cross_entropy_with_logits(x, y, **extra)

    def reference(x, y):
        return _bce(x, y, weight, pos_weight,
                    options.get("reduction", "mean"))
    # MindSpore accepts float16 and float32 logits only (api.md 6.1)
    return Op(f"binary_cross_entropy_with_logits ({name})", fn, reference,
              arity=2, inputs=_logits_and_targets, float64=False)


def _double_exp(x):
    y = ops.exp(x)           # y has two consumers: both paths must add
    return y * y + y


def _pixel_ce(x):
    return ops.cross_entropy(x, Tensor(PIXEL_LABELS, ms.int32))


ROWS = [
    # --- elementwise, one input ----------------------------------------------
    Op("neg", ops.neg, np.negative),
    Op("neg (-x)", lambda x: -x, np.negative),
    Op("exp", ops.exp, np.exp),
    Op("log", ops.log, np.log, domain=(0.1, 5.0)),
    Op("sqrt", ops.sqrt, np.sqrt, domain=(0.1, 5.0)),
    Op("tanh", ops.tanh, np.tanh, domain=(-3.0, 3.0)),
    Op("sigmoid", ops.sigmoid, lambda x: 1 / (1 + np.exp(-x)),
       domain=(-3.0, 3.0)),
    Op("softplus", ops.softplus, lambda x: np.log1p(np.exp(x)),
       domain=(-3.0, 3.0)),
    Op("sin", ops.sin, np.sin, domain=(-3.0, 3.0)),
    Op("cos", ops.cos, np.cos, domain=(-3.0, 3.0)),
    Op("abs", ops.abs, np.abs, kinks=(0.0,)),
    Op("abs (abs(x))", abs, np.abs, kinks=(0.0,)),
    Op("relu", ops.relu, lambda x: np.maximum(x, 0), kinks=(0.0,)),
    Op("clip (ops.clamp)", lambda x: ops.clamp(x, -1.0, 1.0),
       lambda x: np.clip(x, -1, 1), kinks=(-1.0, 1.0)),
    Op("clip (ops.clip, min only)", lambda x: ops.clip(x, min=-0.5),
       lambda x: np.maximum(x, -0.5), kinks=(-0.5,)),
    Op("clip (Tensor.clamp, max only)", lambda x: x.clamp(max=0.5),
       lambda x: np.minimum(x, 0.5), kinks=(0.5,)),
    Op("pow (x ** 3)", lambda x: x ** 3, lambda x: x ** 3),
    Op("pow (2 ** x)", lambda x: 2.0 ** x, lambda x: 2.0 ** x),
    Op("add (x + 1)", lambda x: x + 1, lambda x: x + 1),
    Op("sub (1 - x)", lambda x: 1.0 - x, lambda x: 1 - x),
    Op("mul (2.5 * x)", lambda x: 2.5 * x, lambda x: 2.5 * x),
    Op("div (2 / x)", lambda x: 2.0 / x, lambda x: 2 / x, kinks=(0.0,)),
    # a 0-d Tensor with a Python number keeps the Tensor's dtype (api.md
    # 3.4); NumPy 1.x promotes 0-d float32 * int to float64 unless told
    Op("mul (0-d x * 2)", lambda x: x * 2, lambda x: x * 2, shapes=((),)),
    Op("add (0-d x + 1.5)", lambda x: x + 1.5, lambda x: x + 1.5,
       shapes=((),)),
    Op("div (0-d x / 4)", lambda x: x / 4, lambda x: x / 4, shapes=((),)),
    Op("mul (0-d int32 * 2)", lambda n: n * 2, lambda n: n * 2,
       inputs=lambda rng: [np.array(3, np.int32)], differentiable=False,
       dtype="int32"),
    # --- elementwise, two inputs ---------------------------------------------
    Op("add", ops.add, np.add, arity=2),
    Op("sub", ops.sub, np.subtract, arity=2),
    Op("mul", ops.mul, np.multiply, arity=2),
    Op("div", ops.div, np.divide, arity=2, kinks=(0.0,)),
    Op("pow", ops.pow, np.power, arity=2, domain=((0.5, 2.0), (-2.0, 2.0))),
    Op("mod (x % y)", lambda x, y: x % y, np.mod, arity=2,
       inputs=_quotient_away_from_integers((2, 3), (2, 3))),
    # MindSpore's ops.fmod truncates like C's fmod: fmod(-3.5, 2) = -1.5,
    # whereas x % y floors: -3.5 % 2 = 0.5 (checked on MindSpore 2.10)
    Op("fmod", ops.fmod, np.fmod, arity=2,
       inputs=_quotient_away_from_integers((2, 3), (2, 3))),
    Op("maximum", ops.maximum, np.maximum, arity=2,
       inputs=_apart((2, 3), (2, 3))),
    Op("minimum", ops.minimum, np.minimum, arity=2,
       inputs=_apart((2, 3), (2, 3))),
    Op("where", lambda x, y: ops.where(Tensor(CONDITION), x, y),
       lambda x, y: np.where(CONDITION, x, y), arity=2),
    Op("where (a Python number as other)",
       lambda x: ops.where(Tensor(CONDITION), x, 0.5),
       lambda x: np.where(CONDITION, x, 0.5)),
    # --- broadcasting, two inputs --------------------------------------------
    Op("add (broadcast)", ops.add, np.add, arity=2, shapes="broadcasting"),
    Op("sub (broadcast)", lambda x, y: x - y, np.subtract, arity=2,
       shapes="broadcasting"),
    Op("mul (broadcast)", lambda x, y: x * y, np.multiply, arity=2,
       shapes="broadcasting"),
    Op("div (broadcast)", lambda x, y: x / y, np.divide, arity=2,
       shapes="broadcasting", kinks=(0.0,)),
    Op("pow (broadcast)", lambda x, y: x ** y, np.power, arity=2,
       shapes="broadcasting", domain=((0.5, 2.0), (-2.0, 2.0))),
    Op("mod (broadcast)", lambda x, y: x % y, np.mod, arity=2,
       inputs=_quotient_away_from_integers((2, 1, 3), (4, 1))),
    Op("maximum (broadcast)", ops.maximum, np.maximum, arity=2,
       inputs=_apart((2, 1, 3), (4, 1))),
    Op("minimum (broadcast)", ops.minimum, np.minimum, arity=2,
       inputs=_apart((2, 1, 3), (4, 1))),
    Op("where (broadcast)",
       lambda x, y: ops.where(Tensor(CONDITION[:, None, :]), x, y),
       lambda x, y: np.where(CONDITION[:, None, :], x, y), arity=2,
       shapes="broadcasting"),
    # --- fan-out: one node reaching the output along several paths -----------
    Op("square", ops.square, np.square),
    Op("x * x (fan-out)", lambda x: x * x, np.square),
    Op("x + x (fan-out)", lambda x: x + x, lambda x: 2 * x),
    Op("exp(x) used twice (fan-out)", _double_exp,
       lambda x: np.exp(2 * x) + np.exp(x)),
    Op("concat of x with itself (fan-out)", lambda x: ops.concat((x, x)),
       lambda x: np.concatenate((x, x))),
    # --- reductions ----------------------------------------------------------
    Op("sum", ops.sum, np.sum, shapes="reduction"),
    Op("sum (dim=1)", lambda x: ops.sum(x, dim=1),
       lambda x: np.sum(x, axis=1), shapes="reduction"),
    Op("sum (dim=(0, 2), keepdim)", lambda x: ops.sum(x, (0, 2), True),
       lambda x: np.sum(x, (0, 2), keepdims=True), shapes="reduction"),
    Op("sum (Tensor.sum, axis=-1)", lambda x: x.sum(axis=-1),
       lambda x: np.sum(x, -1), shapes="reduction"),
    Op("sum (dtype=float64)", lambda x: ops.sum(x, 1, dtype=ms.float64),
       lambda x: np.sum(x, 1), shapes="reduction", dtype="float64"),
    Op("mean", ops.mean, np.mean, shapes="reduction"),
    Op("mean (axis=1)", lambda x: ops.mean(x, axis=1),
       lambda x: np.mean(x, 1), shapes="reduction"),
    Op("mean (axis=(0, 2), keep_dims)",
       lambda x: ops.mean(x, (0, 2), keep_dims=True),
       lambda x: np.mean(x, (0, 2), keepdims=True), shapes="reduction"),
    Op("max (values)", lambda x: ops.max(x)[0], np.max, shapes="reduction"),
    Op("max (values, axis=1)", lambda x: ops.max(x, axis=1)[0],
       lambda x: np.max(x, 1), shapes="reduction"),
    Op("max (values, axis=-1, keepdims)",
       lambda x: ops.max(x, -1, keepdims=True)[0],
       lambda x: np.max(x, -1, keepdims=True), shapes="reduction"),
    Op("max (Tensor.max, axis=0)", lambda x: x.max(axis=0),
       lambda x: np.max(x, 0), shapes="reduction"),
    Op("min (values)", lambda x: ops.min(x)[0], np.min, shapes="reduction"),
    Op("min (values, axis=2)", lambda x: ops.min(x, axis=2)[0],
       lambda x: np.min(x, 2), shapes="reduction"),
    Op("var (Tensor.var, axis=1)", lambda x: x.var(axis=1),
       lambda x: np.var(x, 1), shapes="reduction"),
    Op("std (Tensor.std)", lambda x: x.std(), np.std, shapes="reduction"),
    # --- shape ---------------------------------------------------------------
    Op("reshape", lambda x: ops.reshape(x, (3, 2)),
       lambda x: np.reshape(x, (3, 2))),
    Op("reshape (Tensor.reshape, -1)", lambda x: x.reshape(-1, 4),
       lambda x: np.reshape(x, (-1, 4)), shapes="reduction"),
    Op("reshape (ops.flatten)", ops.flatten,
       lambda x: np.reshape(x, (2, 12)), shapes="reduction"),
    Op("reshape (Tensor.flatten)", lambda x: x.flatten(),
       lambda x: np.reshape(x, -1), shapes="reduction"),
    Op("reshape (ops.unsqueeze)", lambda x: ops.unsqueeze(x, -1),
       lambda x: x[..., None]),
    Op("reshape (ops.expand_dims, then squeeze)",
       lambda x: ops.squeeze(ops.expand_dims(x, 1) * 2, 1),
       lambda x: 2 * x),
    Op("transpose", lambda x: ops.transpose(x, (2, 0, 1)),
       lambda x: np.transpose(x, (2, 0, 1)), shapes="reduction"),
    Op("transpose (Tensor.T)", lambda x: x.T, np.transpose,
       shapes="reduction"),
    Op("transpose (swapaxes)", lambda x: x.swapaxes(0, 2),
       lambda x: np.swapaxes(x, 0, 2), shapes="reduction"),
    Op("getitem (int)", lambda x: x[1], lambda x: x[1], shapes=((4, 3),)),
    Op("getitem (slices)", lambda x: x[1:, ::2], lambda x: x[1:, ::2],
       shapes=((4, 3),)),
    Op("getitem (negative step)", lambda x: x[::-1], lambda x: x[::-1],
       shapes=((4, 3),)),
    Op("getitem (ellipsis, None)", lambda x: x[..., None, 1],
       lambda x: x[..., None, 1], shapes=((4, 3),)),
    Op("getitem (repeated int list)", lambda x: x[[0, 2, 0, 0]],
       lambda x: x[[0, 2, 0, 0]], shapes=((4, 3),)),
    Op("getitem (int Tensor)", lambda x: x[Tensor(np.array([3, 1, 3]))],
       lambda x: x[[3, 1, 3]], shapes=((4, 3),)),
    Op("getitem (repeated pairs)", lambda x: x[[0, 0, 3], [2, 2, 1]],
       lambda x: x[[0, 0, 3], [2, 2, 1]], shapes=((4, 3),)),
    Op("getitem (slice and list)", lambda x: x[1:, [2, 0, 2]],
       lambda x: x[1:, [2, 0, 2]], shapes=((4, 3),)),
    Op("getitem (bool mask)", lambda x: x[Tensor(MASK)],
       lambda x: x[MASK], shapes=((4, 3),)),
    # getitem's VJP; a primitive in its own right, so its own rule (a
    # getitem) is checked too, and second derivatives of indexing work
    Op("scatter_add (repeated rows)",
       lambda d: _scatter_add(d, shape=(4, 3), index=([0, 2, 0],)),
       lambda d: _scatter(d, (4, 3), ([0, 2, 0],)), shapes=((3, 3),)),
    Op("concat", lambda x, y: ops.concat((x, y), axis=1),
       lambda x, y: np.concatenate((x, y), 1), arity=2,
       shapes=((2, 3), (2, 2))),
    Op("concat (three, axis 0)", lambda x, y, z: ops.concat([x, y, z]),
       lambda x, y, z: np.concatenate((x, y, z)), arity=3,
       shapes=((1, 3), (2, 3), (3, 3))),
    Op("concat (ops.cat, axis=-1)", lambda x, y: ops.cat((x, y), -1),
       lambda x, y: np.concatenate((x, y), -1), arity=2,
       shapes=((2, 2, 1), (2, 2, 3))),
    Op("concat (ops.stack, axis=1)", lambda x, y: ops.stack([x, y], 1),
       lambda x, y: np.stack((x, y), 1), arity=2),
    Op("broadcast_to", lambda x: broadcast_to(x, shape=(4, 2, 3)),
       lambda x: np.broadcast_to(x, (4, 2, 3)), shapes=((2, 1),)),
    Op("sum_to", lambda x: sum_to(x, shape=(3, 1)),
       lambda x: _broadcast_sum(x, (3, 1)), shapes=((2, 3, 4),)),
    # --- matmul: every pairing of 1-D, 2-D and batched operands --------------
    Op("matmul", ops.matmul, np.matmul, arity=2, shapes="matrix"),
    Op("matmul (x @ y)", lambda x, y: x @ y, np.matmul, arity=2,
       shapes="matrix"),
    Op("matmul (1-D @ 1-D)", ops.matmul, np.matmul, arity=2,
       shapes=((3,), (3,))),
    Op("matmul (1-D @ 2-D)", ops.matmul, np.matmul, arity=2,
       shapes=((3,), (3, 4))),
    Op("matmul (2-D @ 1-D)", ops.matmul, np.matmul, arity=2,
       shapes=((2, 3), (3,))),
    Op("matmul (1-D @ batched)", ops.matmul, np.matmul, arity=2,
       shapes=((3,), (5, 3, 4))),
    Op("matmul (batched @ 1-D)", ops.matmul, np.matmul, arity=2,
       shapes=((5, 2, 3), (3,))),
    Op("matmul (batched @ 2-D)", ops.matmul, np.matmul, arity=2,
       shapes=((5, 2, 3), (3, 4))),
    Op("matmul (2-D @ batched)", ops.matmul, np.matmul, arity=2,
       shapes=((2, 3), (5, 3, 4))),
    Op("matmul (batched @ batched)", ops.matmul, np.matmul, arity=2,
       shapes=((5, 2, 3), (5, 3, 4))),
    Op("matmul (broadcast batches)", ops.matmul, np.matmul, arity=2,
       shapes=((5, 1, 2, 3), (4, 3, 2))),
    # --- nn.Dense's fused product (with and without a bias) ----------------
    Op("dense", _dense, lambda x, w, b: x @ w.T + b, arity=3,
       shapes=((4, 3), (2, 3), (2,))),
    Op("dense (no bias)", lambda x, w: _dense(x, w, None),
       lambda x, w: x @ w.T, arity=2, shapes=((4, 3), (2, 3))),
    # --- softmax and friends -------------------------------------------------
    Op("softmax", ops.softmax, _softmax),
    Op("softmax (axis=1 of 3-D)", lambda x: ops.softmax(x, axis=1),
       lambda x: _softmax(x, 1), shapes="reduction"),
    Op("softmax (Tensor.softmax, axis=0)", lambda x: x.softmax(0),
       lambda x: _softmax(x, 0)),
    Op("log_softmax", ops.log_softmax, _log_softmax),
    Op("log_softmax (axis=1 of 3-D)", lambda x: ops.log_softmax(x, 1),
       lambda x: _log_softmax(x, 1), shapes="reduction"),
    # the fused softmax cross-entropy on class indices
    Op("softmax_nll (ops.cross_entropy, int32 labels)", *_ce(),
       shapes=((4, 3),)),
    Op("softmax_nll (int64 labels)",
       lambda x: ops.cross_entropy(x, Tensor(LABELS)),
       lambda x: _nll(x, LABELS), shapes=((4, 3),)),
    Op("softmax_nll (reduction='sum')", *_ce(reduction="sum"),
       shapes=((4, 3),)),
    Op("softmax_nll (reduction='none')", *_ce(reduction="none"),
       shapes=((4, 3),)),
    Op("softmax_nll (weight)", *_ce(weight=WEIGHT), shapes=((4, 3),)),
    Op("softmax_nll (weight, reduction='sum')",
       *_ce(weight=WEIGHT, reduction="sum"), shapes=((4, 3),)),
    Op("softmax_nll (ignore_index=-100)", *_ce(labels=IGNORED),
       shapes=((4, 3),)),
    Op("softmax_nll (ignore_index=1, weight)",
       *_ce(ignore_index=1, weight=WEIGHT), shapes=((4, 3),)),
    Op("softmax_nll (label_smoothing=0.1)", *_ce(label_smoothing=0.1),
       shapes=((4, 3),)),
    Op("softmax_nll (label_smoothing, weight, reduction='none')",
       *_ce(label_smoothing=0.2, weight=WEIGHT, reduction="none"),
       shapes=((4, 3),)),
    Op("softmax_nll (label_smoothing, weight, ignore_index=1)",
       *_ce(label_smoothing=0.3, weight=WEIGHT, ignore_index=1),
       shapes=((4, 3),)),
    Op("softmax_nll ((N, C, d) logits)", _pixel_ce,
       lambda x: _nll(x, PIXEL_LABELS), shapes=((2, 3, 4),)),
    Op("softmax_nll (1-D logits, 0-d label)",
       lambda x: ops.cross_entropy(x, Tensor(np.array(1), ms.int32)),
       lambda x: _nll(x, np.array(1)), shapes=((3,),)),
    # the nll's gradient, a primitive so that the loss has a second order
    Op("softmax_minus_onehot", lambda x: _softmax_minus_onehot(
        x, LABELS, axis=1), lambda x: _softmax(x, 1) - np.eye(3)[LABELS],
       shapes=((4, 3),)),
    Op("softmax_minus_onehot ((N, C, d) logits)",
       lambda x: _softmax_minus_onehot(x, PIXEL_LABELS, axis=1),
       lambda x: _softmax(x, 1) - np.moveaxis(
           np.eye(3)[PIXEL_LABELS], -1, 1), shapes=((2, 3, 4),)),
    Op("cross_entropy (probabilities)", ops.cross_entropy, _soft_ce,
       arity=2, inputs=_probabilities),
    Op("cross_entropy (probabilities, weight, sum)",
       lambda x, y: ops.cross_entropy(x, y, Tensor(WEIGHT, x.dtype),
                                      reduction="sum"),
       lambda x, y: _soft_ce(x, y, WEIGHT, "sum"), arity=2,
       inputs=_probabilities),
    Op("cross_entropy (probabilities, label_smoothing, none)",
       lambda x, y: ops.cross_entropy(x, y, reduction="none",
                                      label_smoothing=0.1),
       lambda x, y: _soft_ce(x, y, reduction="none", smoothing=0.1),
       arity=2, inputs=_probabilities),
    # --- the other losses ----------------------------------------------------
    _bce_row("mean"),
    _bce_row("sum", reduction="sum"),
    _bce_row("none", reduction="none"),
    _bce_row("weight", weight=BCE_WEIGHT),
    _bce_row("pos_weight", pos_weight=POS_WEIGHT),
    _bce_row("weight, pos_weight, none", weight=BCE_WEIGHT,
             pos_weight=POS_WEIGHT, reduction="none"),
    Op("mse_loss", ops.mse_loss, lambda x, y: np.mean((x - y) ** 2),
       arity=2),
    Op("mse_loss (broadcast, sum)",
       lambda x, y: ops.mse_loss(x, y, reduction="sum"),
       lambda x, y: np.sum((x - y) ** 2), arity=2, shapes="broadcasting"),
    Op("mse_loss (none)", lambda x, y: ops.mse_loss(x, y, "none"),
       lambda x, y: (x - y) ** 2, arity=2),
    Op("l1_loss", ops.l1_loss, lambda x, y: np.mean(np.abs(x - y)),
       arity=2, inputs=_apart((2, 3), (2, 3))),
    Op("l1_loss (broadcast, sum)",
       lambda x, y: ops.l1_loss(x, y, reduction="sum"),
       lambda x, y: np.sum(np.abs(x - y)), arity=2,
       inputs=_apart((2, 1, 3), (4, 1))),
    Op("l1_loss (none)", lambda x, y: ops.l1_loss(x, y, "none"),
       lambda x, y: np.abs(x - y), arity=2, inputs=_apart((2, 3), (2, 3))),
    # --- casts ---------------------------------------------------------------
    # float32 keeps ~7 digits, so the difference step must be far larger
    # than float32 rounding: h = 1e-3 with rtol = 1e-3
    Op("cast (float64 -> float32 -> float64)",
       lambda x: ops.cast(ops.cast(x, ms.float32), ms.float64) * x,
       lambda x: x.astype(np.float32).astype(np.float64) * x,
       dtype="float64", grad_options={"h": 1e-3, "rtol": 1e-3}),
    Op("cast (Tensor.astype float32)", lambda x: x.astype(ms.float32),
       lambda x: x.astype(np.float32), dtype="float32",
       grad_options={"h": 1e-3, "rtol": 1e-3}),
    # --- forward only: zero or undefined gradients ---------------------------
    Op("stop (ops.stop_gradient)", ops.stop_gradient, lambda x: x,
       differentiable=False),
    Op("floor_divide", ops.floor_divide, np.floor_divide, arity=2,
       kinks=(0.0,), differentiable=False),
    Op("floor_divide (x // y)", lambda x, y: x // y, np.floor_divide,
       arity=2, kinks=(0.0,), differentiable=False),
    Op("sign", ops.sign, np.sign, inputs=_halves((2, 3)),
       differentiable=False),
    Op("argmax", lambda x: ops.argmax(x, dim=1),
       lambda x: np.argmax(x, 1), shapes="reduction", differentiable=False,
       dtype="int64"),
    Op("argmax (all axes)", ops.argmax, np.argmax, shapes="reduction",
       differentiable=False, dtype="int64"),
    # MindSpore 2.10: ops.argmin gives Int32, ops.argmax Int64
    Op("argmin", lambda x: ops.argmin(x, axis=2),
       lambda x: np.argmin(x, 2), shapes="reduction", differentiable=False,
       dtype="int32"),
    Op("argmin (Tensor.argmin)", lambda x: x.argmin(axis=0),
       lambda x: np.argmin(x, 0), shapes="reduction", differentiable=False,
       dtype="int32"),
    Op("argmax (ops.max indices, axis=1)", lambda x: ops.max(x, axis=1)[1],
       lambda x: np.argmax(x, 1), shapes="reduction", differentiable=False,
       dtype="int64"),
    Op("argmin (ops.min indices, axis=0)", lambda x: ops.min(x, axis=0)[1],
       lambda x: np.argmin(x, 0), shapes="reduction", differentiable=False,
       dtype="int64"),
    Op("one_hot", lambda i: ops.one_hot(i, 4), lambda i: _one_hot(i, 4),
       inputs=lambda rng: [rng.integers(0, 4, size=(5,))],
       differentiable=False, dtype="int64"),
    Op("less", ops.less, np.less, arity=2, inputs=_halves((2, 3), (2, 3)),
       differentiable=False, dtype="bool"),
    Op("less (x < y)", lambda x, y: x < y, np.less, arity=2,
       inputs=_halves((2, 1, 3), (4, 1)), differentiable=False,
       dtype="bool"),
    Op("less_equal", ops.le, np.less_equal, arity=2,
       inputs=_halves((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("greater", lambda x, y: x > y, np.greater, arity=2,
       inputs=_halves((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("greater_equal", ops.greater_equal, np.greater_equal, arity=2,
       inputs=_halves((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("equal", lambda x, y: x == y, np.equal, arity=2,
       inputs=_halves((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("not_equal", ops.ne, np.not_equal, arity=2,
       inputs=_halves((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("logical_and", ops.logical_and, np.logical_and, arity=2,
       inputs=_bools((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("logical_or", ops.logical_or, np.logical_or, arity=2,
       inputs=_bools((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("logical_xor", ops.logical_xor, np.logical_xor, arity=2,
       inputs=_bools((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("logical_not", ops.logical_not, np.logical_not,
       inputs=_bools((2, 3)), differentiable=False, dtype="bool"),
    Op("bitwise_and (a & b)", lambda a, b: a & b, np.logical_and, arity=2,
       inputs=_bools((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("bitwise_or (a | b)", lambda a, b: a | b, np.logical_or, arity=2,
       inputs=_bools((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("bitwise_xor (a ^ b)", lambda a, b: a ^ b, np.logical_xor, arity=2,
       inputs=_bools((2, 3), (2, 3)), differentiable=False, dtype="bool"),
    Op("invert (~a)", lambda a: ~a, np.logical_not, inputs=_bools((2, 3)),
       differentiable=False, dtype="bool"),
]


# --- special points: documented values where differences cannot decide -------


@dataclasses.dataclass
class Special:
    """A gradient at a kink, tie or boundary, with the value mindgrad
    documents for it.

    ``grad(fn, positions)(*inputs)`` must give ``expected`` (a tuple when
    ``positions`` is a tuple). Inputs are float32 Tensors.
    """

    name: str
    fn: Callable
    inputs: Tuple
    expected: object
    positions: Union[int, Tuple] = 0


SPECIAL_POINTS = [
    # relu'(0) = 0 (its docstring; MindSpore agrees)
    Special("relu'(0) = 0", ops.relu, ([-1.0, 0.0, 2.0],), [0.0, 0.0, 1.0]),
    # |x|' = sign(x), so 0 at 0 (MindSpore agrees)
    Special("abs'(0) = 0", ops.abs, ([-1.0, 0.0, 2.0],), [-1.0, 0.0, 1.0]),
    # a tie in maximum/minimum: each argument gets half (MindSpore agrees)
    Special("maximum tie shares 1/2 each", ops.maximum,
            ([1.0, 2.0], [1.0, 1.0]), ([0.5, 1.0], [0.5, 0.0]), (0, 1)),
    Special("minimum tie shares 1/2 each", ops.minimum,
            ([1.0, 2.0], [1.0, 1.0]), ([0.5, 0.0], [0.5, 1.0]), (0, 1)),
    # k tied maxima share the gradient equally (style.md 2, HIPS
    # balanced_eq); MindSpore agrees without an axis
    Special("max over ties splits equally", lambda x: ops.max(x)[0],
            ([1.0, 3.0, 3.0],), [0.0, 0.5, 0.5]),
    # with an axis MindSpore 2.10 gives all to the first maximum
    # ([0, 1, 0]); mindgrad shares equally everywhere (style.md 2)
    Special("max over ties along an axis splits equally",
            lambda x: ops.max(x, axis=1)[0],
            ([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]],),
            [[0.0, 0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]]),
    Special("min over ties splits equally", lambda x: ops.min(x)[0],
            ([1.0, 1.0, 3.0, 1.0],), [1 / 3, 1 / 3, 0.0, 1 / 3]),
    Special("Tensor.max over ties splits equally", lambda x: x.max(),
            ([2.0, 2.0],), [0.5, 0.5]),
    # clamp lets the gradient through on the boundary itself (as
    # MindSpore: [-1, 1] at the bounds give 1), and not beyond it
    Special("clamp at the boundary passes the gradient",
            lambda x: ops.clamp(x, -1.0, 1.0),
            ([-1.0, 1.0, 0.0, 2.0, -3.0],), [1.0, 1.0, 1.0, 0.0, 0.0]),
    # where: each branch gets the cotangent where it was picked
    Special("where routes the gradient to the picked branch",
            lambda x, y: ops.where(Tensor([True, False, True]), x, y),
            ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),
            ([1.0, 0.0, 1.0], [0.0, 1.0, 0.0]), (0, 1)),
    # api.md 2.8: x*x + stop_gradient(x*x) at 3 gives 6, not 12
    Special("stop_gradient blocks its branch",
            lambda x: x * x + ops.stop_gradient(x * x), ([3.0],), [6.0]),
    # d(x^y)/dy = x^y ln x is taken as 0 at x = 0 (MindSpore agrees), so a
    # zero base does not poison the exponent's gradient with nan
    Special("pow at a zero base", ops.pow, ([0.0, 2.0], [2.0, 3.0]),
            ([0.0, 12.0], [0.0, 8.0 * np.log(2.0)]), (0, 1)),
    # an ignored sample contributes nothing: its row of the gradient is 0
    Special("cross_entropy ignore_index row gets zero",
            lambda x: ops.cross_entropy(x, Tensor([1, -100], ms.int32)),
            ([[1.0, 2.0], [3.0, -1.0]],),
            [[0.26894142, -0.26894142], [0.0, 0.0]]),
]
