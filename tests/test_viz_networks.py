"""viz.network_figure: built headless, it draws the layers it says, in
order, with the shapes mindgrad computes and the parameter counts."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from mindgrad import nn, ops, viz  # noqa: E402


class Tiny(nn.Cell):
    """Seed 001's layout on a small scale: Flatten, then a SequentialCell."""

    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.body = nn.SequentialCell(nn.Dense(4, 3), nn.ReLU(),
                                      nn.Dense(3, 2))

    def construct(self, x):
        return self.body(self.flatten(x))


def _texts(fig):
    return [t.get_text() for t in fig.axes[0].texts]


@pytest.fixture
def figure():
    fig = viz.network_figure(Tiny(), input_shape=(1, 2, 2))
    yield fig
    plt.close(fig)


def test_title_names_the_model_the_shapes_and_the_parameter_count(figure):
    assert isinstance(figure, matplotlib.figure.Figure)
    assert figure.axes[0].get_title() == (
        "Tiny turns (1, 2, 2) into (1, 2) with 23 parameters")


def test_one_box_per_layer_in_the_order_data_flows(figure):
    labels = [t for t in _texts(figure) if t.split("\n")[0] in
              ("input", "Flatten", "Dense", "ReLU")]
    assert labels == ["input", "Flatten", "Dense\n4 → 3", "ReLU",
                      "Dense\n3 → 2"]


def test_shapes_are_the_ones_the_layers_produce(figure):
    model, x = Tiny(), ops.zeros((1, 2, 2))
    shapes = [str(x.shape)]
    for layer in [model.flatten, *model.body]:
        x = layer(x)
        shapes.append(str(x.shape))
    drawn = [t for t in _texts(figure) if t.startswith("(")]
    assert drawn == shapes == ["(1, 2, 2)", "(1, 4)", "(1, 3)", "(1, 3)",
                               "(1, 2)"]


def test_parameter_counts_per_layer(figure):
    counts = [t for t in _texts(figure) if t == "-" or t[:1].isdigit()]
    assert counts == ["-", "-", "15", "-", "8"]


def test_a_bare_dense_with_an_activation_is_one_layer():
    fig = viz.network_figure(nn.Dense(3, 2, activation="relu"),
                             input_shape=(5, 3))
    try:
        assert "Dense\n3 → 2" in _texts(fig)
        assert "ReLU" not in _texts(fig)
        assert fig.axes[0].get_title().endswith("(5, 2) with 8 parameters")
    finally:
        plt.close(fig)
    assert not plt.get_fignums()


def test_figure_fits_the_lesson_size_limit(figure):
    width, height = figure.get_size_inches()
    assert width <= 8 and height <= 4
    assert figure.axes[0].get_xlabel()
