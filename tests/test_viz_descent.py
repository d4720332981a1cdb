"""The pictures of lesson 04 draw what their titles say (mindgrad.viz.descent).

Each builder runs headless on a tiny loss, returns a Figure whose paths
are real gradient-descent steps, and is closed; the slider twin only
wraps its builder.
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from mindgrad import Tensor  # noqa: E402
from mindgrad.viz import descent  # noqa: E402

X = Tensor([1.0, 2.0, 3.0, 4.0, 5.0])
Y = Tensor([9.0, 14.0, 19.0, 24.0, 29.0])       # seed 002: y = 5x + 4


def squared_error(w, b):
    return ((w * X + b - Y) ** 2).mean()


def bowl(w, b):
    return (w - 1.0) ** 2 + (b + 2.0) ** 2      # gradient (2(w-1), 2(b+2))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_descent_path_takes_gradient_steps():
    path = descent._descent_path(bowl, (0.0, 0.0), lr=0.25, steps=2)
    np.testing.assert_allclose(path, [[0, 0], [0.5, -1], [0.75, -1.5]])


def test_descent_path_stops_when_it_diverges():
    path = descent._descent_path(squared_error, (1.0, 1.0), 0.2, 500)
    assert len(path) < 501
    assert np.isfinite(path).all()


def test_landscape_contours_and_path_of_the_slider_arguments():
    fig = descent.loss_landscape_figure(bowl, start=(0.0, 0.0), lr=0.25,
                                        steps=3, wlim=(-1, 2), blim=(-3, 1),
                                        n=5)
    assert isinstance(fig, Figure)
    left, right = fig.axes
    np.testing.assert_allclose(np.c_[left.lines[0].get_data()],
                               [[0, 0], [0.5, -1], [0.75, -1.5],
                                [0.875, -1.75]])
    assert left.get_title().endswith(
        "after 3 steps: w = 0.8750, b = -1.7500, loss 0.078125")
    np.testing.assert_allclose(right.lines[0].get_ydata(),
                               [5, 1.25, 0.3125, 0.078125])
    assert right.get_yscale() == "log"
    assert (left.get_xlabel(), left.get_ylabel()) == ("w (slope)",
                                                      "b (intercept)")


def test_landscape_without_path_is_one_panel_of_contours():
    fig = descent.loss_landscape_figure(bowl, wlim=(-1, 2), blim=(-3, 1),
                                        n=5)
    assert len(fig.axes) == 1
    assert fig.axes[0].get_title() == ("Level curves of the loss: the "
                                       "lowest point is the best line")


def test_landscape_with_data_draws_the_line_of_each_marked_step():
    path = descent._descent_path(squared_error, (1.0, 1.0), 0.01, 12)
    fig = descent.loss_landscape_figure(squared_error, path, n=5,
                                        data=(X.asnumpy(), Y.asnumpy()))
    right = fig.axes[1]
    labels = [line.get_label() for line in right.lines]
    assert labels == ["data", "step 0", "step 10", "step 12"]
    grid, line = right.lines[2].get_data()
    w, b = path[10]
    np.testing.assert_allclose(line, w * grid + b)
    assert right.get_title() == "The line after each step"


def test_landscape_title_says_what_to_notice_when_asked():
    fig = descent.loss_landscape_figure(bowl, start=(0.0, 0.0), lr=0.25,
                                        steps=1, title="Straight to the "
                                        "bottom", wlim=(-1, 2), blim=(-3, 1),
                                        n=5)
    assert fig.axes[0].get_title().startswith("Straight to the bottom\n")


def test_several_paths_share_the_landscape():
    paths = {f"lr {lr}": descent._descent_path(squared_error, (1.0, 1.0),
                                               lr, 20)
             for lr in (0.01, 0.09)}
    fig = descent.loss_landscape_figure(squared_error, paths, n=5)
    left, right = fig.axes
    assert left.get_title() == "Several paths from one start"
    assert [line.get_label() for line in right.lines] == ["lr 0.01",
                                                          "lr 0.09"]
    slow, fast = (line.get_ydata() for line in right.lines)
    assert slow[-1] < slow[0] < fast[-1]         # 0.09 > 2/23.66 diverges


@pytest.mark.parametrize("losses", [bowl, {"squared": squared_error,
                                           "bowl": bowl}])
def test_explore_gradient_descent_only_wraps_its_builder(monkeypatch,
                                                         losses):
    calls = []

    def spy(**options):
        calls.append(options)
        return plt.figure()

    monkeypatch.setattr(descent, "loss_landscape_figure", spy)
    box = descent.explore_gradient_descent(losses, start=(1.0, 1.0))
    assert type(box).__name__ == "VBox"
    assert len(calls) == 1
    first = losses if callable(losses) else squared_error
    assert calls[0]["loss"] is first
    assert calls[0]["start"] == (1.0, 1.0)
    assert (calls[0]["lr"], calls[0]["steps"]) == (0.01, 100)
