"""mindgrad.viz.arrays: the broadcasting picture of lesson 00."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from mindgrad import viz  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _cells(ax):
    """(text, faded) for every numbered cell of one grid, row by row."""
    faded = [patch.get_alpha() < 0.3 for patch in ax.patches]
    return [(text.get_text(), copy) for text, copy in zip(ax.texts, faded)]


def test_title_names_both_shapes_and_the_result():
    fig = viz.broadcasting_figure((3, 1), (4,))
    assert isinstance(fig, matplotlib.figure.Figure)
    assert fig.get_suptitle().startswith(
        "Broadcasting (3, 1) + (4,) -> (3, 4)")
    assert [ax.get_title() for ax in fig.axes] == [
        "a (3, 1)", "b (4,) read as (1, 4)", "a + b (3, 4)"]
    width, height = fig.get_size_inches()
    assert width <= 8 and height <= 4


def test_stretched_copies_are_faded_and_the_sums_are_right():
    fig = viz.broadcasting_figure((3, 1), (4,))
    a, b, total = (_cells(ax) for ax in fig.axes)
    # a's own cells are its first column; b's own cells its first row
    assert [copy for _, copy in a] == [j > 0 for i in range(3)
                                       for j in range(4)]
    assert [copy for _, copy in b] == [i > 0 for i in range(3)
                                       for j in range(4)]
    assert [text for text, _ in total] == [
        str(10 * (j + 1) + i + 1) for i in range(3) for j in range(4)]
    assert not any(copy for _, copy in total)


def test_a_scalar_stretches_along_both_axes():
    fig = viz.broadcasting_figure((), (2,))
    assert fig.axes[2].get_title() == "a + b (2,)"
    assert [copy for _, copy in _cells(fig.axes[0])] == [False, True]


def test_shapes_that_do_not_broadcast_name_both_shapes():
    with pytest.raises(ValueError, match=r"\(3,\) and \(2,\)"):
        viz.broadcasting_figure((3,), (2,))
    with pytest.raises(ValueError, match="at most 2 axes"):
        viz.broadcasting_figure((2, 1, 1), (3,))
