"""Split an article into sentences with offsets, aware of honorifics, degrees and initials."""

from __future__ import annotations

import re

from kg.lexicons import load
from kg.nlp.names import is_corps, is_degree, is_prefix
from kg.nlp.tokens import Token, fold, tokenize
from kg.records import Sentence

_ENDS = {".", "!", "?", "…"}
_CLOSERS = {'"', "”", "’", "'", ")"}
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")


def _no_break_after(token: Token) -> bool:
    """Say whether a dot after this token is an abbreviation's, not a sentence end."""
    lex = load()
    word = token.text
    if _INITIALS.fullmatch(word):
        return True  # initials: "A. Romzi", "S.A. Supriono"
    return word in lex.honorifics or word + "." in lex.honorifics or fold(word) in lex.abbreviations \
        or word in lex.ranks \
        or lex.name_parts.get(word) == "abbreviation" or word + "." in lex.qualifiers  # "Plt."


def _corps_after_rank(tokens: list[Token], i: int) -> bool:
    """Say whether token i is a rank's corps, whose dot ends no sentence: "Letkol ARH. Nama",
    "Brigjen TNI Mar. Nama"."""
    return i > 0 and is_corps(tokens[i].text) and is_prefix(tokens[i - 1].text)


def _glued_degree(tokens: list[Token], i: int) -> bool:
    """Say whether the dot at i joins degrees written with a stray comma: "S.I.K,.M.H"."""
    return tokens[i - 1].text == "," and i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end \
        and is_degree(tokens[i + 1].text)


def _lines(text: str, noise: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Return the spans of non-empty lines that lie outside the noise spans."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        if any(ns <= start and end <= ne for ns, ne in noise):
            continue
        # A sign-off such as "(ant/abc)" on the report's last line ends it.
        end = min([end, *(ns for ns, _ in noise if start < ns < end)])
        while end > start and text[end - 1].isspace():
            end -= 1
        if text[start:end].strip():
            spans.append((start, end))
    return _unwrapped(text, spans)


_LINE_ENDS = '.!?:"”’'  # what ends a line that does not run on into the next
_WRAP = re.compile(rf"[^{re.escape(_LINE_ENDS)}\s]\n(?=[a-z])")  # a line that runs on in lower case


def _unwrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a text wrapped at a width, whose sentences run over line breaks.

    A line that ends without a sentence's end and is followed, after one line break, by a
    word in lower case runs on ("dihadiri\noleh Kasdim"); when a text has two such breaks it
    is wrapped, and every line that ends without a sentence's end runs on ("Polres\nFakfak").
    """
    if not spans:
        return spans
    wrapped = len(_WRAP.findall(text)) >= 2
    out = [spans[0]]
    for start, end in spans[1:]:
        last = out[-1][1]
        runs_on = text[last:start] == "\n" and text[last - 1] not in _LINE_ENDS and (
            wrapped or text[start].islower())
        out[-1:] = [(out[-1][0], end)] if runs_on else [out[-1], (start, end)]
    return out


def _breaks(tokens: list[Token]) -> list[int]:
    """Return the indexes of tokens after which a sentence ends."""
    breaks = []
    for i, token in enumerate(tokens[:-1]):
        if token.text not in _ENDS:
            continue
        if token.text == "." and i and (_no_break_after(tokens[i - 1]) or _glued_degree(tokens, i)
                                        or _corps_after_rank(tokens, i - 1)):
            continue
        j = i
        # A quote or bracket right after the dot closes the sentence; one after a space opens
        # the next: 'di Lahat. "Kami siap," kata Yoga.'
        while j + 1 < len(tokens) and tokens[j + 1].text in _CLOSERS and \
                tokens[j + 1].start == tokens[j].end:
            j += 1
        if j + 1 < len(tokens) and (tokens[j + 1].is_cap or tokens[j + 1].text in '"“'):
            breaks.append(j)
    return breaks


def split_sentences(text: str, noise: tuple[tuple[int, int], ...] = ()) -> list[Sentence]:
    """Split the text outside the noise spans into sentences; a line break always ends one."""
    return [s for s, _ in sentences_and_tokens(text, noise)]


def sentences_and_tokens(text: str, noise: tuple[tuple[int, int], ...] = ()
                         ) -> list[tuple[Sentence, list[Token]]]:
    """Split the text into sentences (see `split_sentences`), each with its tokens: those
    `tokenize(text, sentence.start, sentence.end)` gives, cut once with the line's."""
    sentences = []
    for start, end in _lines(text, noise):
        tokens = tokenize(text, start, end)
        first = 0
        for last in [*_breaks(tokens), len(tokens) - 1]:
            s, e = tokens[first].start, tokens[last].end
            sentences.append((Sentence(s, e, text[s:e]), tokens[first:last + 1]))
            first = last + 1
    return sentences
