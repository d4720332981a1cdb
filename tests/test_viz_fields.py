"""The pictures of lesson 03 draw what their titles say (mindgrad.viz.fields).

Each builder runs headless on a tiny input, returns a Figure whose
arrows, curves and lines carry the right numbers, and is closed; each
``explore_*`` wrapper only puts sliders around its builder.
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from mindgrad.viz import fields  # noqa: E402


def bowl(x, y):
    return x ** 2 + 3 * y ** 2          # gradient (2x, 6y)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_gradient_field_arrows_are_the_gradient_at_their_tails():
    fig = fields.gradient_field_figure(bowl, n=3)
    assert isinstance(fig, Figure)
    arrows = fig.axes[0].collections[-1]
    tails = arrows.get_offsets()
    assert len(tails) == 9
    np.testing.assert_allclose(arrows.U, 2 * tails[:, 0])
    np.testing.assert_allclose(arrows.V, 6 * tails[:, 1])
    assert "across the level curves" in fig.axes[0].get_title()


def test_gradient_field_marks_the_point_and_its_gradient_direction():
    fig = fields.gradient_field_figure(bowl, point=(1.0, 1.0), n=5)
    ax = fig.axes[0]
    assert ax.get_title().endswith("grad f(1, 1) = (2.00, 6.00)")
    red = ax.collections[-1]                 # the point's own arrow
    np.testing.assert_allclose(red.get_offsets()[0], [1.0, 1.0])
    direction = np.array([red.U[0], red.V[0]])
    np.testing.assert_allclose(direction / np.hypot(*direction),
                               np.array([2.0, 6.0]) / np.sqrt(40.0))
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "y"


def test_directional_derivative_curve_is_a_cosine_peaking_at_grad():
    fig = fields.directional_derivative_figure(bowl, (1.0, 1.0), n=73)
    right = fig.axes[1]
    degrees, slopes = right.lines[0].get_data()
    expected = 2 * np.cos(np.radians(degrees)) + 6 * np.sin(
        np.radians(degrees))
    np.testing.assert_allclose(slopes, expected, atol=1e-12)
    np.testing.assert_allclose(right.lines[1].get_xdata()[0],
                               np.degrees(np.arctan2(6.0, 2.0)))
    assert right.get_title() == ("largest slope 6.32 = |grad f| at 71.6 "
                                 "deg, the gradient's direction")


def test_directional_derivative_marks_the_slope_along_u():
    angle = np.degrees(np.arctan2(0.8, 0.6))         # u = (0.6, 0.8)
    fig = fields.directional_derivative_figure(bowl, (1.0, 1.0), angle)
    dot = fig.axes[1].lines[-1]
    np.testing.assert_allclose(dot.get_ydata(), [6.0])
    assert fig.axes[1].get_title().startswith("u at 53.1 deg: slope 6.00")
    assert fig.axes[0].get_xlabel() == "x"
    assert fig.axes[1].get_xlabel() == "angle of u (degrees)"


def test_tangent_plane_normal_line_runs_along_fx_fy_minus_one():
    fig = fields.tangent_plane_figure(bowl, (1.0, 1.0), step=(0.1, -0.1))
    ax = fig.axes[0]
    xs, ys, zs = ax.lines[0].get_data_3d()
    along = np.array([xs[1] - xs[0], ys[1] - ys[0], zs[1] - zs[0]])
    np.testing.assert_allclose(np.cross(along, [2.0, 6.0, -1.0]), 0,
                               atol=1e-12)
    np.testing.assert_allclose(np.mean(zs), 4.0)
    assert "error 0.0400" in ax.get_title()
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_zlabel()) == (
        "x", "y", "z")


def test_one_grad_call_on_a_grid_equals_point_by_point_gradients():
    x, y = np.meshgrid([-1.0, 0.5, 2.0], [0.0, 1.5])
    _, fx, fy = fields._gradient(lambda a, b: a * a * b, x, y)
    single = [fields._gradient(lambda a, b: a * a * b, xi, yi)[1:]
              for xi, yi in zip(x.ravel(), y.ravel())]
    np.testing.assert_allclose(np.stack([fx.ravel(), fy.ravel()], 1),
                               np.array(single, dtype=float))


@pytest.mark.parametrize("wrapper, builder, kwargs", [
    ("explore_gradient_field", "gradient_field_figure", {}),
    ("explore_directional_derivative", "directional_derivative_figure",
     {"angle": 30.0}),
    ("explore_tangent_plane", "tangent_plane_figure", {}),
])
def test_explore_wrappers_only_wrap_their_builder(monkeypatch, wrapper,
                                                  builder, kwargs):
    calls = []

    def spy(*args, **options):
        calls.append((args, options))
        return plt.figure()

    monkeypatch.setattr(fields, builder, spy)
    box = getattr(fields, wrapper)(bowl, point=(0.5, -0.5), **kwargs)
    assert type(box).__name__ == "VBox"
    assert len(calls) == 1
    args, options = calls[0]
    named = dict(options, **dict(zip(("f", "point"), args)))
    assert named["f"] is bowl
    if "angle" in named:
        assert named["point"] == (0.5, -0.5) and named["angle"] == 30.0
    else:
        assert named["point"] == (0.5, -0.5)
