"""Promotion of Tensor with Python and NumPy scalars (api.md 3.4)."""
import time

import numpy as np

import mindspore as ms
from mindspore import Tensor


def show_error(label, make):
    """Print the class of the error make() raises (messages differ)."""
    try:
        str(make())  # str() forces the value, so a lazy error surfaces
    except Exception as e:
        print(label, type(e).__name__)
    else:
        print(label, "no error")
    settle()


def settle():
    """Let a failed op finish failing before the next check runs.

    MindSpore 2.10 runs ops asynchronously and may raise a failed op's
    error again at a later op, which would give the next check a random
    class. A pause and two synchronising ops absorb it. mindgrad raises
    at once, so it skips the pause.
    """
    if Tensor.__module__.startswith("mindspore"):
        time.sleep(0.2)
    for _ in range(2):
        try:
            (Tensor([1.0]) + 1).asnumpy()
        except Exception:
            pass


f16 = Tensor([1.0, 2.0], ms.float16)
f32 = Tensor([1.0, 2.0], ms.float32)
f64 = Tensor([1.0, 2.0], ms.float64)
i32 = Tensor([1, 2], ms.int32)
i64 = Tensor([1, 2], ms.int64)
u8 = Tensor([1, 2], ms.uint8)
flag = Tensor([True, False])

print("f16 + 1.5:", (f16 + 1.5).dtype)
print("f32 + np.float64(1):", (f32 + np.float64(1)).dtype)
print("f64 + 1.5:", (f64 + 1.5).dtype)
print("f32 + 2:", (f32 + 2).dtype)
print("i32 + 2:", (i32 + 2).dtype, i32 + 2)
print("i32 + 0.5:", (i32 + 0.5).dtype, i32 + 0.5)
print("i64 * 1.5:", (i64 * 1.5).dtype)
print("u8 + 1:", (u8 + 1).dtype)
print("i32 + np.int64(1):", (i32 + np.int64(1)).dtype)
print("bool + 1:", (flag + 1).dtype, flag + 1)
print("bool + 1.0:", (flag + 1.0).dtype)
print("bool + True:", (flag + True).dtype)
print("2.0 - i32:", (2.0 - i32).dtype, 2.0 - i32)
print("3 * f16:", (3 * f16).dtype)
print("i32 + list:", (i32 + [10, 20]).dtype, i32 + [10, 20])

print("i32 / i32:", (i32 / Tensor([2, 2], ms.int32)).dtype,
      i32 / Tensor([2, 2], ms.int32))
print("i64 / 2:", (i64 / 2).dtype, i64 / 2)
print("i32 // 2:", (i32 // 2).dtype, Tensor([7, -7], ms.int32) // 2)
print("i32 % 3:", (i32 % 3).dtype, Tensor([7, -7], ms.int32) % 3)
print("i32 ** 2:", (i32 ** 2).dtype, i32 ** 2)
print("f32 ** 2:", (f32 ** 2).dtype, f32 ** 2)
print("f32 // 0.75:", f32 // 0.75, "f32 % 0.75:", f32 % 0.75)

show_error("Tensor + ndarray:", lambda: f32 + np.array([1.0, 2.0]))
mixed = np.array([1.0, 2.0]) + f32
print("ndarray + Tensor:", type(mixed).__name__, mixed.dtype, mixed)
