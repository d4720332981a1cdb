"""format() of Tensors: only the empty spec works (api.md 3.9)."""
import time

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


y_pred = Tensor([6])
loss = Tensor(0.123456)
print(f"{y_pred}")
print(f"Predicted: {y_pred}, loss: {loss}")
print(format(Tensor([[1.0, 2.0]])))
print("{}".format(Tensor(True)))
print(f"{loss.asnumpy():>7f}")
print(f"{loss.item():.4f}")

show_error("f'{loss:>7f}':", lambda: f"{loss:>7f}")
show_error("f'{loss:.4f}':", lambda: f"{loss:.4f}")
show_error("f'{y_pred:d}':", lambda: f"{y_pred:d}")
