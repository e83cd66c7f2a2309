"""Pair role titles with the persons who hold them, for each construction the news uses."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.extract.chunks import Chunk
from kg.extract.context import Context

# "Nama, selaku Sekretaris Daerah, membuka acara"; "yang juga menjabat sebagai Ketua".
_LINKS = ({"selaku"}, {"sebagai"}, {"yang", "juga", "menjabat", "sebagai"})
_FORMER = {"mantan", "eks", "purnawirawan"}
_PEOPLE = {"PERSON", "NAME"}


@dataclass(frozen=True)
class Pair:
    """A person chunk and the title chunk it holds, with the holding's status."""

    person: Chunk
    title: Chunk
    status: str = "current"


def _gap(ctx: Context, a: Chunk, b: Chunk) -> list[str]:
    """Return the words between two chunks."""
    return [ctx.word(k) for k in range(a.j, b.i)]


def _title_then_person(ctx: Context, t: Chunk, p: Chunk) -> bool:
    """Title, then its holder: "Kepala X, Nama", "Kepala X Nama", "Kepala X (Nama".

    Sentence: "Kepala Kejaksaan Negeri OKI, Hendri Hanafi SH MH menyampaikan".
    """
    return _gap(ctx, t, p) in ([], [","], ["("], [":"])


def _person_then_title(ctx: Context, p: Chunk, t: Chunk) -> bool:
    """Holder, then the title: "Nama, Ketua KPU Kota X," or "Nama selaku Sekda"."""
    gap = [w.lower() for w in _gap(ctx, p, t) if w != ","]
    return (gap == [] and ctx.word(p.j) == ",") or set(gap) in _LINKS and bool(gap)


def _status(ctx: Context, t: Chunk) -> str:
    """Say whether the title is a former one ("mantan Kapolres")."""
    return "former" if ctx.word(t.i - 1).lower() in _FORMER else "current"


def pair(ctx: Context, chunks: list[Chunk]) -> list[Pair]:
    """Pair titles and persons left to right, each used once.

    A person before ", Title" takes it unless that title was already given its own holder;
    a title takes the person right after it ("Kepala X, A, Kepala Y, B").
    """
    pairs: list[Pair] = []
    used: set[int] = set()
    for n, c in enumerate(chunks):
        if n in used or n + 1 >= len(chunks):
            continue
        nxt = chunks[n + 1]
        usable = c.kind == "TITLE" and c.title and c.title.org
        if usable and nxt.kind in _PEOPLE and _title_then_person(ctx, c, nxt):
            pairs.append(Pair(nxt, c, _status(ctx, c)))
            used |= {n, n + 1}
        elif c.kind in _PEOPLE and nxt.kind == "TITLE" and nxt.title and nxt.title.org \
                and _person_then_title(ctx, c, nxt):
            pairs.append(Pair(c, nxt, _status(ctx, nxt)))
            used |= {n, n + 1}
    return pairs


def promote(chunks: list[Chunk], pairs: list[Pair]) -> list[Chunk]:
    """Make the names that hold a title persons."""
    held = {p.person.i for p in pairs}
    return [replace(c, kind="PERSON") if c.kind == "NAME" and c.i in held else c for c in chunks]
