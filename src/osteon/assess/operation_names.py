"""An operation named in a language the lexicon does not hold.

Records in Lithuanian, Serbian, Romanian or Czech name the operation in their own words
and letters: "peties endoprotezavimas", "улнохумерална артропластика … десног лакта",
"osteosinteza vrata butne kosti … kuk". Brought to one spelling (`drug_names.spelling_form`),
one word of such a text holds a stem of the operation's kind ("endoprot", "osteosint") and
another may be the joint in that language ("peties", "лакта"): together they name the
lexicon's operation, on that joint where the kind's name needs one
(data/assess/operation_names.yaml). The lexicon stays in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from osteon.assess.drug_names import LETTERS, spelling_form
from osteon.datafiles import Strict, load_model
from osteon.reading.lexicon import Lexicon

JOINT = "{joint}"
"""Where a kind's concept name takes the joint's ("{joint} arthroplasty")."""


class OperationKind(Strict):
    """A kind of operation: the stems its names hold, and the concept it names."""

    stems: list[str]
    concept: str
    """The lexicon name of the operation; with `{joint}`, named only on a joint."""
    inside: bool = False
    """A stem may stand inside a word ("hemiartroplastika"), not only open it."""
    sited: bool = False
    """Named only with a site word: "resekce" alone says nothing of where it was done."""


class OperationNameRules(Strict):
    """data/assess/operation_names.yaml."""

    short_stem: int
    """A joint's word this short (once spelled alike) names it only with a short ending."""
    short_ending: int
    tiny_stem: int
    """... and one this short ("hip" is "ip") only as the whole word or nearly."""
    tiny_ending: int
    english: frozenset[str] = frozenset()
    """A kind's words in English: the lexicon reads those, as the names it holds."""
    not_joints: tuple[str, ...] = ()
    """Openings of words that begin with a joint's word and name something else."""
    after: tuple[str, ...] = ()
    """Words for "after" that, right before the kind's word, name what follows the operation."""
    kinds: list[OperationKind]
    joints: dict[str, list[str]]


@cache
def operation_name_rules() -> OperationNameRules:
    return load_model(OperationNameRules, "assess", "operation_names.yaml")


@dataclass(frozen=True, slots=True)
class OperationName:
    """The operation a text names, its joint (if it names one), and the words naming them."""

    concept: str
    kind_word: str
    joint: str | None = None
    joint_word: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w for w in (self.kind_word, self.joint_word) if w)

    def words_in(self, text: str) -> str:
        """The text's words from the first of those that named it to the last."""
        spans = [(at, at + len(word)) for word in self.words if (at := text.find(word)) >= 0]
        if not spans:
            return " ".join(self.words)
        return text[min(s for s, _ in spans):max(e for _, e in spans)]

    def retold(self, text: str, lexicon: Lexicon) -> str:
        """The text with the naming words put in the lexicon's.

        "Bez endoprotézy kyčle" is read "Bez hip arthroplasty hip": so read, the text's own
        cues give the operation its status, and the joint its site.
        """
        told = text.replace(self.kind_word, lexicon.get(self.concept).name, 1)
        if self.joint and self.joint_word and self.joint_word != self.kind_word:
            told = told.replace(self.joint_word, lexicon.get(self.joint).name, 1)
        return told

    @property
    def how(self) -> str:
        joint = f" and its joint ({self.joint_word!r})" if self.joint_word else ""
        return f"by its kind ({self.kind_word!r}){joint}, as another language writes them"


@cache
def _spelled() -> tuple[list[tuple[frozenset[str], OperationKind]], list[tuple[str, str]]]:
    """The kinds' stems and the joints' words, each brought to the one spelling."""
    rules = operation_name_rules()
    kinds = [(frozenset(spelling_form(s) for s in kind.stems), kind) for kind in rules.kinds]
    joints = [(spelling_form(word), joint) for joint, said in rules.joints.items()
              for word in said]
    return kinds, joints


@cache
def _not_joints() -> tuple[str, ...]:
    """`not_joints` brought to the one spelling, once (it is read for every word of a text)."""
    return tuple(spelling_form(w) for w in operation_name_rules().not_joints)


def operation_named(text: str, lexicon: Lexicon) -> OperationName | None:
    """The one operation the text names by its kind (and joint, where it needs one), or None."""
    rules = operation_name_rules()
    kinds, _ = _spelled()
    written = _written(text)
    found = next(((word, kind) for word, form in written for stems, kind in kinds
                  if any(stem in form if kind.inside else form.startswith(stem)
                         for stem in stems)), None)
    if found is None or found[0].casefold() in rules.english:
        return None  # the lexicon's own words ("hip prosthesis" is the implant)
    kind_word, kind = found
    if _after_the_operation(written, kind_word):
        return None  # "Fisioterapi pasca amputasi": the care after it, no operation
    joint, joint_word = _one_joint(written, kind_word)
    site = lexicon.concept_id_for(joint) if joint else None
    if (JOINT in kind.concept or kind.sited) and site is None:
        return None  # a joint replacement of no one joint, an excision of no named site
    concept = lexicon.concept_id_for(kind.concept.replace(JOINT, joint or ""))
    if concept is None:
        return None
    return OperationName(concept, kind_word, site, joint_word if site else "")


def _after_the_operation(written: list[tuple[str, str]], kind_word: str) -> bool:
    """Is the kind's word led by a word for "after" ("pasca amputasi", "nach Amputation")?"""
    words = [word for word, _ in written]
    at = words.index(kind_word)
    return at > 0 and written[at - 1][1] in _after_words()


@cache
def _after_words() -> frozenset[str]:
    """`after` brought to the one spelling, once (it is looked up for every operation named)."""
    return frozenset(spelling_form(w) for w in operation_name_rules().after)


def joint_named(text: str, lexicon: Lexicon) -> str | None:
    """The one joint (or the jaw) a text names in any language's words, or None.

    "Ellenbogen rechts", a body site a German record gives: the elbow.
    """
    joint, _ = _one_joint(_written(text), None)
    return lexicon.concept_id_for(joint) if joint else None


def _written(text: str) -> list[tuple[str, str]]:
    """The text's words, each with its one spelling."""
    return [(word, spelling_form(word)) for word in LETTERS.findall(text)]


def _one_joint(written: list[tuple[str, str]], kind_word: str | None) -> tuple[str | None, str]:
    """The one joint the words name, and the word naming it; (None, "") for none or several.

    A short word names the joint with a short ending only, or opening a compound with the
    kind ("Hüfttotalendoprothese").
    """
    rules = operation_name_rules()
    _, joints = _spelled()
    named = {(joint, word) for word, form in written if not form.startswith(_not_joints())
             for stem, joint in _longest(form, joints)
             if word == kind_word or len(form) - len(stem) <= (
                 rules.tiny_ending if len(stem) <= rules.tiny_stem else rules.short_ending
                 if len(stem) <= rules.short_stem else len(form))}
    return min(named) if len({j for j, _ in named}) == 1 else (None, "")


def _longest(form: str, joints: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The joints' words a word opens with, the longest only.

    "челюсти" is the jaw's "челюст", not the knee's "keli" as Lithuanian spells it.
    """
    opening = [(stem, joint) for stem, joint in joints if form.startswith(stem)]
    most = max((len(stem) for stem, _ in opening), default=0)
    return [(stem, joint) for stem, joint in opening if len(stem) == most]
