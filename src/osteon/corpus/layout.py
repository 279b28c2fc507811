"""Lay a document's lines out as headings, paragraphs and list items.

Plain text carries its structure implicitly: blank lines, bullets, numbered
items, a short line standing alone, `== wiki ==` or `# markdown` headings.
Layout reads those cues (rules in `data/corpus/rules/layout.yaml`), skips the lines
chrome marked, and returns blocks whose spans exclude markers, so that
sentences inside a list item never swallow the "1." or the "•".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from osteon.corpus import chrome
from osteon.corpus.records import Block, DroppedLine, Line, SourceDocument
from osteon.corpus.rules import ChromeRules, LayoutRules
from osteon.corpus.scripts import CJK

_WIKI_HEADING = re.compile(r"^[ \t]*(=+)[ \t]*(.+?)[ \t]*\1[ \t]*$")
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_MD_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_LINE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True, slots=True)
class Layout:
    """Blocks in reading order, the title block (if any) and what chrome dropped."""

    blocks: tuple[Block, ...]
    title_block: int | None
    dropped: tuple[DroppedLine, ...]
    authors: tuple[str, ...]


def split_lines(text: str) -> list[Line]:
    """Return every line of `text` with its span, newline and carriage return excluded."""
    lines = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        if start == end:
            break
        stop = end - 1 if text[end - 1] == "\n" else end
        if stop > start and text[stop - 1] == "\r":
            stop -= 1
        lines.append(Line(start, stop))
    return lines


def lay_out(source: SourceDocument, layout: LayoutRules, chrome_rules: ChromeRules) -> Layout:
    """Mark chrome, find the title, and group the remaining lines into blocks."""
    text = source.text
    lines = list(source.lines) if source.lines is not None else split_lines(text)
    texts = [text[ln.start:ln.end] for ln in lines]
    norms = [chrome.normalise_line(t) for t in texts]
    marks, authors = chrome.mark_pattern_chrome(texts, norms, chrome_rules)
    if source.markup == "markdown":
        for i, t in enumerate(texts):
            if _MD_RULE.match(t) or (_MD_UNDERLINE.match(t) and i > 0 and texts[i - 1].strip()):
                marks.setdefault(i, "markup")
    title_index = _title_line(lines, texts, marks, source, layout)
    title = source.title
    if title_index is not None:
        title = _heading_content(lines[title_index], texts[title_index], source.markup)[2]
    chrome.mark_repeated_title(texts, norms, title, title_index, marks, chrome_rules)
    chrome.mark_repeated_lines(norms, marks, chrome_rules, keep=title_index)
    chrome.mark_sandwiched(texts, marks, chrome_rules)

    blocks, title_block = _group(lines, texts, marks, title_index, source.markup, layout)
    dropped = tuple(DroppedLine(lines[i].start, lines[i].end, rule)
                    for i, rule in sorted(marks.items()) if rule != "markup")
    return Layout(tuple(blocks), title_block, dropped, tuple(authors))


_CJK_OPENING = re.compile(f"[{CJK}【〔「]")
"""A line opening in Chinese or Japanese (or their brackets): no capital tells a heading."""
_CJK_LINE_ENDS = "。.，,、;；:：!！?？"


def heading_like(text: str, rules: LayoutRules) -> bool:
    """Tell whether a standalone line reads as a heading rather than a sentence."""
    stripped = text.strip()
    if not stripped or len(stripped) > rules.heading.max_chars:
        return False
    if _CJK_OPENING.match(stripped):
        return (len(stripped) <= rules.heading.max_cjk_chars
                and stripped[-1] not in _CJK_LINE_ENDS)
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    words = len(stripped.split())
    last = stripped[-1]
    if last == "?":
        return words <= rules.heading.max_question_words
    if last == ".":
        return (words <= rules.heading.max_words_with_period and "," not in stripped
                and stripped.count(".") == 1)
    if last in ",;:":
        return False
    return words <= rules.heading.max_words


def _title_line(
    lines: Sequence[Line], texts: Sequence[str], marks: dict[int, str],
    source: SourceDocument, rules: LayoutRules,
) -> int | None:
    """Index of the first content line if it is a heading; that line is the title.

    A line naming only the kind of article ("Case Report", "Article Text") is passed over,
    and so is a line of the publication's record ("CASE 3091 Published on 05.05.2008"),
    which stays text to answer "when was it published?".
    """
    for i, t in enumerate(texts):
        if i in marks or not t.strip() or rules.is_generic_title(t) or rules.is_record_line(t):
            continue  # "Case Report" above "Heterotopic Ossification in a Newborn": no title
        line = lines[i]
        if line.kind is not None:
            if line.kind == "heading" and (source.title is None or
                                           chrome.normalise_line(t) ==
                                           chrome.normalise_line(source.title)):
                return i
            return None
        is_heading, level, _ = _heading_content(line, t, source.markup)
        if is_heading and level <= 1:
            return i
        following = next((texts[j] for j in range(i + 1, len(texts)) if texts[j].strip()
                          and j not in marks), "")
        standalone = (i + 1 >= len(texts) or not texts[i + 1].strip() or (i + 1) in marks
                      or rules.list_marker_regex.match(texts[i + 1]) is not None)  # authors
        if level == 0 and standalone and following and (
                heading_like(t, rules) or _article_title(t, rules)
                or _over_its_record(t, following, rules)):
            return i
        return None
    return None


def _article_title(text: str, rules: LayoutRules) -> bool:
    """Is the page's first line an article's title in Title Case, however many words?

    "Heterotopic Ossification After Modern Total Hip Arthroplasty: Predisposing Factors,
    Prophylaxis, and Surgical Treatment" is longer than a heading, but no sentence: read
    as one, it led answers with words it only names.
    """
    stripped = text.strip()
    return (bool(stripped) and len(stripped) <= rules.heading.max_chars
            and stripped[0].isupper() and stripped[-1] not in ",;:"
            and _title_case(stripped.split(), rules))


def _over_its_record(text: str, following: str, rules: LayoutRules) -> bool:
    """Is the page's first line an article's title over its citation, in sentence case?

    "Complete ossification of the stylohyoid chain as cause of Eagle's syndrome: a very
    rare case report" above "J Contemp Dent Pract. 2014 Jul 1;15(4):500-5.": longer than a
    heading and not in Title Case, but no sentence: read as one, it led the answer to
    "what causes Eagle's syndrome?" with the title's words.
    """
    stripped = text.strip()
    return (bool(stripped) and len(stripped) <= rules.heading.max_chars
            and stripped[-1] not in ",;:.!?" and rules.is_record_line(following))


_HEADING_SYNTAX = {"wiki": _WIKI_HEADING, "markdown": _MD_HEADING}


def _heading_match(text: str, markup: str) -> re.Match[str] | None:
    """The explicit heading syntax of this markup (`== X ==`, `# X`) on a line, if any.

    Group 1 holds the marks (their count is the level), group 2 the heading text.
    """
    pattern = _HEADING_SYNTAX.get(markup)
    return pattern.match(text) if pattern else None


def _heading_content(line: Line, text: str, markup: str) -> tuple[bool, int, str]:
    """(is explicit heading, level, heading text) for a line; level 0 means plain text."""
    match = _heading_match(text, markup)
    if match:
        return True, len(match.group(1)), match.group(2).strip()
    return False, 0, text.strip()


def _group(
    lines: Sequence[Line], texts: Sequence[str], marks: dict[int, str],
    title_index: int | None, markup: str, rules: LayoutRules,
) -> tuple[list[Block], int | None]:
    """Group lines into blocks: headings, list items and (hard-wrapped) paragraphs."""
    marker = rules.list_marker_regex
    blocks: list[Block] = []
    line_counts: list[int] = []  # lines per block, parallel to `blocks`
    title_block: int | None = None
    last_explicit_level = 0
    open_kind: str | None = None
    open_start = open_end = 0
    open_lines = 0
    open_last_text = ""

    unmarked_items = False  # inside a list whose items carry no marker
    field_values = False  # ... the values of a record's field named on the line before
    last_closed_text = ""  # the last line of the block closed last
    # a record's field name whose value comes after blank lines ("Corporate Author:", a blank
    # line, "Henry M. Jackson Foundation for …"): the value is no heading of its own
    label_across = False

    def close() -> None:
        nonlocal open_kind, open_lines, last_closed_text
        if open_kind is not None:
            blocks.append(Block(open_start, open_end, open_kind))  # type: ignore[arg-type]
            line_counts.append(open_lines)
            last_closed_text = open_last_text
        open_kind = None
        open_lines = 0

    singles: dict[int, int] = {}  # block index -> line index, for one-line paragraphs
    items: dict[int, int] = {}  # block index -> line index, for marked list items
    for i, (line, t) in enumerate(zip(lines, texts, strict=True)):
        if i in marks or not t.strip():
            close()
            if last_closed_text:  # the line before the first blank one
                label_across = i not in marks and _field_label(last_closed_text, rules)
            unmarked_items, last_closed_text = False, ""  # a list without markers is unbroken
            field_values = False
            continue
        across, label_across = label_across and not last_closed_text, False
        if line.kind is not None:
            close()
            unmarked_items, field_values, last_closed_text = False, False, ""
            start, end = _trim(t, line.start)
            if i == title_index:
                title_block = len(blocks)
                blocks.append(Block(start, end, "heading", 1))
            else:
                blocks.append(Block(start, end, line.kind, line.level))
            line_counts.append(1)
            if line.kind == "heading":
                last_explicit_level = max(line.level, 1)
            continue
        is_heading, level, _ = _heading_content(line, t, markup)
        if is_heading or i == title_index:
            close()
            unmarked_items, field_values, last_closed_text = False, False, ""
            content = _heading_span(line, t, markup)
            if i == title_index:
                title_block = len(blocks)
                level = 1
            blocks.append(Block(content[0], content[1], "heading", level))
            line_counts.append(1)
            last_explicit_level = level
            continue
        list_match = marker.match(t)
        if list_match:
            close()
            items[len(blocks)] = i
            open_kind, open_lines = "list_item", 1
            open_start, open_end = _trim(t[list_match.end():], line.start + list_match.end())
            open_last_text = t
            unmarked_items = False
            continue
        before = open_last_text if open_kind is not None else last_closed_text
        lead_in = _lead_in(before, rules)
        if ((lead_in or unmarked_items) and unmarked_item(t, rules)) or (
                (field_values or across or _field_label(before, rules))
                and _field_value(t, rules)):
            # "Signs include:" then "Localized pain", "Swelling": items, not headings; and
            # a record's "Collaborators:" then "Greenville Health System": its values
            field_values = field_values or not (lead_in or unmarked_items)
            close()
            open_kind, open_lines = "list_item", 1
            open_start, open_end = _trim(t, line.start)
            open_last_text = t
            unmarked_items = True
            continue
        if unmarked_items:
            close()  # the sentence after the items is no part of the last one
        unmarked_items = field_values = False
        continues = open_kind is not None and not rules.stands_alone(t) and not (
            rules.stands_alone(open_last_text)
            and not rules.wraps_onto(open_last_text, t)) and (
            not _ends_sentence(open_last_text, rules)
            or (open_kind == "list_item" and t[:1].isspace())
        )
        if continues and open_lines == 1 and open_kind == "paragraph":
            previous = open_last_text.strip()
            # (a Chinese or Japanese line has no capital to open the next: its heading is
            # told by its shortness alone)
            if (heading_like(previous, rules) and len(previous.split()) <= 8
                    and (t.strip()[:1].isupper() or _CJK_OPENING.match(previous))):
                continues = False
        if (open_kind == "paragraph" and rules.names_one_person(open_last_text)
                and rules.names_one_person(t)):
            continues = True  # "Richard O. Baidoo" over "Makafui S. Dayie": one byline
        if continues:
            open_end = _trim(t, line.start)[1]
            open_lines += 1
            open_last_text = t
            continue
        close()
        open_kind, open_lines = "paragraph", 1
        open_start, open_end = _trim(t, line.start)
        open_last_text = t
        singles[len(blocks)] = i
    close()
    blocks, line_counts, singles = _values_onto_labels(blocks, line_counts, singles, items,
                                                       texts, rules)
    return _promote_standalone(blocks, line_counts, singles, lines, texts, last_explicit_level,
                               rules), title_block


def _values_onto_labels(
    blocks: list[Block], line_counts: list[int], singles: dict[int, int],
    items: dict[int, int], texts: Sequence[str], rules: LayoutRules,
) -> tuple[list[Block], list[int], dict[int, int]]:
    """Join a label item and the value indented under it: one item, "Contact name EMW Eekhoff".

    Registries and record pages lay a field out as a bullet naming it ("• Sponsor
    organisation") and its value on an indented line of its own ("VU University Medical
    Center"). Read apart, the value would stand alone as a heading over the next field and
    the label as an item that says nothing; joined, the item holds both, as the page means.
    """
    out: list[Block] = []
    counts: list[int] = []
    kept: dict[int, int] = {}
    for b, block in enumerate(blocks):
        i = singles.get(b)
        label = items.get(b - 1)
        if (i is not None and label is not None and out and line_counts[b - 1] == 1
                and _indent(texts[i]) > _indent(texts[label])
                and heading_like(texts[i], rules) and not rules.is_label_line(texts[i])
                and _names_a_field(texts[label], rules)):
            out[-1] = Block(out[-1].start, block.end, "list_item")
            continue
        if i is not None:
            kept[len(out)] = i
        out.append(block)
        counts.append(line_counts[b])
    return out, counts, kept


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _names_a_field(text: str, rules: LayoutRules) -> bool:
    """Is a list item only a field's name ("Contact name", "Eudract number:")?"""
    name = rules.list_marker_regex.sub("", text).strip().rstrip(":")
    return bool(name) and name[-1] not in ".!?;" and len(name.split()) <= FIELD_WORDS


FIELD_WORDS = 4
"""Words a field's name has at most ("Clinicaltrials.gov Identifier", "Sponsor organisation")."""


def _promote_standalone(
    blocks: list[Block], line_counts: list[int], singles: dict[int, int],
    lines: Sequence[Line], texts: Sequence[str], explicit_level: int, rules: LayoutRules,
) -> list[Block]:
    """Turn one-line paragraphs that stand alone and read as headings into headings.

    A heading heads something: a short line between two headings is what the first one
    heads, not a third heading. "CHRONIC DOSING", "5 mg once daily", "FLARE-UP DOSING":
    the dose is the text under its heading; read as a heading of its own, the one line
    that answers "what is the daily dose?" held no sentence to cite.
    """
    level = explicit_level + 1 if explicit_level else 2
    out = list(blocks)
    promoted: list[int] = []
    for b, block in enumerate(blocks):
        if block.kind != "paragraph" or line_counts[b] != 1 or b not in singles:
            continue
        if b + 1 >= len(blocks) or blocks[b + 1].kind == "heading":
            continue
        i = singles[b]
        if heading_like(texts[i], rules) and not rules.is_label_line(texts[i]):
            end = block.end - 1 if texts[i].rstrip().endswith(".") else block.end
            out[b] = Block(block.start, end, "heading", level)
            promoted.append(b)
    _back_to_text(out, blocks, promoted, singles, lines, texts, rules)
    return out


def _back_to_text(
    out: list[Block], blocks: Sequence[Block], promoted: Sequence[int],
    singles: dict[int, int], lines: Sequence[Line], texts: Sequence[str], rules: LayoutRules,
) -> None:
    """Turn promoted headings that head nothing back into text (in `out`, in place)."""
    starts = [line.start for line in lines]

    def text_of(block: Block) -> str:
        i = bisect.bisect_right(starts, block.start) - 1
        return texts[i][block.start - lines[i].start:block.end - lines[i].start]

    for b in promoted:  # "5 mg once daily" under "CHRONIC DOSING": the heading's text
        if (b > 0 and out[b - 1].kind == "heading"
                and _heading_weight(texts[singles[b]], rules)
                < _heading_weight(text_of(out[b - 1]), rules)
                and (out[b + 1].kind == "heading" or _FIGURE.search(texts[singles[b]]))):
            out[b] = blocks[b]
    chained = list(out)
    for b in reversed(promoted):  # no text of its own (its next line is none either), in
        # a run of them or without a parent's look (plain over capitals, a record's figure)
        text = texts[singles[b]]
        if out[b].kind == "heading" and chained[b + 1].kind == "heading" and (
                (b > 0 and chained[b - 1].kind == "heading")
                or _RECORD_MARK.search(text.strip()) is not None
                or (out[b + 1].kind == "heading" and _heading_weight(text, rules)
                    < _heading_weight(text_of(out[b + 1]), rules))):
            out[b] = blocks[b]


_FIGURE = re.compile(r"\d")
_RECORD_MARK = re.compile(r"\d|,|^\S+(?: \S+)?:\s")
"""A figure, a comma or a short label's colon: what a record's line holds and a parent
heading does not ("Est. completion date August 2023", "Category: Reviews", "From the
Hospital Clínic of Barcelona, Spain"); an article's title keeps its colon ("Progressive
osseous heteroplasia: A rare case report")."""


def _heading_weight(text: str, rules: LayoutRules) -> int:
    """How plainly a line is set as a heading: 2 in CAPITALS or Title Case, else 1."""
    words = text.split()
    capitals = text.isupper() or (len(words) == 1 and text.strip()[:1].isupper())
    return 2 if capitals or _title_case(words, rules) else 1


def unmarked_item(text: str, rules: LayoutRules) -> bool:
    """Could this line be an item of a list written without markers?

    Web pages copied as text often lose their bullets: "HO typically presents with:"
    followed by "Localized pain", "Swelling or warmth near the affected area" — short
    lines that would otherwise pass for headings (and their words be lost to search and
    reading). A line in sentence case, short as a heading, not itself a lead-in nor a
    sentence, is taken for an item; a Title Case line ("Signs and Symptoms") stays a
    heading.
    """
    stripped = text.strip()
    if not _short_unlabelled(stripped, rules):
        return False
    words = stripped.split()
    if stripped[-1] in ".!?;" and len(words) > rules.heading.max_words_with_period and (
            stripped[-1] != "." or rules.heading.says_something(stripped)):
        return False  # a sentence of its own ("There is no effective treatment.")
    return not _title_case(words, rules)


def _field_label(text: str, rules: LayoutRules) -> bool:
    """Is the line a record field's name alone, its value on the lines after ("Sponsor:")?

    "Collaborators:" then "Orthopaedic Trauma Association", "Information provided by
    (Responsible Party):" then "Michael Bosse, Carolinas Healthcare System": the values
    read as headings (short, in Title Case) and were lost to search and to the answers.
    """
    stripped = text.strip()
    return (stripped.endswith(":") and len(stripped.split()) <= rules.heading.max_field_words
            and not rules.heading.says_something(stripped))


def _field_value(text: str, rules: LayoutRules) -> bool:
    """Could the line be a value of the field named before it (short, no label itself)?"""
    stripped = text.strip()
    return (_short_unlabelled(stripped, rules) and not rules.heading.says_something(stripped)
            # a "Label: value" line is a field of its own; a byline is a value
            and (rules.is_record_line(stripped) or not rules.is_label_line(stripped)))


def _short_unlabelled(stripped: str, rules: LayoutRules) -> bool:
    """Is the (stripped) line short as a heading, and no label of what follows it?"""
    return (bool(stripped) and not stripped.endswith(":")
            and len(stripped) <= rules.heading.max_chars
            and len(stripped.split()) <= rules.heading.max_words)


def _lead_in(text: str, rules: LayoutRules) -> bool:
    """Does the line introduce a list in words ("HO typically presents with:")?

    A one-word label ("Updated:") or one in Title Case ("Article Author:", "Editors In
    Chief:") introduces page chrome, not a list.
    """
    stripped = text.strip()
    words = stripped.split()
    return stripped.endswith(":") and len(words) > 1 and not _title_case(words, rules)


def _title_case(words: Sequence[str], rules: LayoutRules) -> bool:
    """Are most of the words after the first (longer than 3 letters) Capitalised?"""
    later = [w for w in words[1:] if len(w) > 3 and w[:1].isalpha()]
    titled = [w for w in later if w[:1].isupper() and not w.isupper()]
    return bool(later) and len(titled) >= rules.heading.title_case_share * len(later)


def _heading_span(line: Line, text: str, markup: str) -> tuple[int, int]:
    """Where a heading's words lie, its marks left out."""
    match = _heading_match(text, markup)
    if match:
        return line.start + match.start(2), line.start + match.end(2)
    return _trim(text, line.start)


def _trim(text: str, offset: int) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return offset + start, offset + end


def _ends_sentence(text: str, rules: LayoutRules) -> bool:
    stripped = text.rstrip()
    return (bool(stripped) and stripped[-1] in rules.terminal_punctuation
            and not rules.runs_on(stripped))
