"""Properties that must hold for every shape, checked with hypothesis.

The op catalogue checks each op at a few fixed shapes; here hypothesis
draws the shapes (0-4 axes of size 1-3) and the broadcasting patterns,
so the central bookkeeping (``fit`` summing broadcast axes away, the
backward pass adding fan-out) meets cases nobody wrote down. The shapes
HIPS autograd tests with, (), (2,), (3, 2) and (1, 2), are always among
the examples.
"""
import warnings

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mindgrad as ms
from mindgrad import Tensor, ops, testing

# Gradient checks run central differences for each example: a deadline
# would only make slow machines flaky (tests/conftest.py agrees).
FEW = settings(max_examples=60, deadline=None)


def shapes(min_axes=0, max_axes=4):
    """Shapes with 0-4 axes, each of size 1-3."""
    return st.lists(st.integers(1, 3), min_size=min_axes,
                    max_size=max_axes).map(tuple)


@st.composite
def broadcastable_pair(draw):
    """(shape, other): other drops some leading axes of shape and sets any
    of the rest to 1, so both broadcast to shape. Drawn in either order,
    so the stretched operand is sometimes the first."""
    shape = draw(shapes())
    dropped = draw(st.integers(0, len(shape)))
    ones = draw(st.lists(st.booleans(), min_size=len(shape) - dropped,
                         max_size=len(shape) - dropped))
    other = tuple(1 if one else n
                  for one, n in zip(ones, shape[dropped:]))
    return (other, shape) if draw(st.booleans()) else (shape, other)


seeds = st.integers(0, 2 ** 32 - 1)


def _array(seed, shape, low=-2.0, high=2.0):
    return np.random.default_rng(seed).uniform(low, high, size=shape)


def _as_tuple(grads):
    return grads if isinstance(grads, tuple) else (grads,)


# div's second input stays away from 0, its pole
BINARY = {
    "add": (ops.add, (-2.0, 2.0)),
    "sub": (ops.sub, (-2.0, 2.0)),
    "mul": (ops.mul, (-2.0, 2.0)),
    "div": (ops.div, (0.5, 2.0)),
    "pow": (ops.pow, (0.5, 2.0)),       # x ** y needs x > 0 for d/dy
}


@FEW
@given(pair=broadcastable_pair(), name=st.sampled_from(sorted(BINARY)),
       seed=seeds)
@example(pair=((3, 2), (1, 2)), name="mul", seed=0)
@example(pair=((1, 2), (3, 2)), name="pow", seed=0)
@example(pair=((2,), ()), name="div", seed=0)
@example(pair=((), ()), name="add", seed=0)
def test_binary_gradients_match_differences_under_broadcasting(pair, name,
                                                               seed):
    op, domain = BINARY[name]
    x = Tensor(_array(seed, pair[0], *domain))
    y = Tensor(_array(seed + 1, pair[1], *domain))
    testing.check_grads(op, x, y)
    dx, dy = ms.grad(op, (0, 1))(x, y)
    assert dx.shape == x.shape and dy.shape == y.shape


@FEW
@given(pair=broadcastable_pair(), name=st.sampled_from(sorted(BINARY)),
       seed=seeds)
@example(pair=((3, 2), (2,)), name="sub", seed=0)
def test_each_gradient_keeps_its_inputs_dtype(pair, name, seed):
    # api.md 2.7: a float32 input mixed with a float64 one gets a float32
    # gradient, though the output is float64
    op, domain = BINARY[name]
    x = Tensor(_array(seed, pair[0], *domain), ms.float32)
    y = Tensor(_array(seed + 1, pair[1], *domain), ms.float64)
    dx, dy = ms.grad(op, (0, 1))(x, y)
    assert (dx.shape, dx.dtype) == (x.shape, ms.float32)
    assert (dy.shape, dy.dtype) == (y.shape, ms.float64)


@st.composite
def reduction_case(draw):
    """A shape and axes to reduce: None, or distinct (possibly negative)
    axes of the shape."""
    shape = draw(shapes())
    if not shape or draw(st.booleans()):
        return shape, None
    axes = draw(st.lists(st.integers(0, len(shape) - 1), min_size=1,
                         max_size=len(shape), unique=True))
    negative = draw(st.lists(st.booleans(), min_size=len(axes),
                             max_size=len(axes)))
    axes = tuple(a - len(shape) if neg else a
                 for a, neg in zip(axes, negative))
    return shape, axes[0] if len(axes) == 1 else axes


@FEW
@given(case=reduction_case(), keep=st.booleans(), seed=seeds)
@example(case=((), None), keep=False, seed=0)
@example(case=((2,), 0), keep=True, seed=0)
@example(case=((3, 2), (0, 1)), keep=False, seed=0)
@example(case=((1, 2), -1), keep=True, seed=0)
def test_sum_and_mean_over_any_axes(case, keep, seed):
    shape, axis = case
    x = Tensor(_array(seed, shape))
    for fn, reference in (
            (lambda t: ops.sum(t, axis, keep), np.sum),
            (lambda t: ops.mean(t, axis, keep_dims=keep), np.mean)):
        expected = reference(x.asnumpy(), axis=axis, keepdims=keep)
        out = fn(x)
        assert out.shape == np.shape(expected)
        np.testing.assert_allclose(out.asnumpy(), expected, rtol=1e-12)
        testing.check_grads(fn, x)
        assert ms.grad(fn)(x).shape == shape
    for dtype in (np.float32, np.float64):  # mean skips np.mean's wrapper,
        data = _array(seed, shape).astype(dtype)    # keeping its bits
        out = ops.mean(Tensor(data), axis, keep_dims=keep).asnumpy()
        assert np.array_equal(out, np.mean(data, axis=axis, keepdims=keep))


@st.composite
def shape_and_permutation(draw):
    shape = draw(shapes())
    return shape, tuple(draw(st.permutations(range(len(shape)))))


@FEW
@given(case=shape_and_permutation(), seed=seeds)
@example(case=((), ()), seed=0)
@example(case=((2,), (0,)), seed=0)
@example(case=((3, 2), (1, 0)), seed=0)
@example(case=((1, 2), (1, 0)), seed=0)
def test_transpose_then_its_inverse_is_the_identity(case, seed):
    shape, dims = case
    x = Tensor(_array(seed, shape))
    inverse = tuple(np.argsort(dims))
    there = ops.transpose(x, dims)
    assert there.shape == tuple(shape[d] for d in dims)
    np.testing.assert_array_equal(ops.transpose(there, inverse).asnumpy(),
                                  x.asnumpy())
    testing.check_grads(lambda t: ops.transpose(t, dims), x)


@st.composite
def shape_and_reshape(draw):
    """A shape, and another with the same number of elements: its sizes
    shuffled, with axes of size 1 inserted or removed."""
    shape = draw(shapes())
    sizes = draw(st.permutations([n for n in shape if n > 1]))
    ones = draw(st.integers(0, 2))
    target = list(sizes)
    for _ in range(ones):
        target.insert(draw(st.integers(0, len(target))), 1)
    return shape, tuple(target)


@FEW
@given(case=shape_and_reshape(), seed=seeds)
@example(case=((), (1,)), seed=0)
@example(case=((2,), (1, 2)), seed=0)
@example(case=((3, 2), (2, 3)), seed=0)
@example(case=((1, 2), (2,)), seed=0)
def test_reshape_there_and_back_is_the_identity(case, seed):
    shape, target = case
    x = Tensor(_array(seed, shape))
    there = ops.reshape(x, target)
    assert there.shape == target
    back = ops.reshape(there, shape)
    np.testing.assert_array_equal(back.asnumpy(), x.asnumpy())
    testing.check_grads(lambda t: ops.reshape(t, target) * 2.0, x)
    w = Tensor(_array(seed + 1, target))
    # the VJP of a reshape is the reverse reshape: the cotangent w, put
    # back in the input's shape element for element
    np.testing.assert_array_equal(
        ms.grad(lambda t: ops.reshape(t, target) * w)(x).asnumpy(),
        w.asnumpy().reshape(shape))


# Building blocks for random graphs: each combines two earlier nodes,
# which may be the same node (fan-out).
STEPS = [
    lambda a, b: a * b,
    lambda a, b: a + b,
    lambda a, b: ops.sin(a) * b,
    lambda a, b: a - ops.tanh(b),
    lambda a, b: ops.exp(a * 0.3) / (1.0 + b * b),
    lambda a, b: ops.sum(a, keepdim=True) * b,
]


@st.composite
def graphs(draw):
    """A random graph on two inputs: a list of (step, left, right), where
    left and right index earlier nodes (0 and 1 are the inputs)."""
    steps = []
    for i in range(draw(st.integers(1, 8))):
        nodes = i + 2
        steps.append((draw(st.integers(0, len(STEPS) - 1)),
                      draw(st.integers(0, nodes - 1)),
                      draw(st.integers(0, nodes - 1))))
    return steps


def _run(graph, x, y):
    nodes = [x, y]
    for step, left, right in graph:
        nodes.append(STEPS[step](nodes[left], nodes[right]))
    return nodes[-1]


@FEW
@given(graph=graphs(), pair=broadcastable_pair(), seed=seeds)
def test_the_same_graph_built_twice_gives_bit_identical_gradients(
        graph, pair, seed):
    x = Tensor(_array(seed, pair[0]))
    y = Tensor(_array(seed + 1, pair[1]))
    fn = lambda a, b: _run(graph, a, b)    # noqa: E731
    first = _as_tuple(ms.grad(fn, (0, 1))(x, y))
    # fresh Tensors with the same values: a new graph, the same numbers
    again = Tensor(x.asnumpy()), Tensor(y.asnumpy())
    second = _as_tuple(ms.grad(fn, (0, 1))(*again))
    for a, b in zip(first, second):
        assert a.asnumpy().tobytes() == b.asnumpy().tobytes()
    testing.check_grads(fn, x, y, rtol=1e-5, atol=1e-6)


# A fractional cotangent is truncated wherever it reaches an int node, on
# each path separately (MindSpore 2.10 gives [1] for x*x*0.25 + x*1.5 at
# x = 3, not trunc(3)). So only functions whose fractional factor meets
# the int input once are compared with the truncated float gradient.
INT_FUNCTIONS = [
    lambda x: x * x,
    lambda x: x * 0.5,
    lambda x: x * x * x - x * 2,
    lambda x: ops.sum(x * 3) + x * 1.5,
]


@FEW
@given(shape=shapes(), which=st.integers(0, len(INT_FUNCTIONS) - 1),
       dtype=st.sampled_from([ms.int32, ms.int64]), seed=seeds)
@example(shape=(2,), which=0, dtype=ms.int32, seed=0)
@example(shape=(2,), which=1, dtype=ms.int32, seed=0)
def test_gradients_of_int_inputs_have_the_int_dtype(shape, which, dtype,
                                                    seed):
    # api.md 2.7: the gradient is cast to the input's dtype, truncating
    # (x * 0.5 gives 0), as in MindSpore
    values = np.random.default_rng(seed).integers(-5, 6, size=shape)
    fn = INT_FUNCTIONS[which]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)   # the int warning
        got = ms.grad(fn)(Tensor(values, dtype))
    exact = ms.grad(fn)(Tensor(values.astype(np.float64))).asnumpy()
    assert (got.shape, got.dtype) == (shape, dtype)
    np.testing.assert_array_equal(got.asnumpy(),
                                  exact.astype(dtype.nptype))
