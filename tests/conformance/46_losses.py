"""CrossEntropyLoss, MSELoss, L1Loss and BCEWithLogitsLoss with their
numbers (api.md 6.1-6.3)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor, nn


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


logits = Tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], ms.float32)
labels = Tensor([0, 1], ms.int32)
onehot = Tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], ms.float32)
probs = Tensor([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]], ms.float32)
weight = Tensor([1.0, 2.0, 3.0], ms.float32)
print(nn.CrossEntropyLoss()(logits, labels))
print(nn.CrossEntropyLoss(reduction="sum")(logits, labels))
print(nn.CrossEntropyLoss(reduction="none")(logits, labels))
print(nn.CrossEntropyLoss(weight=weight)(logits, labels))
print(nn.CrossEntropyLoss()(logits, onehot))
print(nn.CrossEntropyLoss(weight=weight)(logits, onehot))
print(nn.CrossEntropyLoss()(logits, probs))
print(nn.CrossEntropyLoss(ignore_index=1)(logits, labels))
print(nn.CrossEntropyLoss(label_smoothing=0.1)(logits, labels))
print(nn.CrossEntropyLoss(label_smoothing=0.1)(logits, onehot))
print(nn.CrossEntropyLoss()(Tensor([2.0, 1.0, 0.1]), Tensor(0, ms.int32)))
print(nn.CrossEntropyLoss()(Tensor(np.ones((2, 3, 4)), ms.float32),
                            Tensor(np.zeros((2, 4)), ms.int32)))
print(ms.grad(nn.CrossEntropyLoss())(logits, labels))
show_error("int64 labels:",
           lambda: nn.CrossEntropyLoss()(logits, Tensor([0, 1])))
show_error("float labels:",
           lambda: nn.CrossEntropyLoss()(logits, Tensor([0.0, 1.0])))
show_error("int logits:", lambda: nn.CrossEntropyLoss()(
    Tensor([[1, 2]], ms.int32), Tensor([0], ms.int32)))
show_error("f64 logits:", lambda: nn.CrossEntropyLoss()(
    Tensor(np.ones((2, 3))), labels))
show_error("2-D int labels:", lambda: nn.CrossEntropyLoss()(
    logits, Tensor([[0, 1, 0], [1, 0, 0]], ms.int32)))
show_error("label shape:", lambda: nn.CrossEntropyLoss()(
    logits, Tensor([0], ms.int32)))
show_error("bad reduction:", lambda: nn.CrossEntropyLoss(reduction="avg"))

a = Tensor([[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]], ms.float32)
b = Tensor([[0.0, 2.0, 5.0], [3.0, 1.0, 1.0]], ms.float32)
print(nn.L1Loss()(a, b), nn.L1Loss(reduction="sum")(a, b))
print(nn.L1Loss(reduction="none")(a, b))
print(nn.MSELoss()(a, b), nn.MSELoss(reduction="sum")(a, b))
print(nn.MSELoss(reduction="none")(a, b))
print(ms.grad(nn.MSELoss())(a, b))
print(ms.grad(nn.L1Loss())(a, b))
print(nn.MSELoss()(a, Tensor([1.0, 2.0, 3.0])))
f64 = nn.MSELoss()(Tensor(np.array([1.0, 2.0])), Tensor(np.array([1.0, 3.0])))
print(f64, f64.dtype)
show_error("mse list labels:", lambda: nn.MSELoss()(a, [1.0, 2.0, 3.0]))
show_error("mse numpy labels:",
           lambda: nn.MSELoss()(a, np.ones((2, 3), np.float32)))
show_error("l1 broadcast:", lambda: nn.L1Loss()(
    Tensor([1.0, 2.0]), Tensor([1.0, 2.0, 3.0])))
show_error("mse reduction:", lambda: nn.MSELoss("x"))
show_error("l1 reduction:", lambda: nn.L1Loss("x"))

x = Tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]], ms.float32)
y = Tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]], ms.float32)
print(nn.BCEWithLogitsLoss()(x, y))
print(nn.BCEWithLogitsLoss(reduction="sum")(x, y))
print(nn.BCEWithLogitsLoss(reduction="none")(x, y))
print(nn.BCEWithLogitsLoss(weight=Tensor([1.0, 2.0, 0.5]))(x, y))
print(nn.BCEWithLogitsLoss(pos_weight=Tensor([3.0, 1.0, 2.0]))(x, y))
print(ms.grad(nn.BCEWithLogitsLoss())(x, y))
show_error("bce list target:", lambda: nn.BCEWithLogitsLoss()(
    x, [[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]))
