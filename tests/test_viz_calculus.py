"""mindgrad.viz.calculus: tangents, secants and slices (lessons 01-02).

Each picture must draw what its title says: the tangent's slope is the
derivative, every secant passes through both of its points, and each
slice's tangent has the partial derivative as its slope.
"""
import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mindgrad import ops, viz  # noqa: E402
from mindgrad.viz import calculus  # noqa: E402


def cubic(x):
    return x ** 3 - 3 * x


def surface(x, y):
    return x ** 2 * y + ops.sin(y)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _line(ax, label_start):
    """The one line whose legend label starts with ``label_start``."""
    (line,) = [ln for ln in ax.lines
               if ln.get_label().startswith(label_start)]
    return line


def _slope(line):
    xs, ys = (np.asarray(v, float) for v in line.get_data())
    return (ys[-1] - ys[0]) / (xs[-1] - xs[0])


def test_tangent_has_the_derivative_as_slope():
    fig = viz.tangent_line_figure(cubic, x0=2.0)
    (ax,) = fig.axes
    assert ax.get_title() == "Tangent at x0 = 2: slope f'(x0) = 9"
    assert _slope(_line(ax, "tangent")) == pytest.approx(9.0)
    assert ax.get_xlabel() and ax.get_ylabel()
    width, height = fig.get_size_inches()
    assert width <= 8 and height <= 4


def test_each_secant_goes_through_both_of_its_points():
    fig = viz.tangent_line_figure(cubic, x0=2.0, dx=[1.0, 0.5, 0.1])
    (ax,) = fig.axes
    assert ax.get_title().startswith("Secants close in on the tangent")
    for dx in (1.0, 0.5, 0.1):
        expected = (cubic(2.0 + dx) - cubic(2.0)) / dx
        assert _slope(_line(ax, f"secant Δx = {dx:g}")) == \
            pytest.approx(expected)


def test_one_step_compares_the_rise_with_the_differential():
    fig = viz.tangent_line_figure(cubic, x0=2.0, dx=0.1, window=0.15)
    (ax,) = fig.axes
    rise = cubic(2.1) - cubic(2.0)
    assert ax.get_title() == (f"Δx = 0.1: Δy = {rise:.4g} vs dy = 0.9; "
                              f"secant slope {rise / 0.1:.4g} vs tangent "
                              f"slope 9")
    delta_y = _line(ax, "Δy").get_data()[1]
    dy = _line(ax, "dy").get_data()[1]
    assert delta_y[1] - delta_y[0] == pytest.approx(rise)
    assert dy[1] - dy[0] == pytest.approx(0.9)
    assert ax.get_xlim() == pytest.approx((1.85, 2.15))


def test_a_zero_step_is_refused():
    with pytest.raises(ValueError, match="nonzero"):
        viz.tangent_line_figure(cubic, x0=2.0, dx=[0.5, 0.0])


def test_slices_have_the_partial_derivatives_as_slopes():
    fig = viz.partials_figure(surface, 1.0, 2.0)
    fx, fy = 2 * 1.0 * 2.0, 1.0 + np.cos(2.0)
    assert fig.get_suptitle() == (f"At (1, 2): f_x = 4.0000 and f_y = "
                                  f"{fy:.4f} are the slopes of the slices")
    x_slice, y_slice = fig.axes
    assert x_slice.get_title() == "Slice y = 2: slope f_x = 4.0000"
    assert _slope(_line(x_slice, "tangent")) == pytest.approx(fx)
    assert _slope(_line(y_slice, "tangent")) == pytest.approx(fy)
    xs, zs = _line(x_slice, "slice").get_data()
    assert zs == pytest.approx(xs ** 2 * 2.0 + np.sin(2.0))
    assert (x_slice.get_xlabel(), y_slice.get_xlabel()) == ("x", "y")


def test_surface_view_cuts_the_surface_with_the_plane():
    fig = viz.partials_figure(surface, 1.0, 2.0, surface=True)
    x_slice, cut = fig.axes
    assert cut.name == "3d"
    assert cut.get_title() == "The plane y = 2 cuts the surface"
    assert (cut.get_xlabel(), cut.get_ylabel(), cut.get_zlabel()) == \
        ("x", "y", "z")
    curve = cut.lines[0]
    xs, ys, zs = (np.asarray(v) for v in curve.get_data_3d())
    assert np.all(ys == 2.0)
    assert zs == pytest.approx(xs ** 2 * 2.0 + np.sin(2.0))
    assert _slope(_line(x_slice, "tangent")) == pytest.approx(4.0)


@pytest.mark.parametrize("wrapper, builder, names, args", [
    ("explore_tangent_line", "tangent_line_figure", ["x0", "Δx"], (cubic,)),
    ("explore_partials", "partials_figure", ["x0", "y0"], (surface,)),
])
def test_explore_only_wraps_its_builder(monkeypatch, wrapper, builder,
                                        names, args):
    calls = []
    real = getattr(calculus, builder)

    def recording(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(calculus, builder, recording)
    box = getattr(viz, wrapper)(*args)
    assert isinstance(box, ipywidgets.VBox)
    sliders = box.children[0].children
    assert [s.description for s in sliders] == names
    assert len(calls) == 1 and calls[0]["f"] is args[0]
