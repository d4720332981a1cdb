"""mindgrad.viz.digits: digit grids, training curves and bars (12-13).

Each picture must draw what its title says: every digit shows its own
pixels under its own label, a mistake is marked red, every curve passes
through the values it was given, every bar is as tall as its value.
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from mindgrad import Tensor, viz  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def small_digits(n):
    """n distinct 28 x 28 "digits": digit i is a bar in row i."""
    images = np.zeros((n, 28, 28), np.uint8)
    for i in range(n):
        images[i, i] = 255
    return images


def fits_the_page(fig):
    width, height = fig.get_size_inches()
    return width <= 8 and height <= 4


def test_digits_grid_shows_each_digit_under_its_label():
    images = small_digits(10)
    fig = viz.digits_figure(images, np.arange(10) % 7, columns=4)
    assert isinstance(fig, matplotlib.figure.Figure)
    assert fig.get_suptitle() == "Handwritten digits and their labels"
    assert len(fig.axes) == 12 and fits_the_page(fig)   # 3 rows of 4
    shown = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in shown] == [str(i % 7) for i in range(10)]
    for digit, ax in zip(images, shown):
        np.testing.assert_array_equal(ax.images[0].get_array(), digit)


def test_digits_grid_takes_normalised_tensors_with_a_channel_axis():
    images = small_digits(2).astype(np.float32)[:, None] / 255
    fig = viz.digits_figure(Tensor(images), Tensor([4, 9]), title="Two")
    assert fig.get_suptitle() == "Two"
    np.testing.assert_array_equal(fig.axes[1].images[0].get_array(),
                                  images[1, 0])


def test_predictions_are_titled_guess_then_truth_and_mistakes_are_red():
    fig = viz.digits_figure(small_digits(3), [1, 2, 3], predicted=[1, 7, 3])
    assert "red marks a mistake" in fig.get_suptitle()
    titles = [ax.title for ax in fig.axes[:3]]
    assert [t.get_text() for t in titles] == [
        "1 (true 1)", "7 (true 2)", "3 (true 3)"]
    assert [t.get_color() for t in titles] == ["black", "red", "black"]


def test_curves_pass_through_their_values_over_epochs_or_given_x():
    fig = viz.curves_figure({"train": [2.3, 0.4, 0.2],
                             "test": Tensor([2.3, 0.5, 0.3])})
    ax = fig.axes[0]
    assert ax.get_title() == "Loss per epoch" and fits_the_page(fig)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("epoch", "loss")
    assert [line.get_label() for line in ax.lines] == ["train", "test"]
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [2.3, 0.5, 0.3],
                               rtol=1e-6)

    alphas = np.linspace(-0.25, 1.25, 31)
    fig = viz.curves_figure({"test loss": alphas ** 2}, x=alphas,
                            xlabel="alpha", title="Along the line",
                            logy=True, marks=(0.0, 1.0))
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.lines[0].get_xdata(), alphas)
    assert ax.get_yscale() == "log"
    marks = [line.get_xdata()[0] for line in ax.lines[1:]]
    assert marks == [0.0, 1.0]


def test_bars_are_as_tall_as_their_values_and_say_them():
    fig = viz.bars_figure({"frozen": 664576, "trainable": 1026,
                           "accuracy": 0.84375},
                          xlabel="part", title="Counts", logy=True)
    ax = fig.axes[0]
    assert ax.get_title() == "Counts" and ax.get_xlabel() == "part"
    heights = [bar.get_height() for bar in ax.patches]
    assert heights == [664576, 1026, 0.84375]
    assert [text.get_text() for text in ax.texts] == [
        "664,576", "1,026", "0.844"]
    assert ax.get_yscale() == "log" and fits_the_page(fig)
