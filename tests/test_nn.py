"""mindgrad.nn behaves as MindSpore 2.10's nn (api.md 5 and 6).

Expected values are MindSpore 2.10's own output, except where api.md
marks a deliberate mindgrad difference [D] (eager errors, negative CE
labels, int MSE inputs).
"""
import subprocess
import sys
from collections import OrderedDict

import numpy as np
import pytest

import mindgrad as ms
from mindgrad import Parameter, ParameterTuple, Tensor, nn, ops
from mindgrad.common.initializer import (Constant, HeNormal, HeUniform,
                                         Initializer, Normal, One,
                                         TruncatedNormal, Uniform,
                                         XavierNormal, XavierUniform, Zero,
                                         initializer)
from mindgrad.testing import check_grads

DRAW = dict(low=1, high=2**63 - 1, dtype=np.int64)


def close(actual, expected, rtol=1e-5, atol=1e-6):
    np.testing.assert_allclose(np.asarray(actual.asnumpy()
                                          if isinstance(actual, Tensor)
                                          else actual), expected,
                               rtol=rtol, atol=atol)


class Network(nn.Cell):
    """The seed-001 network."""

    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.dense_relu_sequential = nn.SequentialCell(
            nn.Dense(28 * 28, 512, "normal", "zeros"), nn.ReLU(),
            nn.Dense(512, 512, "normal", "zeros"), nn.ReLU(),
            nn.Dense(512, 10, "normal", "zeros"))

    def construct(self, x):
        return self.dense_relu_sequential(self.flatten(x))


SEED_REPR = """Network(
  (flatten): Flatten()
  (dense_relu_sequential): SequentialCell(
    (0): Dense(input_channels=784, output_channels=512, has_bias=True)
    (1): ReLU()
    (2): Dense(input_channels=512, output_channels=512, has_bias=True)
    (3): ReLU()
    (4): Dense(input_channels=512, output_channels=10, has_bias=True)
  )
)"""


# --- 5.1 protocol ------------------------------------------------------------


def test_missing_construct_is_an_attribute_error():
    class Empty(nn.Cell):
        pass
    with pytest.raises(AttributeError, match="construct"):
        Empty()(Tensor([1.0]))


def test_a_parameter_before_super_init_is_an_attribute_error():
    class Early(nn.Cell):
        def __init__(self):
            self.w = Parameter(Tensor([1.0]))
            super().__init__()
    with pytest.raises(AttributeError, match="super"):
        Early()


def test_construct_receives_anything():
    class Square(nn.Cell):
        def construct(self, x):
            return x * x
    assert Square()(3.0) == 9.0


# --- 5.2 registration and naming ---------------------------------------------


class Inner(nn.Cell):
    def __init__(self):
        super().__init__()
        self.beta = Parameter(Tensor([1.0]), name="custom")
        self.gamma = Parameter(Tensor([2.0]))

    def construct(self, x):
        return x * self.beta * self.gamma


class Outer(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(2, 3)
        self.w = Parameter(Tensor([1.0]))
        self.fc2 = nn.Dense(3, 1)
        self.v = Parameter(Tensor([2.0]), requires_grad=False)
        self.plain = [Parameter(Tensor([0.0]), name="listed")]
        self.t = Tensor([5.0])

    def construct(self, x):
        return self.fc2(self.fc(x)) * self.w


def test_an_explicit_name_is_kept_at_top_level_and_renamed_in_a_child():
    inner = Inner()
    assert inner.beta.name == "custom" and inner.gamma.name == "gamma"
    assert [k for k, _ in inner.parameters_and_names()] == ["beta", "gamma"]

    class Holder(nn.Cell):
        def __init__(self):
            super().__init__()
            self.inner = Inner()
    holder = Holder()
    assert [p.name for p in holder.get_parameters()] == [
        "inner.beta", "inner.gamma"]


def test_reassigning_none_and_del():
    net = Outer()
    net.fc = nn.Dense(3, 5)
    assert [p.name for p in net.trainable_params()][1:3] == [
        "fc.weight", "fc.bias"]
    net.fc = None
    assert "(fc): None" in repr(net)
    assert "fc.weight" not in [p.name for p in net.get_parameters()]
    del net.fc2
    assert [p.name for p in net.get_parameters()] == ["w", "v"]


def test_plain_lists_and_tensors_are_not_registered():
    net = Outer()
    names = [p.name for p in net.get_parameters()]
    assert "listed" not in names and "t" not in names


def test_a_parameter_tuple_registers_its_members_under_their_names():
    class WithTuple(nn.Cell):
        def __init__(self):
            super().__init__()
            self.group = ParameterTuple([Parameter(Tensor([1.0]), name="a"),
                                         Parameter(Tensor([2.0]), name="b")])
    assert [p.name for p in WithTuple().trainable_params()] == ["a", "b"]


def test_a_tensor_onto_a_parameter_attribute_calls_set_data():
    dense = nn.Dense(2, 3)
    weight = dense.weight
    dense.weight = Tensor(np.ones((3, 2)), ms.float32)
    assert dense.weight is weight and dense.weight.name == "weight"
    close(dense.weight, np.ones((3, 2)))


def test_registered_members_read_back_through_every_change():
    # registered Parameters and Cells are also plain attributes (a fast
    # read); every way of changing them must keep both views in step
    net = Outer()
    dense = net.fc
    new_weight = Parameter(Tensor(np.zeros((3, 2))), name="w2")
    dense.weight = new_weight
    assert dense.weight is new_weight and dense._params["weight"] is \
        new_weight
    dense.weight = 5                   # a plain value unregisters it
    assert dense.weight == 5 and "weight" not in dense._params
    del dense.bias
    with pytest.raises(AttributeError):
        dense.bias
    assert "bias" not in dense._params
    net.insert_child_to_cell("fc", None)
    assert net.fc is None and net._cells["fc"] is None
    net.insert_child_to_cell("fc", nn.ReLU())
    assert isinstance(net.fc, nn.ReLU) and net._cells["fc"] is net.fc


def test_insert_child_to_cell():
    cell = nn.Cell()
    cell.insert_child_to_cell("act", nn.ReLU())
    assert repr(cell) == "Cell(\n  (act): ReLU()\n)"
    with pytest.raises(KeyError):
        cell.insert_child_to_cell("a.b", nn.ReLU())
    with pytest.raises(TypeError):
        cell.insert_child_to_cell("a", 3)


def test_update_parameters_name():
    dense = nn.Dense(2, 2)
    dense.update_parameters_name("net.")
    assert [p.name for p in dense.get_parameters()] == [
        "net.weight", "net.bias"]


# --- 5.3 traversal -----------------------------------------------------------


def test_own_parameters_first_then_children_depth_first():
    net = Outer()
    expected = ["w", "v", "fc.weight", "fc.bias", "fc2.weight", "fc2.bias"]
    assert [n for n, _ in net.parameters_and_names()] == expected
    assert [p.name for p in net.get_parameters()] == expected
    assert isinstance(net.trainable_params(), list)
    assert [p.name for p in net.trainable_params()] == [
        n for n in expected if n != "v"]
    assert [p.name for p in net.trainable_params(recurse=False)] == ["w"]
    assert [p.name for p in net.untrainable_params()] == ["v"]
    assert list(net.parameters_dict()) == expected


def test_cells_and_names_and_name_cells():
    model = Network()
    assert [n for n, _ in model.cells_and_names()] == [
        "", "flatten", "dense_relu_sequential", "dense_relu_sequential.0",
        "dense_relu_sequential.1", "dense_relu_sequential.2",
        "dense_relu_sequential.3", "dense_relu_sequential.4"]
    assert list(model.name_cells()) == ["flatten", "dense_relu_sequential"]
    assert len(list(model.cells())) == 2


def test_parameter_names_in_bare_containers():
    seq = nn.SequentialCell(nn.Flatten(), nn.Dense(4, 3), nn.ReLU(),
                            nn.Dense(3, 1))
    assert [n for n, _ in seq.parameters_and_names()] == [
        "1.weight", "1.bias", "3.weight", "3.bias"]
    assert [n for n, _ in nn.Dense(2, 2).parameters_and_names()] == [
        "weight", "bias"]


# --- 5.4 training flag -------------------------------------------------------


def test_training_flag_and_phase():
    net = Outer()
    assert (net.training, net.requires_grad, net.phase) == (
        False, False, "train")
    assert net.set_train() is net
    assert net.training and net.fc.training and net.phase == "train"
    net.set_train(False)
    assert not net.fc.training and net.phase == "predict"


# --- 5.5 repr ----------------------------------------------------------------


def test_seed_network_repr_and_parameter_table(capsys):
    model = Network()
    assert repr(model) == str(model) == SEED_REPR
    for name, param in model.parameters_and_names():
        print(f"Layer: {name}\nSize: {param.shape}\nValues : {param[:2]} \n")
    out = capsys.readouterr().out
    assert "Layer: dense_relu_sequential.0.weight\nSize: (512, 784)" in out
    assert "Layer: dense_relu_sequential.4.bias\nSize: (10,)\n" \
        "Values : [0. 0.] \n" in out


@pytest.mark.parametrize("cell, text", [
    (nn.ReLU(), "ReLU()"), (nn.Sigmoid(), "Sigmoid()"),
    (nn.Tanh(), "Tanh()"), (nn.Flatten(), "Flatten()"),
    (nn.Softmax(), "Softmax()"), (nn.SequentialCell(), "SequentialCell()"),
    (nn.BCEWithLogitsLoss(), "BCEWithLogitsLoss()"),
    (nn.CrossEntropyLoss(), "CrossEntropyLoss()"),
    (nn.LossBase(), "LossBase()"),
    (nn.Dense(3, 4, has_bias=False),
     "Dense(input_channels=3, output_channels=4)"),
    (nn.Dense(3, 4, activation="relu"),
     "Dense(\n  input_channels=3, output_channels=4, has_bias=True, "
     "activation=ReLU()\n  (activation): ReLU()\n)"),
    (nn.Dropout(), "Dropout(keep_prob=0.5)"),
    (nn.Dropout(p=0.2), "Dropout(p=0.2)"),
    (nn.Dropout(keep_prob=0.8), "Dropout(keep_prob=0.8)"),
    (nn.CellList([nn.ReLU()]), "CellList(\n  (0): ReLU()\n)"),
])
def test_reprs(cell, text):
    assert repr(cell) == text


# --- 5.6 containers ----------------------------------------------------------


def test_sequential_cell_forms_indexing_and_append():
    x = Tensor([[1.0, -2.0]])
    relu_dense = nn.SequentialCell([nn.Dense(2, 2, "ones", 0.0), nn.ReLU()])
    close(relu_dense(x), [[0.0, 0.0]])
    named = nn.SequentialCell(OrderedDict([("fc", nn.Dense(2, 2)),
                                           ("act", nn.ReLU())]))
    assert [n for n, _ in named.parameters_and_names()] == [
        "fc.weight", "fc.bias"]
    seq = nn.SequentialCell(nn.Dense(2, 3), nn.ReLU(), nn.Dense(3, 1))
    assert len(seq) == 3 and isinstance(seq[1], nn.ReLU)
    assert isinstance(seq[-1], nn.Dense)
    part = seq[1:]
    assert isinstance(part, nn.SequentialCell)
    assert list(part.name_cells()) == ["1", "2"]
    seq.append(nn.Sigmoid())
    assert len(seq) == 4 and seq(Tensor([[1.0, 2.0]])).shape == (1, 1)
    with pytest.raises(IndexError):
        seq[4]


def test_sequential_cell_rejects_non_cells():
    with pytest.raises(TypeError, match="Cell"):
        nn.SequentialCell(nn.ReLU(), 3)
    with pytest.raises(TypeError):
        nn.SequentialCell([nn.ReLU(), lambda x: x])


def test_cell_list():
    class Layers(nn.Cell):
        def __init__(self):
            super().__init__()
            self.layers = nn.CellList([nn.Dense(2, 2), nn.Dense(2, 1)])

        def construct(self, x):
            for layer in self.layers:
                x = layer(x)
            return x
    net = Layers()
    assert [p.name for p in net.trainable_params()] == [
        "layers.0.weight", "layers.0.bias", "layers.1.weight",
        "layers.1.bias"]
    assert net(Tensor([[1.0, 2.0]])).shape == (1, 1)
    assert len(net.layers) == 2
    with pytest.raises(NotImplementedError):
        net.layers(Tensor([1.0]))


# --- 5.7 Dense ---------------------------------------------------------------


W = Tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], ms.float32)
B = Tensor([0.1, -0.2], ms.float32)


def test_dense_computes_x_weight_t_plus_bias_for_any_leading_shape():
    dense = nn.Dense(3, 2, W, B)
    assert dense.weight.shape == (2, 3) and dense.bias.shape == (2,)
    close(dense(Tensor([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]])),
          [[4.6, 0.3], [3.1, -0.95]])
    close(dense(Tensor([1.0, 2.0, 3.0])), [4.6, 0.3])
    assert dense(ops.ones((2, 4, 3))).shape == (2, 4, 2)
    close(nn.Dense(3, 2, W, B, activation="relu")(
        Tensor([[0.0, -1.0, 1.0]])), [[3.1, 0.0]])
    for name in ("sigmoid", "tanh", "softmax"):
        assert nn.Dense(3, 2, activation=name)(ops.ones((1, 3))).shape == (
            1, 2)


def test_dense_gradients_match_central_differences():
    x = Tensor(np.random.randn(4, 3), ms.float32)

    check_grads(nn.Dense(3, 2, W, B, activation="tanh"), x)
    dense = nn.Dense(3, 2, W, B)
    grads = ms.grad(lambda x: dense(x).sum(), None,
                    dense.trainable_params())(x)
    close(grads[0], np.tile(x.asnumpy().sum(0), (2, 1)))
    close(grads[1], [4.0, 4.0])


@pytest.mark.parametrize("make, error", [
    (lambda: nn.Dense(3, 2)(Tensor(np.ones((1, 3)))), TypeError),
    (lambda: nn.Dense(3, 2)(Tensor([[1, 2, 3]], ms.int32)), TypeError),
    (lambda: nn.Dense(3, 2)(np.ones((1, 3), np.float32)), TypeError),
    (lambda: nn.Dense(3, 2)(ops.ones((1, 4))), ValueError),
    (lambda: nn.Dense(3.0, 2), TypeError),
    (lambda: nn.Dense(True, 2), TypeError),
    (lambda: nn.Dense(0, 2), ValueError),
    (lambda: nn.Dense(3, -1), ValueError),
    (lambda: nn.Dense(3, 2, has_bias=1), TypeError),
    (lambda: nn.Dense(3, 2, ops.ones((3, 2))), ValueError),
    (lambda: nn.Dense(3, 2, W, ops.ones(3)), ValueError),
    (lambda: nn.Dense(3, 2, "bogus"), ValueError),
    (lambda: nn.Dense(3, 2, activation="bogus"), KeyError),
    (lambda: nn.Dense(3, 2, activation=3), TypeError),
])
def test_dense_errors(make, error):
    with pytest.raises(error):
        make()


def test_dense_default_init_is_uniform_one_over_sqrt_in():
    wide = nn.Dense(400, 300)
    weight, bias = wide.weight.asnumpy(), wide.bias.asnumpy()
    assert np.abs(weight).max() <= 0.05 and np.abs(bias).max() <= 0.05
    assert abs(weight.std() - 0.0288) < 0.001
    assert weight.dtype == np.float32


def draws_taken(make):
    """How many randint draws ``make`` takes from np.random."""
    np.random.seed(0)
    reference = [np.random.randint(**DRAW) for _ in range(4)]
    np.random.seed(0)
    make()
    return reference.index(np.random.randint(**DRAW))


@pytest.mark.parametrize("make, draws", [
    (lambda: nn.Dense(3, 4), 2),
    (lambda: nn.Dense(3, 4, "normal", "zeros"), 1),
    (lambda: nn.Dense(3, 4, has_bias=False), 1),
    (lambda: nn.Dense(3, 4, "ones", 0.5), 0),
    (lambda: nn.Dense(3, 2, W, B), 0),
    (lambda: initializer("xavier_normal", (3, 4)), 1),
    (lambda: initializer(TruncatedNormal(), (3, 4)), 1),
    (lambda: initializer(Constant(2), (3, 4)), 0),
])
def test_each_random_initializer_takes_one_legacy_draw(make, draws):
    assert draws_taken(make) == draws


def test_the_draw_seeds_a_default_rng():
    np.random.seed(3)
    seed = np.random.randint(**DRAW)
    expected = np.random.default_rng(seed).normal(0.0, 0.01, (2, 3))
    np.random.seed(3)
    close(initializer("normal", (2, 3), ms.float64), expected, rtol=1e-12)


def test_set_seed_makes_initialisation_repeatable():
    ms.set_seed(5)
    first = nn.Dense(4, 3).weight.asnumpy()
    ms.set_seed(5)
    assert (nn.Dense(4, 3).weight.asnumpy() == first).all()


# --- 5.8 initializers --------------------------------------------------------


def sample(init):
    return initializer(init, (300, 400), ms.float32).asnumpy()


@pytest.mark.parametrize("init, std, bound", [
    ("normal", 0.01, None),
    ("uniform", None, 0.07),
    ("he_uniform", None, np.sqrt(6 / 400)),
    ("HeUniform", None, np.sqrt(6 / 400)),
    ("heuniform", None, np.sqrt(6 / 400)),
    (HeUniform(negative_slope=np.sqrt(5)), None, 1 / np.sqrt(400)),
    ("he_normal", np.sqrt(2 / 400), None),
    ("xavier_uniform", None, np.sqrt(6 / 700)),
    ("xavier_normal", np.sqrt(2 / 700), None),
    (Normal(sigma=2.0, mean=1.0), 2.0, None),
    (Uniform(scale=3), None, 3.0),
])
def test_initializer_statistics(init, std, bound):
    values = sample(init)
    if std is not None:
        assert abs(values.std() - std) < 0.02 * std
    if bound is not None:
        assert np.abs(values).max() <= bound
        assert np.abs(values).max() > 0.99 * bound
        assert abs(values.std() - bound / np.sqrt(3)) < 0.02 * bound


def test_truncated_normal_stays_within_two_sigma():
    values = sample("truncatednormal")
    assert np.abs(values).max() <= 0.02 and 0.008 < values.std() < 0.01


def test_constant_initializers_and_tensors():
    close(initializer("zeros", (2,)), [0.0, 0.0])
    close(initializer("ONES", [2]), [1.0, 1.0])
    close(initializer(One(), 2, ms.float16), [1.0, 1.0])
    close(initializer(Zero(), (1,)), [0.0])
    close(initializer(2.5, [2]), [2.5, 2.5])
    given = Tensor([1.0, 2.0])
    assert initializer(given, [2]) is given
    assert initializer("ones", (2, 2), ms.float64).dtype is ms.float64


def test_initializer_objects_fill_arrays_in_place():
    array = np.zeros((2, 3), np.float32)
    One()(array)
    assert (array == 1).all() and isinstance(One(), Initializer)
    HeNormal()(array)
    XavierUniform()(array)
    XavierNormal()(array)
    assert array.std() > 0


@pytest.mark.parametrize("make, error", [
    (lambda: initializer("bogus", [2]), ValueError),
    (lambda: initializer(Tensor([1.0, 2.0]), [3]), ValueError),
    (lambda: initializer("he_uniform", [3]), ValueError),
    (lambda: initializer(object(), [3]), TypeError),
    (lambda: initializer("ones"), ValueError),
    (lambda: Initializer()(np.zeros(2)), NotImplementedError),
])
def test_initializer_errors(make, error):
    with pytest.raises(error):
        make()


# --- 5.9 other layers --------------------------------------------------------


def test_flatten():
    images = ops.ones((3, 28, 28))
    assert nn.Flatten()(images).shape == (3, 784)
    assert nn.Flatten(start_dim=0)(images).shape == (2352,)
    assert nn.Flatten(0, 1)(images).shape == (84, 28)
    for bad in (Tensor(1.0), Tensor([1.0, 2.0])):
        with pytest.raises(ValueError):
            nn.Flatten()(bad)
    with pytest.raises(ValueError):
        nn.Flatten(start_dim=3)(ops.ones((2, 3)))
    # an empty batch keeps its shape, as in MindSpore 2.10
    assert nn.Flatten()(ops.ones((0, 1, 28, 28))).shape == (0, 784)


def test_activations_values_and_dtypes():
    x = Tensor([[-1.0, 0.0, 2.0], [0.5, -3.0, 1.0]])
    close(nn.ReLU()(x), [[0, 0, 2], [0.5, 0, 1]])
    relu_int = nn.ReLU()(Tensor([-1, 2], ms.int32))
    assert relu_int.dtype is ms.int32 and relu_int.asnumpy().tolist() == [
        0, 2]
    close(nn.Sigmoid()(x), 1 / (1 + np.exp(-x.asnumpy())))
    close(nn.Tanh()(x), np.tanh(x.asnumpy()))
    e = np.exp(x.asnumpy())
    close(nn.Softmax()(x), e / e.sum(1, keepdims=True))
    close(nn.Softmax(axis=0)(x), e / e.sum(0, keepdims=True))
    assert nn.Softmax(axis=1)(Tensor([[0.1, 3.0, 0.2]])).argmax(1) \
        .asnumpy().tolist() == [1]


def test_activation_gradients():
    x = Tensor([[-1.0, 0.3, 2.0], [0.5, -3.0, 1.0]])
    for cell in (nn.ReLU(), nn.Sigmoid(), nn.Tanh(), nn.Softmax(),
                 nn.Softmax(axis=0)):
        check_grads(cell, x)
    close(ms.grad(lambda t: nn.ReLU()(t).sum())(Tensor([-1.0, 0.0, 1.0])),
          [0.0, 0.0, 1.0])


def test_softmax_errors():
    with pytest.raises(TypeError):
        nn.Softmax(dim=1)
    with pytest.raises(ValueError, match="axis"):
        nn.Softmax(axis=5)(ops.ones((2, 3)))


def test_dropout_train_and_eval():
    drop = nn.Dropout(p=0.2)
    ones = ops.ones((100, 100))
    assert drop(ones) is ones or (drop(ones).asnumpy() == 1).all()
    drop.set_train()
    out = drop(ones).asnumpy()
    assert set(np.unique(out).tolist()) == {0.0, 1.25}
    assert 0.75 < (out > 0).mean() < 0.85
    ms.set_seed(1)
    mask = drop(ones).asnumpy()
    ms.set_seed(1)
    grad = ms.grad(lambda t: drop(t).sum())(ones).asnumpy()
    assert (grad == mask).all()
    drop.set_train(False)
    close(drop(ones), np.ones((100, 100)))
    close(nn.Dropout(p=0.0).set_train()(ones), np.ones((100, 100)))
    close(nn.Dropout(keep_prob=1.0).set_train()(ones), np.ones((100, 100)))


@pytest.mark.parametrize("make, error", [
    (lambda: nn.Dropout(p=1.0), ValueError),
    (lambda: nn.Dropout(p=-0.1), ValueError),
    (lambda: nn.Dropout(p="a"), TypeError),
    (lambda: nn.Dropout(keep_prob=1), TypeError),
    (lambda: nn.Dropout(keep_prob=0.0), ValueError),
])
def test_dropout_errors(make, error):
    with pytest.raises(error):
        make()


# --- 6 losses ----------------------------------------------------------------


LOGITS = Tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
LABELS = Tensor([0, 1], ms.int32)
ONEHOT = Tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
PROBS = Tensor([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]])
CLASS_WEIGHT = Tensor([1.0, 2.0, 3.0])


@pytest.mark.parametrize("loss_fn, labels, expected", [
    (nn.CrossEntropyLoss(), LABELS, 0.31854),
    (nn.CrossEntropyLoss(reduction="sum"), LABELS, 0.637079),
    (nn.CrossEntropyLoss(reduction="none"), LABELS, [0.41703, 0.220049]),
    (nn.CrossEntropyLoss(weight=CLASS_WEIGHT), LABELS, 0.285709),
    (nn.CrossEntropyLoss(), ONEHOT, 0.31854),
    (nn.CrossEntropyLoss(weight=CLASS_WEIGHT), ONEHOT, 0.428564),
    (nn.CrossEntropyLoss(), PROBS, 0.723539),
    (nn.CrossEntropyLoss(ignore_index=1), LABELS, 0.41703),
    (nn.CrossEntropyLoss(label_smoothing=0.1), LABELS, 0.436873),
    (nn.CrossEntropyLoss(label_smoothing=0.1), ONEHOT, 0.436873),
    (nn.SoftmaxCrossEntropyWithLogits(), ONEHOT, [0.41703, 0.220049]),
    (nn.SoftmaxCrossEntropyWithLogits(reduction="mean"), ONEHOT, 0.31854),
    (nn.SoftmaxCrossEntropyWithLogits(sparse=True), LABELS,
     [0.41703, 0.220049]),
    (nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="sum"),
     Tensor([0, 1]), 0.637079),
])
def test_cross_entropy_numbers(loss_fn, labels, expected):
    close(loss_fn(LOGITS, labels), expected)


def test_cross_entropy_mean_is_the_mean_of_the_per_sample_losses():
    # the fused 'mean' must give np.mean's bits, forward and backward
    rng = np.random.default_rng(0)
    for dtype in (ms.float32, ms.float64):
        x = Tensor(rng.standard_normal((37, 10)), dtype)
        y = Tensor(rng.integers(0, 10, 37), ms.int32)
        per_sample = ops.cross_entropy(x, y, reduction="none")
        assert ops.cross_entropy(x, y).asnumpy() == np.mean(
            per_sample.asnumpy())
        mean_grad = ms.grad(lambda t: ops.cross_entropy(t, y))(x)
        sum_grad = ms.grad(lambda t: ops.cross_entropy(
            t, y, reduction="sum"))(x)
        close(mean_grad, sum_grad.asnumpy() / 37, rtol=1e-6)


def test_cross_entropy_shapes_and_gradient():
    close(nn.CrossEntropyLoss()(Tensor([2.0, 1.0, 0.1]),
                                Tensor(0, ms.int32)), 0.41703)
    close(nn.CrossEntropyLoss()(ops.ones((2, 3, 4)),
                                Tensor(np.zeros((2, 4)), ms.int32)), 1.09861)
    grad = ms.grad(nn.CrossEntropyLoss())(LOGITS, LABELS)
    close(grad[0], [-0.170499, 0.121216, 0.0492829])
    for loss_fn, labels in [
            (nn.CrossEntropyLoss(weight=CLASS_WEIGHT), LABELS),
            (nn.CrossEntropyLoss(label_smoothing=0.1), ONEHOT),
            (nn.CrossEntropyLoss(reduction="sum"), PROBS),
            (nn.SoftmaxCrossEntropyWithLogits(sparse=True), LABELS)]:
        check_grads(lambda x: loss_fn(x, labels), LOGITS)


@pytest.mark.parametrize("labels, error", [
    (Tensor([0, 1]), TypeError),                    # int64
    (Tensor([0.0, 1.0]), TypeError),                # float indices
    (Tensor([[0, 1, 0], [1, 0, 0]], ms.int32), TypeError),
    (Tensor([0], ms.int32), ValueError),
    (Tensor([[1.0, 0.0], [0.0, 1.0]]), ValueError),
    (Tensor([0, 5], ms.int32), RuntimeError),
    (Tensor([0, -1], ms.int32), RuntimeError),      # [D]
    ([0, 1], TypeError),
])
def test_cross_entropy_label_errors(labels, error):
    with pytest.raises(error):
        nn.CrossEntropyLoss()(LOGITS, labels)


def test_cross_entropy_logit_errors():
    with pytest.raises(TypeError, match="float"):
        nn.CrossEntropyLoss()(Tensor([[1, 2]], ms.int32),
                              Tensor([0], ms.int32))
    with pytest.raises(TypeError):
        nn.CrossEntropyLoss()(Tensor(np.ones((2, 3))), LABELS)
    with pytest.raises(TypeError):
        nn.SoftmaxCrossEntropyWithLogits(sparse=True)(LOGITS,
                                                      Tensor([0.0, 1.0]))
    with pytest.raises(TypeError):
        nn.SoftmaxCrossEntropyWithLogits()(LOGITS, LABELS)


A = Tensor([[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]])
B_ = Tensor([[0.0, 2.0, 5.0], [3.0, 1.0, 1.0]])


def test_mse_and_l1_numbers_and_gradients():
    close(nn.L1Loss()(A, B_), 1.5)
    close(nn.L1Loss(reduction="sum")(A, B_), 9.0)
    close(nn.MSELoss()(A, B_), 3.16667)
    close(nn.MSELoss(reduction="none")(A, B_), [[1, 0, 4], [1, 4, 9]])
    close(ms.grad(nn.MSELoss())(A, B_), 2 * (A - B_).asnumpy() / 6)
    check_grads(nn.MSELoss(), A, B_)
    check_grads(nn.L1Loss(reduction="sum"), A, Tensor([[0.0, 2.5, 5.0],
                                                       [3.0, 1.0, 1.0]]))
    close(nn.MSELoss()(A, Tensor([1.0, 2.0, 3.0])), 0.5)
    f64 = nn.MSELoss()(Tensor(np.array([1.0, 2.0])),
                       Tensor(np.array([1.0, 3.0])))
    assert f64.dtype is ms.float64


@pytest.mark.parametrize("make, error", [
    (lambda: nn.MSELoss()(A, [1.0, 2.0, 3.0]), TypeError),
    (lambda: nn.L1Loss()(A, np.ones((2, 3), np.float32)), TypeError),
    (lambda: nn.MSELoss()(Tensor([1, 2]), Tensor([1, 3])), TypeError),  # [D]
    (lambda: nn.L1Loss()(Tensor([1.0, 2.0]), Tensor([1.0, 2.0, 3.0])),
     ValueError),
    (lambda: nn.MSELoss("x"), ValueError),
    (lambda: nn.L1Loss("x"), ValueError),
    (lambda: nn.CrossEntropyLoss(reduction="avg"), ValueError),
    (lambda: nn.BCEWithLogitsLoss(reduction="avg"), ValueError),
    (lambda: nn.SoftmaxCrossEntropyWithLogits(reduction="bad"), ValueError),
    (lambda: nn.BCEWithLogitsLoss()(Tensor([1.0]), [1.0]), TypeError),
])
def test_loss_errors(make, error):
    with pytest.raises(error):
        make()


def test_bce_with_logits_numbers_and_gradient():
    x = Tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
    y = Tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    close(nn.BCEWithLogitsLoss()(x, y), 0.630484)
    close(nn.BCEWithLogitsLoss(reduction="sum")(x, y), 3.7829)
    close(nn.BCEWithLogitsLoss(weight=Tensor([1.0, 2.0, 0.5]))(x, y),
          0.748135)
    close(nn.BCEWithLogitsLoss(pos_weight=Tensor([3.0, 1.0, 2.0]))(x, y),
          0.809664)
    close(ms.grad(nn.BCEWithLogitsLoss())(x, y)[0],
          [-0.0629234, 0.0448236, -0.0198671])
    check_grads(nn.BCEWithLogitsLoss(), x, y)


def test_loss_base_get_loss():
    data = Tensor([[1.0, 2.0], [3.0, 4.0]])
    close(nn.LossBase().get_loss(data), 2.5)
    close(nn.LossBase().get_loss(data, Tensor([[1.0], [0.0]])), 0.75)
    close(nn.LossBase("sum").get_loss(Tensor([1.0, 2.0])), 3.0)
    close(nn.LossBase("none").get_loss(Tensor([1.0, 2.0]), 2.0), [2.0, 4.0])

    class AbsLoss(nn.LossBase):
        def construct(self, logits, labels):
            return self.get_loss(ops.abs(logits - labels))
    close(AbsLoss()(Tensor([1.0, 2.0]), Tensor([0.0, 0.0])), 1.5)
    close(ms.grad(AbsLoss())(Tensor([1.0, -2.0]), Tensor([0.0, 0.0])),
          [0.5, -0.5])


# --- custom bprop ------------------------------------------------------------


class Mul(nn.Cell):
    calls = 0

    def construct(self, x, y):
        return x * y

    def bprop(self, x, y, out, dout):
        Mul.calls += 1
        return x * 10, y * 100 * dout


def test_custom_bprop_replaces_the_gradient():
    x, y = Tensor([1.0, 2.0]), Tensor([3.0, 4.0])
    Mul.calls = 0
    dx, dy = ms.grad(Mul(), (0, 1))(x, y)
    close(dx, [10.0, 20.0])
    close(dy, [300.0, 400.0])
    assert Mul.calls == 1
    close(Mul()(x, y), [3.0, 8.0])

    class Outer(nn.Cell):
        def __init__(self):
            super().__init__()
            self.inner = Mul()

        def construct(self, x, y):
            return (self.inner(x, y) * 2).sum()
    close(ms.grad(Outer(), 1)(x, y), [600.0, 800.0])


def test_custom_bprop_gives_weights_zero_gradients():
    class Weighted(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = Parameter(Tensor([2.0, 2.0]), name="w")

        def construct(self, x):
            return x * self.w

        def bprop(self, x, out, dout):
            return (dout * 7,)
    net = Weighted()
    dx, (dw,) = ms.grad(net, 0, net.trainable_params())(Tensor([1.0, 2.0]))
    close(dx, [7.0, 7.0])
    close(dw, [0.0, 0.0])


def test_custom_bprop_inside_a_second_order_transform():
    class Cube(nn.Cell):
        def construct(self, x):
            return x * x * x

        def bprop(self, x, out, dout):
            return (3 * x * x * dout,)
    first = ms.grad(lambda x: Cube()(x).sum())
    close(ms.grad(lambda x: first(x).sum())(Tensor([2.0])), [12.0])


def test_a_bprop_with_the_wrong_number_of_gradients_is_a_type_error():
    class Bad(nn.Cell):
        def construct(self, x):
            return x * 2

        def bprop(self, x, out, dout):
            return dout
    with pytest.raises(TypeError, match="tuple"):
        ms.grad(Bad())(Tensor([1.0]))


# --- Parameter.data and item assignment; facades ---------------------------


def test_parameter_data_and_item_assignment():
    w = Parameter(Tensor([1.0, 2.0, 3.0]), name="w")
    w[0] = 10.0
    assert isinstance(w, Parameter) and w.name == "w"
    data = w.data
    data[1] = -1.0
    close(w, [10.0, -1.0, 3.0])


def test_nn_reaches_optim_lazily():
    code = ("import sys, mindgrad; assert 'mindgrad.optim' not in "
            "sys.modules; from mindgrad import nn; nn.SGD; "
            "assert 'mindgrad.optim' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
    from mindgrad import optim
    assert nn.SGD is optim.SGD and nn.TrainOneStepCell is \
        optim.TrainOneStepCell
    with pytest.raises(AttributeError, match="Nope"):
        nn.Nope


def test_public_names():
    assert set(nn.__all__) >= {
        "Cell", "SequentialCell", "CellList", "Dense", "Flatten", "ReLU",
        "Sigmoid", "Tanh", "Softmax", "Dropout", "BCEWithLogitsLoss",
        "CrossEntropyLoss", "MSELoss", "L1Loss", "LossBase",
        "SoftmaxCrossEntropyWithLogits", "SGD", "Adam", "Momentum"}


def test_mindir_features_say_what_to_use_instead():
    """api.md 10: MindIR export/load and nn.GraphCell are not provided."""
    with pytest.raises(NotImplementedError, match="save_checkpoint"):
        ms.export(nn.Dense(2, 1), ms.Tensor([[1.0, 2.0]]), file_name="m")
    with pytest.raises(NotImplementedError, match="load_checkpoint"):
        ms.load("m.mindir")
    with pytest.raises(NotImplementedError, match="load_checkpoint"):
        nn.GraphCell(None)
