"""Type promotion between two Tensors (api.md 3.4)."""
import numpy as np

import mindspore as ms
from mindspore import Tensor

dtypes = [ms.bool_, ms.uint8, ms.int8, ms.int16, ms.int32, ms.int64,
          ms.float16, ms.float32, ms.float64]


def make(dtype):
    return Tensor(np.array([1, 0, 1]), dtype)


for left in dtypes:
    row = []
    for right in dtypes:
        row.append(str((make(left) + make(right)).dtype))
    print(f"{str(left):>8}:", " ".join(row))

a = Tensor([1.0, 2.0], ms.float32)
print("f32 + 0-d f64:", (a + Tensor(1.0, ms.float64)).dtype)
print("0-d f64 + f32:", (Tensor(1.0, ms.float64) + a).dtype)
print("i64 + 0-d f16:", (Tensor([1, 2]) + Tensor(1.0, ms.float16)).dtype)
print("f32 * i32:", (a * Tensor([2, 3], ms.int32)).dtype)
half, double = Tensor([1.0], ms.float16), Tensor([1.0], ms.float64)
print("f16 - f64:", (half - double).dtype)
print("bool * bool:", (Tensor([True]) * Tensor([False])).dtype)
