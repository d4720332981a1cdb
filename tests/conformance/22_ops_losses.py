"""ops.cross_entropy, ops.mse_loss and ops.l1_loss (api.md 1.2, 6.2-6.3)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor, ops

logits = Tensor(np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], np.float32))
labels = Tensor([0, 1], ms.int32)
print("ce mean", ops.cross_entropy(logits, labels))
print("ce int64 labels", ops.cross_entropy(logits, Tensor([0, 1])))
print("ce sum", ops.cross_entropy(logits, labels, reduction="sum"))
print("ce none", ops.cross_entropy(logits, labels, reduction="none"))
weight = Tensor([1.0, 2.0, 3.0])
print("ce weight", ops.cross_entropy(logits, labels, weight))
probs = Tensor(np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]], np.float32))
print("ce probabilities", ops.cross_entropy(logits, probs))
print("ce smoothing", ops.cross_entropy(logits, labels,
                                        label_smoothing=0.1))
print("ce gradient", ms.grad(lambda z: ops.cross_entropy(z, labels))(logits))

a = Tensor(np.array([[1, 2, 3], [2, 3, 4]], np.float32))
b = Tensor(np.array([[0, 2, 5], [3, 1, 1]], np.float32))
print("mse mean", ops.mse_loss(a, b))
print("mse sum", ops.mse_loss(a, b, reduction="sum"))
print("mse none", ops.mse_loss(a, b, reduction="none"))
print("mse broadcast", ops.mse_loss(a, Tensor([1.0, 2.0, 3.0])))
print("mse gradient", ms.grad(lambda p: ops.mse_loss(p, b))(a))
print("l1 mean", ops.l1_loss(a, b))
print("l1 sum", ops.l1_loss(a, b, reduction="sum"))
print("l1 none", ops.l1_loss(a, b, reduction="none"))
print("l1 f64", ops.l1_loss(a.astype(ms.float64), b.astype(ms.float64)))
