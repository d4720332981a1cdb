"""viz.draw_graph, viz.graph_table and viz.mode_cost_figure: built
headless, they draw and print the graph mindgrad records, with the
values and adjoints mindgrad computes."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import mindgrad as ms  # noqa: E402
from mindgrad import Tensor, ops, viz  # noqa: E402


def f(x, y):
    return x * y + ops.sin(x)


ARGS = (Tensor(2.0), Tensor(3.0))


def _nodes(fig):
    """The node boxes (Text), in drawing order; arrows are Annotations."""
    return [t for t in fig.axes[0].texts
            if not isinstance(t, matplotlib.text.Annotation)]


def _boxes(fig):
    return [t.get_text() for t in _nodes(fig)]


def _arrows(fig):
    return [t.arrow_patch for t in fig.axes[0].texts
            if isinstance(t, matplotlib.text.Annotation)]


@pytest.fixture
def figure():
    fig = viz.draw_graph(f, *ARGS, grads=True)
    yield fig
    plt.close(fig)


def test_a_function_is_drawn_with_one_box_per_recorded_node(figure):
    assert isinstance(figure, matplotlib.figure.Figure)
    assert figure.axes[0].get_title() == (
        "Adjoints: grad is d(output)/d(value), swept right to left")
    labels = [text.split("\n")[0] for text in _boxes(figure)]
    assert labels == ["x", "y", "mul", "sin", "add"]
    assert len(_arrows(figure)) == 5          # x->mul, y->mul, x->sin, ...


def test_the_adjoint_drawn_for_x_is_the_gradient_mindgrad_computes(figure):
    dx = ms.grad(f)(*ARGS).item()             # y + cos(x) = 2.58385...
    x_box = _boxes(figure)[0]
    assert x_box == f"x\n2\ngrad {dx:.3g}" == "x\n2\ngrad 2.58"


def test_values_flow_left_to_right(figure):
    columns = {t.get_text().split("\n")[0]: t.get_position()[0]
               for t in _nodes(figure)}
    assert columns["x"] < columns["mul"] < columns["add"]
    assert columns["sin"] < columns["add"]


def test_without_grads_the_title_and_boxes_show_the_forward_pass():
    fig = viz.draw_graph(f, *ARGS)
    try:
        assert fig.axes[0].get_title().startswith("The forward pass")
        assert _boxes(fig)[-1] == f"add\n{6 + np.sin(2.0):.3g}"
        assert all("grad" not in text for text in _boxes(fig))
    finally:
        plt.close(fig)


def test_records_draw_like_a_traced_function_and_cut_edges_are_dashed():
    records = [("a", (), 1.0, 5.0), ("b", (), 2.0, None),
               ("mul", (0, 1), 2.0, 1.0), ("copy", (), 2.0, None)]
    fig = viz.draw_graph(records, grads=True, cut=[(2, 3)], title="T")
    try:
        assert fig.axes[0].get_title() == "T"
        assert _boxes(fig) == ["a\n1\ngrad 5", "b\n2", "mul\n2\ngrad 1",
                               "copy\n2"]
        styles = sorted(a.get_linestyle() for a in _arrows(fig))
        assert styles == ["-", "-", "--"]     # the added edge is dashed
        x = {t.get_text().split("\n")[0]: t.get_position()[0]
             for t in _nodes(fig)}
        assert x["copy"] > x["mul"]           # drawn after what it copies
    finally:
        plt.close(fig)


def test_vectors_show_their_first_entries():
    fig = viz.draw_graph(lambda x: x * 2.0, Tensor([1.0, -0.0, 3.0, 4.0]))
    try:
        assert _boxes(fig) == ["x\n[1 0 3…]", "mul\n[2 0 6…]"]
    finally:
        plt.close(fig)


def test_records_must_list_parents_first():
    with pytest.raises(ValueError, match="record 0"):
        viz.draw_graph([("a", (1,), 1.0, None), ("b", (), 2.0, None)])


def test_graph_table_prints_the_nodes_in_execution_order(capsys):
    viz.graph_table(f, *ARGS, grads=True)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["#", "node", "from", "shape", "value", "|",
                                "grad"]
    heads = [line.split()[1] for line in lines[1:]]
    assert heads == ["x", "y", "mul(x,", "sin(x)", "add(mul,"]
    assert lines[1].endswith("2  | 2.584")
    assert lines[3].split()[3:5] == ["0,", "1"]     # mul from nodes 0, 1


def test_mode_cost_figure_plots_the_counts_it_is_given():
    fig = viz.mode_cost_figure([1, 2, 4], [3, 12, 48], [6, 12, 24])
    try:
        ax = fig.axes[0]
        assert ax.get_title().startswith("One output, n inputs")
        forward, reverse = ax.get_lines()
        assert list(forward.get_ydata()) == [3, 12, 48]
        assert list(reverse.get_xdata()) == [1, 2, 4]
        assert ax.get_xlabel() and ax.get_ylabel()
    finally:
        plt.close(fig)
