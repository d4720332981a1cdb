"""Shape functions in ops (api.md 1.2)."""
import time

import numpy as np

from mindspore import Tensor, ops


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


t = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
print(ops.reshape(t, (3, 2)))
print(ops.reshape(t, (-1,)).shape)
print(ops.transpose(t, (1, 0)))
cube = Tensor(np.zeros((2, 3, 4), np.float32))
print(ops.transpose(cube, (2, 0, 1)).shape)
print(ops.flatten(cube).shape, ops.flatten(cube, start_dim=0).shape)
print(ops.squeeze(Tensor(np.ones((1, 3, 1), np.float32))).shape)
print(ops.squeeze(Tensor(np.ones((1, 3, 1), np.float32)), 0).shape)
print(ops.expand_dims(t, 0).shape, ops.unsqueeze(t, dim=2).shape)
print(ops.concat((t, t)))
print(ops.concat([t, t], axis=1).shape, ops.cat((t, t), 1).shape)
print(ops.stack((t, t)).shape, ops.stack([t, t], axis=2).shape)
print(ops.stack((Tensor([1, 2]), Tensor([3, 4])), 1))

show_error("reshape bad size:", lambda: ops.reshape(t, (4,)))
show_error("transpose bad dims:", lambda: ops.transpose(t, (0,)))
show_error("concat a Tensor:", lambda: ops.concat(t))
show_error("concat mismatch:",
           lambda: ops.concat((t, Tensor(np.ones((2, 2), np.float32)))))
show_error("stack mismatch:",
           lambda: ops.stack((t, Tensor(np.ones((3, 2), np.float32)))))
