"""repr of wide, long, summarised and empty Tensors (api.md 3.7-3.8)."""
import numpy as np

from mindspore import Tensor

print(repr(Tensor(np.arange(14).reshape(7, 2))))
print(repr(Tensor(np.linspace(-1, 1, 10, dtype=np.float32).reshape(1, 10))))
print(repr(Tensor(np.arange(13, dtype=np.float32))))
print(repr(Tensor(np.arange(30))))
print(repr(Tensor(np.arange(26) % 3 == 0)))
print(repr(Tensor(np.arange(64, dtype=np.float32).reshape(8, 8))))
print(repr(Tensor(np.arange(2 * 7 * 3).reshape(2, 7, 3))))
print(repr(Tensor(np.arange(1001, dtype=np.float32))))
print(str(Tensor(np.arange(1001, dtype=np.float32))))
print(str(Tensor(np.arange(2000).reshape(40, 50))))
print(repr(Tensor(np.zeros((0,), np.float32))))
print(repr(Tensor(np.zeros((2, 0), np.float32))))
print(str(Tensor(np.zeros((2, 0), np.float32))))
print(repr(Tensor(np.array([[1, 2, 3]], np.int8))))
print(repr(Tensor(np.array([1.5, 2.5], np.float16).reshape(2, 1))))
