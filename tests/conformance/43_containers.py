"""SequentialCell and CellList (api.md 5.6)."""
from collections import OrderedDict

import mindspore as ms
from mindspore import Tensor, nn


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


w1 = Tensor([[1.0, -1.0], [2.0, 0.5], [0.0, 1.0]], ms.float32)
b1 = Tensor([0.1, -5.0, 0.2], ms.float32)
w2 = Tensor([[1.0, 1.0, 1.0]], ms.float32)
x = Tensor([[1.0, 2.0], [-1.0, 3.0]], ms.float32)

seq = nn.SequentialCell(nn.Dense(2, 3, w1, b1), nn.ReLU(),
                        nn.Dense(3, 1, w2, 0.5))
print(seq(x))
as_list = nn.SequentialCell([nn.Dense(2, 3, w1, b1), nn.ReLU()])
print(as_list(x))
named = nn.SequentialCell(OrderedDict([("fc", nn.Dense(2, 3, w1, b1)),
                                       ("act", nn.ReLU())]))
print(named(x))
print([name for name, _ in named.parameters_and_names()])
print(len(seq), seq[1], seq[-1])
part = seq[0:2]
print(type(part).__name__, len(part))
print(part(x))
seq.append(nn.Sigmoid())
print(len(seq), seq(x))
print([type(c).__name__ for c in seq])
show_error("non-cell child:", lambda: nn.SequentialCell(nn.ReLU(), 3))
show_error("non-cell in list:", lambda: nn.SequentialCell([nn.ReLU(), 3]))

cells = nn.CellList([nn.Dense(2, 3, w1, b1), nn.ReLU()])
print(len(cells), cells[0], cells[-1])
y = x
for cell in cells:
    y = cell(y)
print(y)
cells.append(nn.Tanh())
print(len(cells), [name for name, _ in cells.parameters_and_names()])
show_error("call celllist:", lambda: cells(x))
