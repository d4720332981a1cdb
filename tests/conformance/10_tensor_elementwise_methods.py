"""Elementwise and other Tensor methods (api.md 3.6)."""
import numpy as np

from mindspore import Tensor

x = Tensor([0.5, 1.0, 2.0])
print(x.exp())
print(x.log())
print(x.sqrt())
print((-x).abs())
print(x.pow(2), x.pow(x))
print(x.square())
print(x.sigmoid())
print(x.tanh())
print(x.clip(0.75, 1.5))

m = Tensor(np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], np.float32))
print(m.softmax(1))
print(m.softmax(axis=0))
print(m.matmul(Tensor(np.ones((3, 2), np.float32))))
print(m.all(), (m > 0).all(), (m > 2).any())
print(hasattr(m, "relu"))
