"""Marks user-facing texts that live outside the GUI so that Qt Linguist can collect them.

`QT_TRANSLATE_NOOP(context, text)` returns the text unchanged; `pyside6-lupdate` finds calls by this
name in any Python file, so the domain and services can declare their messages in English while the
GUI shows them translated with `QCoreApplication.translate(context, text)`. The command line prints
the English text.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text
