"""Fill the page template: inline assets, the data as escaped JSON and a strict CSP."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

HERE = files("kg.viz")


def _folder(package: str) -> Path:
    """Return where a package's files are, without importing it."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed")
    return Path(spec.submodule_search_locations[0])


# vis-network as pyvis ships it, found without importing pyvis (whose package imports IPython)
VIS = _folder("pyvis") / "templates" / "lib" / "vis-9.1.2"

# Inline scripts run only if their hash is listed, so injected markup could not run even if
# some text escaped escaping; nothing may be fetched, and links only navigate. A page served by
# `kg serve` may ask its own origin (the SPARQL endpoint) and nothing else.
CSP = ("default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")
SERVED = "; connect-src 'self'"

SLOT = re.compile(r"\{\{\s*(\w+)\s*\}\}")
SOURCE_MAP = re.compile(r"^\s*(//[#@]|/\*[#@])\s*sourceMappingURL=.*$", re.M)
JSON_ESCAPES = {
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
}


def page(title: str, data: Mapping[str, Any], served: bool = False) -> str:
    """Fill the page template with the inlined assets, the data and a strict CSP (which lets a
    served page ask its own origin)."""
    scripts = {"vis_js": asset(VIS / "vis-network.min.js", "script"),
               "state_js": asset(HERE / "state.js", "script"),
               "explorer_js": asset(HERE / "explorer.js", "script")}
    slots = {
        **scripts, "csp": csp(scripts.values()) + (SERVED if served else ""),
        "title": html.escape(title), "data": script_json(data),
        "vis_css": asset(VIS / "vis-network.css", "style"),
        "explorer_css": asset(HERE / "explorer.css", "style"),
    }
    template = (HERE / "template.html").read_text(encoding="utf-8")
    return SLOT.sub(lambda m: slots[m.group(1)], template)


def asset(resource: Traversable, tag: str) -> str:
    """Read a JS or CSS file to inline in a `tag` element, refusing text that would end it early."""
    text = resource.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    text = SOURCE_MAP.sub("", text)  # the map is not shipped, and fetching it is a request
    if re.search(rf"</{tag}|<!--", text, re.IGNORECASE):
        raise ValueError(f"{resource.name} cannot be inlined in <{tag}>")
    return text


def csp(scripts: Iterable[str]) -> str:
    """Return the Content-Security-Policy allowing exactly these inline scripts."""
    digests = (hashlib.sha256(script.encode("utf-8")).digest() for script in scripts)
    return CSP.format(scripts=" ".join(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests))


def script_json(data: Any) -> str:
    """Serialise data for a `<script type="application/json">`, with markup characters escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in JSON_ESCAPES.items():  # str.replace: str.translate took seconds on MBs
        text = text.replace(char, escape)
    return text
