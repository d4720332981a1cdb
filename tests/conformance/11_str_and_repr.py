"""str and repr of small Tensors, alone and inside tuples (api.md 3.7-3.8)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor

samples = [
    Tensor(1.3423151),
    Tensor(20.0),
    Tensor(-2.0),
    Tensor(1.5e-07),
    Tensor(123456789.0),
    Tensor(7),
    Tensor(True),
    Tensor(0.1, ms.float16),
    Tensor(2.5, ms.float64),
    Tensor([1.0, -2.5, 3.25]),
    Tensor([1, 10, -3]),
    Tensor([1, 0, 1, 0], ms.int32),
    Tensor([True, False]),
    Tensor([0.1, 1.5], ms.float16),
    Tensor([np.nan, np.inf, -np.inf, 1.0]),
    Tensor(np.arange(8, dtype=np.float32).reshape(2, 2, 2)),
    Tensor(np.array([[1, -20], [300, 4]]), ms.int32),
    Tensor(np.array([[True], [False]])),
    Tensor(np.array([[0.5, 1e-8], [1e8, -3.0]]), ms.float64),
]
for t in samples:
    print(str(t))
    print(repr(t))

pair = (Tensor([1.0, 2.0]), Tensor(3))
print(pair)
print((Tensor([1.0]),))
print([Tensor(1.5), Tensor([True])])
print({"loss": Tensor(0.25)})
print((Tensor(np.ones((2, 2), np.float32)), (Tensor(1.0),)))
