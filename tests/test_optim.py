"""Optimizers, schedules and training-step Cells (api.md section 7).

Expected numbers come from MindSpore 2.10 (CPU), recorded by hand from
the oracle, except the Momentum(use_nesterov=True) case, where mindgrad
departs from MindSpore-CPU on purpose (api.md 7.2 [D]).
"""
import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, Tensor, optim
from mindgrad.autodiff import grad
from mindgrad.cells.cell import Cell
from mindgrad.optim import (SGD, Adam, ExponentialDecayLR, Momentum,
                            Optimizer, PolynomialDecayLR, TrainOneStepCell,
                            WithLossCell, exponential_decay_lr,
                            piecewise_constant_lr, polynomial_decay_lr)


def f32(values):
    return Tensor(np.array(values, np.float32))


def param(values=(1.0, -2.0), name="p"):
    return Parameter(f32(values), name=name)


G1, G2 = (f32([0.5, 1.0]),), (f32([-0.25, 2.0]),)

# api.md 7.2: p0 = [1, -2], g1 = [.5, 1], g2 = [-.25, 2], lr = .1.
TRACES = {
    "SGD": (lambda ps: SGD(ps, 0.1), [.95, -2.1], [.975, -2.3]),
    "SGD momentum": (lambda ps: SGD(ps, 0.1, momentum=0.9),
                     [.95, -2.1], [.93, -2.39]),
    "SGD dampening": (lambda ps: SGD(ps, 0.1, momentum=0.9, dampening=0.5),
                      [.95, -2.1], [.9175, -2.29]),
    "SGD nesterov": (lambda ps: SGD(ps, 0.1, momentum=0.9, nesterov=True),
                     [.905, -2.19], [.912, -2.651]),
    "SGD weight_decay": (lambda ps: SGD(ps, 0.1, weight_decay=0.1),
                         [.94, -2.08], [.9556, -2.2592]),
    "SGD loss_scale": (lambda ps: SGD(ps, 0.1, loss_scale=2),
                       [.975, -2.05], [.9875, -2.15]),
    "SGD dampening alone": (lambda ps: SGD(ps, 0.1, dampening=0.5),
                            [.95, -2.1], [.975, -2.3]),
    "SGD lr list": (lambda ps: SGD(ps, [0.1, 0.01]),
                    [.95, -2.1], [.9525, -2.12]),
    "SGD lr Tensor": (lambda ps: SGD(ps, f32([0.1, 0.01])),
                      [.95, -2.1], [.9525, -2.12]),
    "Momentum": (lambda ps: Momentum(ps, 0.1, 0.9),
                 [.95, -2.1], [.93, -2.39]),
    "Momentum weight_decay": (
        lambda ps: Momentum(ps, 0.1, 0.9, weight_decay=0.1),
        [.94, -2.08], [.9016, -2.3312]),
    "Adam": (lambda ps: Adam(ps, 0.1), [.9, -2.1], [.8733664, -2.1965177]),
    "Adam eps": (lambda ps: Adam(ps, 0.1, eps=0.5),
                 [.9969347, -2.0059483], [.9960255, -2.0179057]),
    "Adam weight_decay": (lambda ps: Adam(ps, 0.1, weight_decay=0.1),
                          [.9, -2.1], [.8544416, -2.1952715]),
    "Adam nesterov": (lambda ps: Adam(ps, 0.1, use_nesterov=True),
                      [.81, -2.19], [.8193219, -2.3434303]),
}


@pytest.mark.parametrize("case", list(TRACES))
def test_two_step_traces_match_api_table(case):
    make, expected1, expected2 = TRACES[case]
    p = param()
    opt = make([p])
    assert opt(G1) == (True,)
    np.testing.assert_allclose(p.asnumpy(), expected1, rtol=1e-6, atol=1e-7)
    opt(G2)
    np.testing.assert_allclose(p.asnumpy(), expected2, rtol=1e-6, atol=1e-7)
    assert p.dtype == ms.float32


def test_loss_scale_divides_before_weight_decay_adds():
    # MindSpore 2.10, the same gradient g1 twice: g/s + wd*p.
    expected = {SGD: [.93034995, -2.0597], Momentum: [.89884996, -2.0867],
                Adam: [.80008656, -2.1998968]}
    for cls, values in expected.items():
        p = param()
        extra = (0.9,) if cls is Momentum else ()
        opt = cls([p], 0.1, *extra, weight_decay=0.1, loss_scale=2)
        opt(G1)
        opt(G1)
        np.testing.assert_allclose(p.asnumpy(), values, rtol=1e-6)


def test_adam_amsgrad_keeps_the_largest_second_moment():
    results = []
    for amsgrad in (True, False):
        p = Parameter(f32([0.0]), name="q")
        opt = Adam([p], 0.1, use_amsgrad=amsgrad)
        for g in (10.0, 0.1, 0.1):
            opt((f32([g]),))
        results.append(p.asnumpy()[0])
    np.testing.assert_allclose(results, [-0.2206735, -0.2207517], rtol=1e-6)


def test_optimizer_state_names_follow_mindspore():
    p = param()
    names = {
        SGD: ["global_step", "learning_rate", "p", "momentum", "accum.p",
              "stat.p"],
        Momentum: ["global_step", "learning_rate", "p", "momentum",
                   "moments.p"],
        Adam: ["global_step", "learning_rate", "p", "beta1_power",
               "beta2_power", "moment1.p", "moment2.p"],
    }
    for cls, expected in names.items():
        opt = cls([p], 0.1, 0.9) if cls is Momentum else cls([p], 0.1)
        assert [q.name for q in opt.get_parameters()] == expected
    opt = Adam([p], 0.1, use_amsgrad=True)
    assert [m.name for m in opt.vhat] == ["vhat.p"]
    assert [m.name for m in opt.moment2] == ["moment2.p"]


def test_attributes_learning_rate_global_step_parameters():
    p = param()
    opt = SGD((q for q in [p]), 0.1)        # a generator is accepted
    assert isinstance(opt, Optimizer) and isinstance(opt, Cell)
    assert isinstance(opt.parameters, ms.ParameterTuple)
    assert opt.parameters[0] is p
    assert str(opt.learning_rate) == ("Parameter (name=learning_rate, "
                                      "shape=(), dtype=Float32, "
                                      "requires_grad=True)")
    assert opt.get_lr() is opt.learning_rate
    assert opt.global_step.shape == (1,)
    assert opt.global_step.dtype == ms.int32
    opt(G1)
    opt(G2)
    assert opt.global_step.asnumpy().tolist() == [2]
    assert repr(opt) == "SGD()"
    assert SGD([p], 1).learning_rate.dtype == ms.float32


def test_update_is_in_place_and_records_no_graph():
    p = param()
    before = p._data
    SGD([p], 0.1)(G1)
    assert p._data is before
    assert p._record is None


@pytest.mark.parametrize("make", [
    lambda ps: SGD(ps, 0.1), lambda ps: SGD(ps, 0.1, momentum=0.9),
    lambda ps: SGD(ps, 0.1, momentum=0.9, dampening=0.5),
    lambda ps: Momentum(ps, 0.1, 0.9)])
def test_updates_leave_the_gradients_alone(make):
    # the update's temporaries live in reused scratch memory shared by the
    # Parameters of one dtype: the caller's gradients must not change, and
    # each Parameter must get its own update
    rng = np.random.default_rng(0)
    params = [Parameter(Tensor(rng.standard_normal(s), ms.float32),
                        name=f"p{i}") for i, s in enumerate([(3, 4), (4,)])]
    grads = tuple(Tensor(rng.standard_normal(p.shape), ms.float32)
                  for p in params)
    kept = [g.asnumpy().copy() for g in grads]
    starts = [p.asnumpy().copy() for p in params]
    make(params)(grads)
    for g, k, p, start in zip(grads, kept, params, starts):
        assert np.array_equal(g.asnumpy(), k)
        np.testing.assert_allclose(p.asnumpy(), start - 0.1 * k, rtol=1e-6)


def test_weight_decay_skips_beta_and_gamma_but_decays_biases():
    names = ["bn.beta", "gamma", "fc.bias"]
    params = [Parameter(f32([1.0]), name=n) for n in names]
    zero = f32([0.0])
    SGD(params, 0.1, weight_decay=0.5)((zero, zero, zero))
    assert [q.asnumpy()[0] for q in params] == pytest.approx([1, 1, .95])


def test_groups_decay_every_parameter_they_hold():
    # MindSpore 2.10 applies no name filter inside groups.
    beta = Parameter(f32([1.0]), name="x.beta")
    bias = Parameter(f32([1.0]), name="x.bias")
    zero = f32([0.0])
    SGD([{"params": [beta]}, {"params": [bias], "weight_decay": 0.0}], 0.1,
        weight_decay=0.5)((zero, zero))
    assert beta.asnumpy()[0] == pytest.approx(0.95)
    assert bias.asnumpy()[0] == 1.0


def test_groups_with_their_own_learning_rate():
    a = Parameter(f32([1.0]), name="a")
    b = Parameter(f32([1.0]), name="b")
    opt = SGD([{"params": [a], "lr": 0.5, "weight_decay": 0.1},
               {"params": [b]}], 0.1)
    assert opt.is_group and opt.is_group_lr
    assert [lr.name for lr in opt.learning_rate] == [
        "learning_rate_group_0", "learning_rate"]
    assert [float(lr) for lr in opt.get_lr()] == pytest.approx([0.5, 0.1])
    one = f32([1.0])
    assert opt((one, one)) == (True, True)
    np.testing.assert_allclose([a.asnumpy()[0], b.asnumpy()[0]], [.45, .9],
                               rtol=1e-6)
    assert [q.name for q in opt.get_parameters()][:5] == [
        "global_step", "learning_rate_group_0", "learning_rate", "a", "b"]


def test_group_errors():
    a = param(name="a")
    with pytest.raises(ValueError, match="a is listed twice"):
        SGD([a, a], 0.1)
    with pytest.raises(TypeError, match="mixes"):
        SGD([{"params": [a]}, param(name="b")], 0.1)
    with pytest.raises(RuntimeError, match="a is listed twice"):
        SGD([{"params": [a], "lr": 0.5}, {"params": [a]}], 0.1)
    with pytest.raises(KeyError, match="params"):
        SGD([{"lr": 0.5}], 0.1)
    with pytest.raises(KeyError, match="foo"):
        SGD([{"params": [a], "foo": 1}], 0.1)
    with pytest.raises(ValueError, match="order_params"):
        SGD([{"params": [a], "order_params": [a]}], 0.1)


def test_frozen_parameters_are_accepted_and_updated_like_mindspore():
    p = param()
    p.requires_grad = False
    assert SGD([p], 0.1)(G1) == (True,)
    np.testing.assert_allclose(p.asnumpy(), [.95, -2.1])


def test_learning_rate_list_ends_with_a_runtime_error():
    # MindSpore 2.10 fails on step 3 of a 2-value list (RuntimeError).
    p = param()
    opt = SGD([p], [0.1, 0.01])
    assert repr(opt) == "SGD(\n  (learning_rate): _IteratorLearningRate()\n)"
    rates = opt.learning_rate.learning_rate
    assert (rates.name, rates.shape, rates.dtype) == (
        "learning_rate", (2,), ms.float32)
    assert [q.name for q in opt.get_parameters()] == [
        "global_step", "p", "momentum", "accum.p", "stat.p", "learning_rate"]
    assert float(opt.get_lr()) == pytest.approx(0.1)
    opt(G1)
    assert float(opt.get_lr()) == pytest.approx(0.01)
    opt(G2)
    before = p.asnumpy()
    with pytest.raises(RuntimeError, match="2 values.*step 3"):
        opt(G1)
    np.testing.assert_array_equal(p.asnumpy(), before)


def test_learning_rate_tensors_and_validation():
    opt = SGD([param()], f32(0.1))
    assert opt.learning_rate.shape == () and opt.learning_rate.name == \
        "learning_rate"
    with pytest.raises(ValueError, match="0-d or 1-D"):
        SGD([param()], f32(np.ones((2, 2))))
    with pytest.raises(ValueError, match="learning_rate"):
        SGD([param()], -1.0)
    with pytest.raises(ValueError, match="learning_rate"):
        SGD([param()], "a")


def test_schedule_cell_as_learning_rate():
    p = param()
    opt = SGD([p], ExponentialDecayLR(0.1, 0.5, 1))
    seen = []
    for _ in range(3):
        seen.append(float(opt.get_lr()))
        opt((f32([1.0, 1.0]),))
    assert seen == pytest.approx([0.1, 0.05, 0.025])
    np.testing.assert_allclose(p.asnumpy(), [.825, -2.175], rtol=1e-6)
    assert repr(opt) == "SGD(\n  (learning_rate): ExponentialDecayLR()\n)"


def test_lr_functions_match_mindspore():
    assert piecewise_constant_lr([2, 5, 6], [.1, .05, .01]) == [
        .1, .1, .05, .05, .05, .01]
    assert exponential_decay_lr(.1, .9, 6, 2, 1) == pytest.approx(
        [.1, .1, .09, .09, .081, .081])
    assert exponential_decay_lr(.1, .9, 6, 2, 2, True) == pytest.approx(
        [.1, .1, .1, .1, .09, .09])
    assert exponential_decay_lr(.1, .9, 6, 2, 2) == pytest.approx(
        [.1, .1, .09486832980505139, .09486832980505139, .09, .09])
    assert polynomial_decay_lr(.1, .01, 6, 2, 2, .5) == pytest.approx(
        [.1, .1, .07363961030678928, .07363961030678928, .01, .01])
    assert polynomial_decay_lr(.1, .01, 6, 1, 2, 2.0, True) == \
        pytest.approx([.1, .0325, .01, .015625, .01, .0125])


def test_lr_function_errors():
    with pytest.raises(ValueError, match="increase"):
        piecewise_constant_lr([2, 1], [.1, .2])
    with pytest.raises(ValueError, match="one rate per milestone"):
        piecewise_constant_lr([2, 3], [.1])
    with pytest.raises(ValueError, match="learning_rate"):
        exponential_decay_lr(-.1, .9, 6, 2, 1)
    with pytest.raises(ValueError, match="total_step"):
        exponential_decay_lr(.1, .9, 0, 2, 1)
    with pytest.raises(TypeError, match="power must be a float"):
        polynomial_decay_lr(.1, .01, 6, 2, 2, 0)


def test_schedule_cells_match_mindspore():
    steps = [0, 1, 4, 5, 8]
    smooth = ExponentialDecayLR(.1, .9, 4)
    np.testing.assert_allclose(
        [float(smooth(Tensor(s, ms.int32))) for s in steps],
        [.1, .097400375, .089999996, .087660335, .08099999], rtol=1e-6)
    stair = ExponentialDecayLR(.1, .9, 4, True)
    np.testing.assert_allclose(
        [float(stair(Tensor(s, ms.int32))) for s in [0, 3, 4, 5, 9]],
        [.1, .1, .09, .09, .081], rtol=1e-6)
    poly = PolynomialDecayLR(.1, .01, 4, .5)
    np.testing.assert_allclose(
        [float(poly(Tensor(s, ms.int32))) for s in [0, 1, 4, 5, 9]],
        [.1, .0879423, .01, .01, .01], rtol=1e-6)
    grow = PolynomialDecayLR(.1, .01, 4, .5, True)
    np.testing.assert_allclose(
        [float(grow(Tensor(s, ms.int32))) for s in [0, 1, 4, 5, 9]],
        [.1, .0879423, .01, .0651135, .055], rtol=1e-6)
    out = grow(Tensor(np.array([2]), ms.int32))
    assert out.shape == (1,) and out.dtype == ms.float32
    assert repr(smooth) == "ExponentialDecayLR()"


def test_schedule_cell_errors():
    with pytest.raises(ValueError, match="decay_steps"):
        ExponentialDecayLR(.1, .9, 0)
    with pytest.raises(ValueError, match="learning_rate"):
        ExponentialDecayLR(-.1, .9, 2)
    with pytest.raises(TypeError, match="power"):
        PolynomialDecayLR(.1, .01, 4, 0)
    with pytest.raises(TypeError, match="update_decay_steps"):
        PolynomialDecayLR(.1, .01, 4, .5, 1)


CONSTRUCTION_ERRORS = [
    (lambda: SGD(None), ValueError, "params is None"),
    (lambda: SGD([]), ValueError, "params is empty"),
    (lambda: SGD([f32([1.0])]), TypeError, "Tensor"),
    (lambda: SGD([param()], momentum=-1), ValueError, "momentum"),
    (lambda: SGD([param()], dampening=-1), ValueError, "dampening"),
    (lambda: SGD([param()], nesterov=True), ValueError, "nesterov"),
    (lambda: SGD([param()], momentum=.9, dampening=.1, nesterov=True),
     ValueError, "nesterov"),
    (lambda: SGD([param()], weight_decay=-1), ValueError, "weight_decay"),
    (lambda: SGD([param()], loss_scale=0), ValueError, "loss_scale"),
    (lambda: Momentum([param()]), TypeError, "learning_rate"),
    (lambda: Momentum([param()], .1), TypeError, "momentum"),
    (lambda: Momentum([param()], .1, -1.0), ValueError, "momentum"),
    (lambda: Adam([param()], beta1=1.0), ValueError, "beta1"),
    (lambda: Adam([param()], beta2=0.0), ValueError, "beta2"),
    (lambda: Adam([param()], eps=0.0), ValueError, "eps"),
    (lambda: Adam([param()], .1, weight_decay=-.1), ValueError,
     "weight_decay"),
]


@pytest.mark.parametrize("index", range(len(CONSTRUCTION_ERRORS)))
def test_construction_errors(index):
    make, error, words = CONSTRUCTION_ERRORS[index]
    with pytest.raises(error, match=words):
        make()


CALL_ERRORS = [
    (list(G1), RuntimeError, "got a list"),
    (G1[0], RuntimeError, "got a Tensor"),
    (G1 + G1, RuntimeError, "1 gradients.*got 2"),
    ((), RuntimeError, "got 0"),
    ((f32(np.ones(3)),), RuntimeError, r"shape \(2,\), got \(3,\)"),
    ((Tensor(np.ones(2)),), TypeError, "Float64.*Float32"),
    ((Tensor(np.ones(2, np.int32)),), TypeError, "Int32"),
]


@pytest.mark.parametrize("index", range(len(CALL_ERRORS)))
def test_call_errors_change_nothing(index):
    gradients, error, words = CALL_ERRORS[index]
    p = param()
    opt = SGD([p], 0.1, momentum=0.9)
    with pytest.raises(error, match=words):
        opt(gradients)
    np.testing.assert_array_equal(p.asnumpy(), [1.0, -2.0])
    assert opt.global_step.asnumpy().tolist() == [0]


def test_momentum_nesterov_is_honoured():
    # [D]: MindSpore-CPU ignores use_nesterov and gives -1, -2.5.
    p = Parameter(f32([0.0]), name="p")
    opt = Momentum([p], 1.0, 0.5, use_nesterov=True)
    seen = []
    for _ in range(2):
        opt((f32([1.0]),))
        seen.append(p.asnumpy()[0])
    assert seen == pytest.approx([-1.5, -3.25])


class Line(Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(f32([[0.5, -1.0]]), name="w")
        self.b = Parameter(f32([0.1]), name="b")

    def construct(self, x):
        return ms.ops.matmul(x, self.w.T) + self.b


class Squares(Cell):
    def construct(self, y, t):
        return ((y - t) ** 2).mean()


X = f32([[1.0, 2.0], [3.0, -1.0]])
T = f32([[1.0], [0.0]])


def test_with_loss_cell_keeps_parameter_names():
    net = Line()
    loss_net = WithLossCell(net, Squares())
    assert [p.name for p in loss_net.trainable_params()] == ["w", "b"]
    assert loss_net.backbone_network is net
    assert float(loss_net(X, T)) == pytest.approx(6.26)
    assert repr(loss_net) == ("WithLossCell(\n  (_backbone): Line()\n"
                              "  (_loss_fn): Squares()\n)")


def test_train_one_step_cell_matches_mindspore():
    net = Line()
    step = TrainOneStepCell(WithLossCell(net, Squares()),
                            SGD(net.trainable_params(), 0.1))
    assert [p.name for p in step.trainable_params()] == [
        "w", "b", "global_step", "learning_rate", "momentum", "accum.w",
        "accum.b", "stat.w", "stat.b"]
    losses = [float(step(X, T)) for _ in range(3)]
    np.testing.assert_allclose(losses, [6.26, 1.1193999, 0.23978601],
                               rtol=1e-6)
    np.testing.assert_allclose(net.w.asnumpy(), [[.0234, .21260001]],
                               rtol=1e-6)
    step = TrainOneStepCell(step.network, step.optimizer, sens=2.0)
    assert float(step(X, T)) == pytest.approx(0.052782338)
    np.testing.assert_allclose(net.w.asnumpy(), [[.02535999, .35624]],
                               rtol=1e-5)
    assert step.weights == step.optimizer.parameters


def test_gradients_from_grad_with_optimizer_parameters():
    net = Line()
    opt = Adam(net.trainable_params(), 0.01)
    loss_net = WithLossCell(net, Squares())
    grads = grad(loss_net, None, opt.parameters)(X, T)
    assert opt(grads) == (True, True)
    assert net.b._record is None


def test_subclass_written_as_in_mindspore():
    class PlainSGD(Optimizer):
        def __init__(self, params, learning_rate):
            super().__init__(learning_rate, params)

        def construct(self, gradients):
            lr = self.get_lr()
            for p, g in zip(self.parameters, gradients):
                p.set_data(p - lr * g)
            return True

    p = param()
    assert PlainSGD([p], 0.5)((f32([0.3, -4.0]),))
    np.testing.assert_allclose(p.asnumpy(), [0.85, 0.0])


def test_subclass_can_reuse_the_checks_and_scaling():
    class SignSGD(Optimizer):
        def __init__(self, params, learning_rate):
            super().__init__(learning_rate, params, loss_scale=2.0)

        def construct(self, gradients):
            grads, rates = self._prepare(gradients)
            for p, g, lr in zip(self.parameters, grads, rates):
                p._data -= lr * np.sign(g)
            return (True,) * len(grads)

    p = param()
    opt = SignSGD([p], 0.5)
    opt((f32([0.3, -4.0]),))
    np.testing.assert_allclose(p.asnumpy(), [0.5, -1.5])
    with pytest.raises(RuntimeError, match="tuple of 1 gradients"):
        opt([f32([0.3, -4.0])])


def test_exports():
    assert sorted(optim.__all__) == sorted([
        "Optimizer", "SGD", "Momentum", "Adam", "WithLossCell",
        "TrainOneStepCell", "ExponentialDecayLR", "PolynomialDecayLR",
        "piecewise_constant_lr", "exponential_decay_lr",
        "polynomial_decay_lr"])
