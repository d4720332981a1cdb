"""dtype objects: singletons, str, comparisons (api.md 3.2).

repr(ms.float32) is left out on purpose: mindgrad prints
mindgrad.float32 (api.md section 10).
"""
import numpy as np

import mindspore as ms
from mindspore import Tensor
from mindspore import dtype as mstype

names = ["float16", "float32", "float64", "int8", "int16", "int32",
         "int64", "uint8", "bool_"]
for name in names:
    dtype = getattr(ms, name)
    print(name, str(dtype), dtype is getattr(mstype, name))
    # np.dtype(...).name, not __name__: NumPy 2 renamed bool_ to bool.
    print("  ", f"{dtype}", np.dtype(ms.dtype_to_nptype(dtype)).name)

t = Tensor([1, 2], ms.int32)
print(t.dtype)
print(t.dtype == ms.int32, t.dtype == mstype.int32, t.dtype != ms.int64)
print(t.dtype is ms.int32)
print(Tensor([1.0]).dtype == ms.float32)
print(str(Tensor(np.zeros(2, np.uint8)).dtype))
print(Tensor(True).dtype == ms.bool_)
print("dtypes in a list:", [str(d) for d in (ms.float32, ms.int64)])
