"""The one way a lesson's picture gets sliders.

A slider cell's output is drawn by the browser, so nbval cannot compare
it; the lessons therefore show every picture twice: a checked static
figure from the builder, and this interactive twin of the same builder
in a cell marked NBVAL_IGNORE_OUTPUT.
"""
import threading

# JupyterLab 4 sends widget messages over kernel subshells when the kernel
# has them (ipykernel 7), and a control keeps answering on the thread that
# last spoke for it: the slider's redraw can run on a subshell thread while
# the toggle's runs on the main one. Two redraws at once share pyplot and
# the Output widget's capture, so the last one can be lost and the picture
# go stale. One lock makes them take turns; each reads the controls only
# once it holds the lock, so the last redraw shows the last values.
_DRAWING = threading.Lock()


def explore(builder, controls, **fixed):
    """Redraw ``builder(**fixed, **values)`` whenever a control moves.

    ``controls`` maps builder keyword names to ipywidgets controls
    (sliders, toggles). Returns the displayed widget box.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import clear_output, display
    from ipywidgets.widgets.interaction import show_inline_matplotlib_plots

    output = widgets.Output()

    def redraw(change=None):
        with _DRAWING:
            values = {name: control.value
                      for name, control in controls.items()}
            show_inline_matplotlib_plots()   # not the cell's own figures
            with output:
                clear_output(wait=True)
                builder(**fixed, **values)
                plt.show()

    for control in controls.values():
        control.observe(redraw, "value")
    redraw()
    box = widgets.VBox([widgets.HBox(list(controls.values())), output])
    display(box)
    return box


def slider(value, low, high, step, description):
    """A float slider that redraws when released (keeps redraws cheap)."""
    import ipywidgets as widgets

    return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                               description=description,
                               continuous_update=False,
                               # the whole label, not "learning r…"
                               style={"description_width": "initial"})
