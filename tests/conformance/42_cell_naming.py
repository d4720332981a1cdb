"""Registration, naming, traversal and the training flag (api.md 5.1-5.4)."""
import numpy as np

import mindspore as ms
from mindspore import Parameter, ParameterTuple, Tensor, nn


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


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
        self.inner = Inner()
        self.plain = [Parameter(Tensor([0.0]), name="listed")]
        self.t = Tensor([5.0])

    def construct(self, x):
        return self.fc2(self.fc(x)) * self.w


inner = Inner()
print([name for name, _ in inner.parameters_and_names()])
net = Outer()
print([name for name, _ in net.parameters_and_names()])
print([p.name for p in net.get_parameters()])
print([p.name for p in net.trainable_params()])
print([p.name for p in net.trainable_params(recurse=False)])
print([p.name for p in net.untrainable_params()])
print(list(net.parameters_dict().keys()))
print([name for name, _ in net.cells_and_names()])
print(list(net.name_cells().keys()), len(list(net.cells())))
print(type(net.trainable_params()).__name__)
net.fc = nn.Dense(3, 5)
print([p.name for p in net.trainable_params()])
net.fc.weight = Tensor(np.ones((5, 3)), ms.float32)
print(type(net.fc.weight).__name__, net.fc.weight.name, net.fc.weight[0])
bare = nn.Dense(2, 2)
print([name for name, _ in bare.parameters_and_names()])
seq = nn.SequentialCell(nn.Flatten(), nn.Dense(4, 3), nn.ReLU(),
                        nn.Dense(3, 1))
print([name for name, _ in seq.parameters_and_names()])
print([name for name, _ in seq.cells_and_names()])


class WithTuple(nn.Cell):
    def __init__(self):
        super().__init__()
        self.group = ParameterTuple([Parameter(Tensor([1.0]), name="a"),
                                     Parameter(Tensor([2.0]), name="b")])

    def construct(self, x):
        return x


print([p.name for p in WithTuple().trainable_params()])


class Layers(nn.Cell):
    def __init__(self):
        super().__init__()
        self.layers = nn.CellList([nn.Dense(2, 2), nn.Dense(2, 1)])

    def construct(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


layers = Layers()
print([p.name for p in layers.trainable_params()])
print(layers(Tensor([[1.0, 2.0]])).shape)

print(net.training, net.fc.training, net.requires_grad, net.phase)
print(net.set_train() is net, net.training, net.fc.training, net.phase)
net.set_train(False)
print(net.training, net.fc.training, net.phase)


class Square(nn.Cell):
    def construct(self, x):
        return x * x


print(Square()(3.0))


class NoConstruct(nn.Cell):
    pass


class Early(nn.Cell):
    def __init__(self):
        self.w = Parameter(Tensor([1.0]))
        super().__init__()


show_error("no construct:", lambda: NoConstruct()(Tensor([1.0])))
show_error("before init:", Early)
show_error("dotted child:",
           lambda: nn.Cell().insert_child_to_cell("a.b", nn.ReLU()))
show_error("non-cell child:", lambda: nn.Cell().insert_child_to_cell("a", 3))
cell = nn.Cell()
cell.insert_child_to_cell("act", nn.ReLU())
print(cell)
bare.update_parameters_name("net.")
print([p.name for p in bare.get_parameters()])
