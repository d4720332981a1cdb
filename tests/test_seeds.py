"""The seeds' autodiff programs, run as a learner runs them, print what
MindSpore 2.10 printed for them (api.md 2.10 and 2.12).

Each test runs the seed's code with only the import changed and checks
what ``print`` writes. Values that are exact in float32 must match as
text (the loss ``1.3423151``, ``z``, the "+1" gradient ``1.32618928e+00``);
the other gradient digits come from MindSpore's float32 kernels and are
compared with api.md 0's tolerance.
"""
import re

import numpy as np
import pytest

import mindgrad
from mindgrad import Parameter, ParameterTuple, Tensor, nn, ops
from mindgrad import dtype as mstype

RTOL, ATOL = 1e-6, 1e-7

# What MindSpore 2.10 printed for the seed's gradients (seed 003).
SEED_ROW = [3.26189250e-01, 1.58914644e-02, 4.21645455e-02]
SEED_ROW_PLUS_ONE = [1.32618928e+00, 1.01589143e+00, 1.04216456e+00]
SEED_Z = "[ 3.8211915 -2.994512  -1.932323 ]"


def seed_grads_text(row):
    """MindSpore's print of the (dw, db) tuple whose every row is ``row``."""
    cells = ", ".join(f"{v:15.8e}" for v in row)
    rows = ",\n ".join(f"[{cells}]" for _ in range(5))
    return (f"(Tensor(shape=[5, 3], dtype=Float32, value=\n[{rows}]), "
            f"Tensor(shape=[3], dtype=Float32, value= [{cells}]))")


NUMBER = re.compile(r"[-+]?\d+\.\d*(?:e[-+]\d+)?")


def assert_printed_close(actual, expected):
    """The same text, except that numbers may differ within tolerance."""
    assert NUMBER.split(actual) == NUMBER.split(expected), actual
    got = np.array([float(n) for n in NUMBER.findall(actual)])
    want = np.array([float(n) for n in NUMBER.findall(expected)])
    np.testing.assert_allclose(got, want, rtol=RTOL, atol=ATOL)


def printed(capsys, *values):
    capsys.readouterr()
    print(*values)
    return capsys.readouterr().out


# --- seed 003 ----------------------------------------------------------------

@pytest.fixture
def seed003():
    """The seed's setup cell, verbatim but for the import."""
    np.random.seed(42)
    x = ops.ones(5, mindgrad.float32)  # input tensor
    y = ops.zeros(3, mindgrad.float32)  # expected output
    w = Parameter(Tensor(np.random.randn(5, 3), mindgrad.float32),
                  name='w')  # weight
    b = Parameter(Tensor(np.random.randn(3,), mindgrad.float32),
                  name='b')  # bias
    return x, y, w, b


def function(x, y, w, b):
    z = ops.matmul(x, w) + b
    loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z),
                                                ops.ones_like(z))
    return loss


def function_with_logits(x, y, w, b):
    z = ops.matmul(x, w) + b
    loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z),
                                                ops.ones_like(z))
    return loss, z


def function_stop_gradient(x, y, w, b):
    z = ops.matmul(x, w) + b
    loss = ops.binary_cross_entropy_with_logits(z, y, ops.ones_like(z),
                                                ops.ones_like(z))
    return loss, ops.stop_gradient(z)


def test_seed003_loss_prints_exactly(seed003, capsys):
    loss = function(*seed003)
    assert printed(capsys, loss) == "1.3423151\n"


def test_seed003_gradients_match_the_seed(seed003, capsys):
    grad_fn = mindgrad.grad(function, (2, 3))
    grads = grad_fn(*seed003)
    assert type(grads) is tuple and len(grads) == 2
    dw, db = grads
    assert dw.shape == (5, 3) and db.shape == (3,)
    np.testing.assert_allclose(dw.asnumpy(), np.tile(SEED_ROW, (5, 1)),
                               rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(db.asnumpy(), SEED_ROW, rtol=RTOL,
                               atol=ATOL)
    assert_printed_close(printed(capsys, grads),
                         seed_grads_text(SEED_ROW) + "\n")


def test_seed003_loss_and_z_outputs_add_one_to_every_gradient(seed003,
                                                              capsys):
    grad_fn = mindgrad.grad(function_with_logits, (2, 3))
    grads = grad_fn(*seed003)
    text = printed(capsys, grads)
    assert_printed_close(text, seed_grads_text(SEED_ROW_PLUS_ONE) + "\n")
    assert text.count("1.32618928e+00") == 6     # exact in float32
    np.testing.assert_allclose(grads[1].asnumpy(), SEED_ROW_PLUS_ONE,
                               rtol=RTOL, atol=ATOL)


def test_seed003_stop_gradient_restores_the_plain_gradients(seed003,
                                                            capsys):
    grad_fn = mindgrad.grad(function_stop_gradient, (2, 3))
    grads = grad_fn(*seed003)
    assert_printed_close(printed(capsys, grads),
                         seed_grads_text(SEED_ROW) + "\n")


def test_seed003_has_aux_returns_z(seed003, capsys):
    grad_fn = mindgrad.grad(function_with_logits, (2, 3), has_aux=True)
    grads, (z,) = grad_fn(*seed003)
    assert printed(capsys, z) == SEED_Z + "\n"
    assert_printed_close(printed(capsys, grads, z),
                         seed_grads_text(SEED_ROW) + " " + SEED_Z + "\n")


def test_seed003_cell_with_value_and_grad_over_weights(seed003, capsys):
    x, y, w, b = seed003

    # Define model
    class Network(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = w
            self.b = b

        def construct(self, x):
            z = ops.matmul(x, self.w) + self.b
            return z

    # Instantiate model
    model = Network()
    assert [p.name for p in model.trainable_params()] == ["w", "b"]

    # Define forward function (the loss as in ``function``)
    def forward_fn(x, y):
        z = model(x)
        loss = ops.binary_cross_entropy_with_logits(
            z, y, ops.ones_like(z), ops.ones_like(z))
        return loss

    grad_fn = mindgrad.value_and_grad(forward_fn, None,
                                      weights=model.trainable_params())
    loss, grads = grad_fn(x, y)
    assert printed(capsys, loss) == "1.3423151\n"
    assert_printed_close(printed(capsys, grads),
                         seed_grads_text(SEED_ROW) + "\n")


def test_seed003_every_row_of_dw_is_db(seed003):
    """x is all ones, so dL/dw[i, j] = dL/db[j] for every row i."""
    dw, db = mindgrad.grad(function, (2, 3))(*seed003)
    for row in dw.asnumpy():
        np.testing.assert_array_equal(row, db.asnumpy())


# --- seed 000: ops.GradOperation ---------------------------------------------

class Net(nn.Cell):
    def __init__(self):
        super(Net, self).__init__()
        self.w = Parameter(np.array([6.0]), name='w')
        self.b = Parameter(np.array([1.0]), name='b')

    def construct(self, x):
        f = self.w * x + self.b
        return f


class GradNet(nn.Cell):
    def __init__(self, net):
        super(GradNet, self).__init__()
        self.net = net
        self.grad_op = ops.GradOperation()

    def construct(self, x):
        gradient_function = self.grad_op(self.net)
        return gradient_function(x)


class GradNetByList(nn.Cell):
    def __init__(self, net):
        super(GradNetByList, self).__init__()
        self.net = net
        self.params = ParameterTuple(net.trainable_params())
        self.grad_op = ops.GradOperation(get_by_list=True)

    def construct(self, x):
        gradient_function = self.grad_op(self.net, self.params)
        return gradient_function(x)


class Float32Net(nn.Cell):
    def __init__(self):
        super(Float32Net, self).__init__()
        self.w = Parameter(Tensor(np.array([6], np.float32)), name='w')
        self.b = Parameter(Tensor(np.array([1.0], np.float32)), name='b',
                           requires_grad=False)

    def construct(self, x):
        out = x * self.w + self.b
        return out


class GradNetWithSens(nn.Cell):
    def __init__(self, net):
        super(GradNetWithSens, self).__init__()
        self.net = net
        self.grad_op = ops.GradOperation(sens_param=True)
        self.grad_wrt_output = Tensor([0.1], dtype=mstype.float32)

    def construct(self, x):
        gradient_function = self.grad_op(self.net)
        return gradient_function(x, self.grad_wrt_output)


class StopNet(nn.Cell):
    def __init__(self):
        super(StopNet, self).__init__()
        self.w = Parameter(Tensor(np.array([6], np.float32)), name='w')
        self.b = Parameter(Tensor(np.array([1.0], np.float32)), name='b')

    def construct(self, x):
        out = x * self.w + self.b
        out = ops.stop_gradient(out)
        return out


def test_seed000_forward_is_float64(capsys):
    x = Tensor([100], dtype=mstype.float32)
    out = Net()(x)
    assert printed(capsys, out, out.dtype) == "[601.] Float64\n"


def test_seed000_first_derivative_prints_6(capsys):
    x = Tensor([100], dtype=mstype.float32)
    output = GradNet(Net())(x)
    assert printed(capsys, output) == "[6.]\n"
    assert output.dtype is mindgrad.float32


def test_seed000_weight_gradients_by_list(capsys):
    x = Tensor([100], dtype=mstype.float32)
    output = GradNetByList(Net())(x)
    assert printed(capsys, f"wgrad: {output[0]}\nbgrad: {output[1]}") == \
        "wgrad: [100.]\nbgrad: [1.]\n"


def test_seed000_frozen_bias_leaves_one_gradient(capsys):
    x = Tensor([5], dtype=mstype.float32)
    output = GradNetByList(Float32Net())(x)
    assert printed(capsys, output) == \
        "(Tensor(shape=[1], dtype=Float32, value= [ 5.00000000e+00]),)\n"


def test_seed000_sens_scales_the_gradient(capsys):
    x = Tensor([6], dtype=mstype.float32)
    output = GradNetWithSens(Float32Net())(x)
    assert printed(capsys, output) == "[0.6]\n"


def test_seed000_float32_sens_for_the_float64_net_raises_type_error():
    with pytest.raises(TypeError):
        GradNetWithSens(Net())(Tensor([6], dtype=mstype.float32))


def test_seed000_stop_gradient_zeroes_the_weight_gradients(capsys):
    x = Tensor([100], dtype=mstype.float32)
    output = GradNetByList(StopNet())(x)
    assert printed(capsys, f"wgrad: {output[0]}\nbgrad: {output[1]}") == \
        "wgrad: [0.]\nbgrad: [0.]\n"
