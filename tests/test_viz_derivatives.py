"""The derivative pictures of lessons 07-09 draw what their titles say."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mindgrad import ops, viz  # noqa: E402


@pytest.fixture
def figure():
    """Close whatever figure the test built, pass or fail."""
    made = []
    yield made.append
    for fig in made:
        plt.close(fig)


def curves(fig):
    return {line.get_label(): line for line in fig.axes[0].get_lines()
            if not line.get_label().startswith("_")}


def test_derivatives_figure_draws_tanh_and_its_nested_grads(figure):
    fig = viz.derivatives_figure(ops.tanh, low=-2.0, high=2.0, num=9)
    figure(fig)
    assert isinstance(fig, matplotlib.figure.Figure)
    assert fig.axes[0].get_title() == \
        "f and its derivatives by nested ms.grad"
    lines = curves(fig)
    assert list(lines) == ["f(x)", "f'(x)", "f''(x)"]
    x = np.linspace(-2.0, 2.0, 9)
    t = np.tanh(x)
    np.testing.assert_allclose(lines["f(x)"].get_ydata(), t, rtol=1e-6)
    np.testing.assert_allclose(lines["f'(x)"].get_ydata(), 1 - t ** 2,
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(lines["f''(x)"].get_ydata(),
                               -2 * t * (1 - t ** 2), rtol=1e-4, atol=1e-6)


def test_derivatives_figure_takes_order_and_title(figure):
    fig = viz.derivatives_figure(lambda x: x * x, order=1, num=5,
                                 title="a parabola")
    figure(fig)
    assert fig.axes[0].get_title() == "a parabola"
    lines = curves(fig)
    assert list(lines) == ["f(x)", "f'(x)"]
    np.testing.assert_allclose(lines["f'(x)"].get_ydata(),
                               2 * np.linspace(-3.0, 3.0, 5))


def test_step_size_figure_shows_both_dtypes_and_their_best_steps(figure):
    fig = viz.step_size_figure(ops.sin, x0=1.0)
    figure(fig)
    ax = fig.axes[0]
    assert ax.get_title().startswith("Central differences at x = 1")
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    lines = curves(fig)
    assert sorted(lines) == ["float32", "float64"]
    best = {name: line.get_xdata()[np.argmin(line.get_ydata())]
            for name, line in lines.items()}
    assert best == {"float64": 1e-5, "float32": 1e-2}   # lesson 07's check
    # on the right of the V the error is the truncation term h^2/6 |f'''|
    h, error = lines["float64"].get_xdata()[0], \
        lines["float64"].get_ydata()[0]
    assert error == pytest.approx(h ** 2 / 6 * np.cos(1.0), rel=1e-2)


def test_step_size_figure_measures_against_ms_grad(figure):
    fig = viz.step_size_figure(lambda x: x * x * x, x0=2.0,
                               powers=[1, 2], title="cubic")
    figure(fig)
    assert fig.axes[0].get_title() == "cubic"
    errors = curves(fig)["float64"].get_ydata()
    # central difference of x^3 is exact up to h^2 (f''' = 6): error h^2
    np.testing.assert_allclose(errors, [1e-2, 1e-4], rtol=1e-6)
