"""The README documents every command and option, and CI runs the README's test command."""

from __future__ import annotations

import re

import pytest

from kg.cli import parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, list[str]]:
    """Return each subcommand with its long options."""
    sub = next(a for a in parser()._actions if a.dest == "command")
    return {name: [o for a in p._actions for o in a.option_strings
                   if o.startswith("--") and o != "--help"]
            for name, p in sub.choices.items()}  # type: ignore[union-attr]


@pytest.mark.parametrize("command", sorted(_commands()))
def test_command_and_its_options_are_documented(command: str) -> None:
    rows = [line for line in README.splitlines() if line.startswith(f"| `kg {command}")]
    assert rows, f"kg {command} has no row in the README's command table"
    for option in _commands()[command]:
        assert option in " ".join(rows), f"kg {command} {option} is not documented"


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    assert test_command in (ROOT / ".ci/run").read_text(encoding="utf-8")
