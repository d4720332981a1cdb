"""Lists and tuples next to a Tensor: which operators take them (api.md 3,
MindSpore 2.10's own mix) and that the ops.* functions refuse them."""
import operator
import time

import numpy as np

from mindspore import Tensor, ops


def settle():
    """Let a failed op finish failing before the next check runs (see
    05_promotion_scalars.py)."""
    if Tensor.__module__.startswith("mindspore"):
        time.sleep(0.2)
    for _ in range(2):
        try:
            (Tensor([1.0]) + 1).asnumpy()
        except Exception:
            pass


def show(label, make):
    try:
        print(label, make())
    except Exception as e:
        print(label, type(e).__name__)
    settle()


t = Tensor(np.array([1.0, 2.0, 3.0], np.float32))
for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "eq",
             "ne", "lt", "le", "gt", "ge", "and_", "or_"):
    op = getattr(operator, name)
    show(f"t {name} list", lambda: op(t, [1, 2, 3]))
    show(f"list {name} t", lambda: op([1, 2, 3], t))
    show(f"t {name} tuple", lambda: op(t, (1, 2, 3)))
for name in ("add", "sub", "mul", "div", "pow", "maximum", "minimum",
             "equal", "not_equal", "less", "gt", "floor_divide",
             "remainder", "fmod", "logical_and"):
    show(f"ops.{name} list", lambda: getattr(ops, name)(t, [1, 2, 3]))
show("ops.where list", lambda: ops.where([True, False, True], t, t))
show("t == None", lambda: t == None)  # noqa: E711
show("t != 'a'", lambda: t != "a")
show("t == ndarray", lambda: t == np.array([1.0, 5.0, 3.0], np.float32))
show("t != ndarray", lambda: t != np.array([1.0, 5.0, 3.0], np.float32))
show("ops.gt number", lambda: ops.gt(t, 2))
