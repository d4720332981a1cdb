"""ParameterTuple: repr, validation and clone (api.md 4.2)."""
import time

from mindspore import Parameter, ParameterTuple, Tensor


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


w = Parameter(Tensor([[1.0, 2.0]]), name="w")
b = Parameter(Tensor([0.5]), name="b")
params = ParameterTuple([w, b])
print(params)
print(repr(params))
print(len(params), isinstance(params, tuple), params[0] is w)
print([p.name for p in params])
print(ParameterTuple((w, w)))

copies = params.clone("copy")
print(copies)
print(copies[0].asnumpy(), copies[0] is not w)
zeros = params.clone("z", init="zeros")
print(zeros[0].asnumpy(), zeros[1].asnumpy(), zeros[1].dtype)

show_error("a Tensor element:", lambda: ParameterTuple([w, Tensor([1.0])]))
twin = Parameter(Tensor([3.0]), name="w")
show_error("duplicate names:", lambda: ParameterTuple([w, twin]))
