"""Flatten, ReLU, Sigmoid, Tanh, Softmax and Dropout (api.md 5.9)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor, nn, ops


def show_error(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:  # noqa: BLE001 - the class is the point
        print(label, type(e).__name__)


images = ops.ones((3, 28, 28), ms.float32)
print(nn.Flatten()(images).shape, nn.Flatten(start_dim=0)(images).shape)
print(nn.Flatten(start_dim=0, end_dim=1)(images).shape)
print(nn.Flatten()(Tensor(np.ones((2, 3, 4, 5)), ms.float32)).shape)
show_error("flatten 0-d:", lambda: nn.Flatten()(Tensor(1.0)))
show_error("flatten 1-d:", lambda: nn.Flatten()(Tensor([1.0, 2.0])))
show_error("flatten start_dim:",
           lambda: nn.Flatten(start_dim=3)(Tensor(np.ones((2, 3)))))

x = Tensor([[-1.0, 0.0, 2.0], [0.5, -3.0, 1.0]])
print(nn.ReLU()(x))
print(nn.ReLU()(Tensor([-1, 2], ms.int32)))
print(nn.Sigmoid()(x))
print(nn.Tanh()(x))
print(nn.Softmax()(x))
print(nn.Softmax(axis=0)(x))
logits = Tensor([[0.1, 3.0, 0.2]])
print(f"Predicted class: {nn.Softmax(axis=1)(logits).argmax(1)}")
print(ms.grad(lambda t: nn.ReLU()(t).sum())(x))
print(ms.grad(lambda t: nn.Sigmoid()(t).sum())(x))
print(ms.grad(lambda t: (nn.Softmax()(t) * Tensor([1.0, 2.0, 3.0])).sum())(x))
show_error("softmax dim:", lambda: nn.Softmax(dim=1))

drop = nn.Dropout(p=0.2)
ones = ops.ones((100, 100), ms.float32)
print(drop.training, drop(ones).sum())
drop.set_train()
out = drop(ones)
print(drop.training, np.unique(out.asnumpy()))
kept = float((out.asnumpy() > 0).mean())
print(0.75 < kept < 0.85)
mask = out.asnumpy() > 0
grad = ms.grad(lambda t: drop(t).sum())(ones).asnumpy()
print(np.unique(grad))
drop.set_train(False)
print(drop(x))
print(nn.Dropout(p=0.0).set_train()(x))
print(nn.Dropout(keep_prob=1.0).set_train()(x))
show_error("p=1:", lambda: nn.Dropout(p=1.0))
show_error("p str:", lambda: nn.Dropout(p="a"))
show_error("keep_prob int:", lambda: nn.Dropout(keep_prob=1))
show_error("keep_prob 0:", lambda: nn.Dropout(keep_prob=0.0))
