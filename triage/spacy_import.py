"""spaCy, imported without its command line: import spaCy from here (`from triage.spacy_import
import spacy`), before anything else imports it.

spaCy's `__init__` imports `spacy.cli` only to export `spacy.info`, and that package imports
every spaCy command with the libraries they use (typer, weasel, httpx, requests, jinja2): 0.22-
0.30 s of the 3 s `triage serve` takes to start, for code the service never runs. While spaCy
is imported, stand-ins answer for `spacy.cli` and `spacy.cli.info`; then they are removed, so a
later `import spacy.cli` imports the real package, and `spacy.info()` runs the real `info`. A
spaCy whose `__init__` needs more of `spacy.cli` than `info` is imported whole instead.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _lazy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _without_cli() -> None:
    """Import spaCy with stand-ins for its command line, then remove them."""
    if "spacy" in sys.modules:  # imported already: nothing left to save
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _lazy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    except ImportError:  # a spaCy that needs more of its command line: imported whole below
        pass
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        imported = sys.modules.get("spacy")
        if imported is not None and vars(imported).get("cli") is package:
            del imported.cli


_without_cli()

import spacy as spacy  # noqa: E402 (imported above); re-exported
import spacy.attrs  # noqa: E402, F401 (`spacy.attrs.ORTH` for the type checker)
