"""Hello Forge demo Space.

Mirrors the CLI's greeting in Python so the Space needs no binary download at start-up;
VERSION is rewritten by the release so the page shows which release it belongs to.
"""

import gradio as gr

VERSION = "0.1.0"


def greet(name: str) -> str:
    name = name.strip()
    if not name:
        return f"Hello from hello-forge {VERSION}!"
    return f"Hello, {name}! (from hello-forge {VERSION})"


demo = gr.Interface(
    fn=greet,
    inputs=gr.Textbox(label="Your name"),
    outputs=gr.Textbox(label="Greeting"),
    title="Hello Forge",
    description="The greeting of the hello-forge CLI, in your browser.",
)

if __name__ == "__main__":
    demo.launch()
