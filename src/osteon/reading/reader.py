"""Read documents into claims: the reading stage's entry point.

`DocumentReader.read` turns one document into its mentions and claims, as a
typed `ReadResult`; it stores nothing (knowledge's `read_pass` hands the results
to the claim store, which knowledge owns). A document is read as a whole so each
sentence knows its section, its heading's concepts, the previous sentence (for
"these medications") and whether its paragraph describes a mouse model.
"""

from __future__ import annotations

from osteon.corpus.records import Document
from osteon.reading.claim_assembly import lead_in_polarity
from osteon.reading.lexicon import Lexicon
from osteon.reading.local_abbreviations import local_meanings, with_local_meanings
from osteon.reading.pipeline import Pipeline, SentenceAnalysis, default_pipeline
from osteon.reading.quantities import extract_quantities
from osteon.reading.records import Claim, Mention, ReadResult, SentenceSetting
from osteon.reading.relation_rules import RelationRules, compiled, relation_rules
from osteon.reading.relations import RelationExtractor, is_labelled
from osteon.reading.scope import scope_reader
from osteon.reading.sections import section_category

__all__ = ["DocumentReader"]

_ABOUT_TYPES = frozenset({"condition", "process"})
"""What a title or heading names when a page is about something: a condition or a process."""


class DocumentReader:
    """Reads whole documents with one pipeline, extractor and rule set."""

    def __init__(self, pipeline: Pipeline | None = None, rules: RelationRules | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.pipeline = pipeline or default_pipeline()
        self.lexicon = lexicon or self.pipeline.lexicon
        self.rules = rules or relation_rules()
        self.extractor = RelationExtractor(self.lexicon, self.rules)
        self.scopes = scope_reader(self.lexicon)
        self._context = [(label, compiled(p)) for label, p in self.rules.model_context.items()]
        self._clinical = compiled(self.rules.clinical_setting)
        self._model_absent = compiled(self.rules.model_absent)

    def read(self, doc: Document) -> ReadResult:
        """Claims and mentions of one document, in reading order (nothing is stored)."""
        skipped = 0
        headings = {s.idx: self.pipeline.analyse(s.heading).mentions if s.heading else ()
                    for s in doc.sections}
        title = headings.get(0, ())
        analyses = list(self.pipeline.analyse_many(s.text for s in doc.sentences))
        # "acquired HO (AHO)": the page's own abbreviations outrank the lexicon's
        texts = [s.text for s in doc.sentences]
        analyses = with_local_meanings(analyses, local_meanings(texts, analyses, self.lexicon))
        claims: list[Claim] = []
        mentions: list[tuple[int, Mention]] = []
        previous: SentenceAnalysis | None = None
        earlier: tuple[Mention, ...] = ()
        previous_section = previous_block = -1
        lead_in: tuple[int, str | None] = (-1, None)  # (section, polarity) of a list's lead-in
        # (section, category) a list's lead-in names: "Early signs include:" makes its bare
        # items signs, whatever the heading above says ("What causes HO?"); a lead-in naming
        # none leaves the heading's. Items with a label and an explanation ("Medications:
        # NSAIDs may…") are read from their own words.
        listed: tuple[int, str | None] = (-1, None)
        setting_block: tuple[int, str | None] = (-1, None)
        opening = next(((s, a) for s, a in zip(doc.sentences, analyses, strict=True)
                        if not a.skipped), None)
        species = self.scopes.document_species(
            title, opening[0].text if opening else "", opening[1].mentions if opening else ())
        categories = {s.idx: section_category(s.path) for s in doc.sections}
        topic_named = self._about_topic(headings, analyses)
        nearest = {s.idx: _nearest_heading_mentions(doc, s.idx, headings) for s in doc.sections}
        for sentence, analysis in zip(doc.sentences, analyses, strict=True):
            if analysis.skipped:
                skipped += 1
                continue
            section = doc.sections[sentence.section_idx]
            context = (None if self._model_absent.search(sentence.text) else
                       next((label for label, p in self._context if p.search(sentence.text)),
                            None))
            if context:
                setting_block = (sentence.block_idx, context)
            elif setting_block[0] != sentence.block_idx:
                setting_block = (sentence.block_idx, None)
            clinical = self._clinical.search(sentence.text) is not None
            said_of_people = not context and clinical
            setting = SentenceSetting(
                doc_id=doc.id, sentence_idx=sentence.idx, sentence_start=sentence.start,
                sentence_kind=sentence.kind, section_path=section.path,
                category=(listed[1] if sentence.kind == "list_item"
                          and listed[0] == sentence.section_idx
                          and not is_labelled(sentence.text) else categories[section.idx]),
                heading_mentions=nearest[section.idx],
                title_mentions=title,
                previous_mentions=(previous.mentions if previous is not None
                                   and previous_section == sentence.section_idx else ()),
                earlier_mentions=earlier if previous_block == sentence.block_idx else (),
                model_context=None if said_of_people else setting_block[1],
                document_species=() if clinical else species,
                lead_in=(lead_in[1] if sentence.kind == "list_item"
                         and lead_in[0] == sentence.section_idx else None),
                topic_named=topic_named,
            )
            if sentence.kind != "list_item":
                lead_in = (sentence.section_idx, lead_in_polarity(analysis))
                named = (section_category([sentence.text])
                         if sentence.text.rstrip().endswith(":") else None)
                listed = (sentence.section_idx, named) if named else (-1, None)
            # "in victims of traumatic brain and spinal cord injuries": both are the people
            with_elided = sorted((*analysis.mentions, *self.extractor.virtual.elided(
                sentence.text, analysis.mentions)), key=lambda m: m.start)
            read = self.extractor.extract(analysis, setting, extract_quantities(sentence.text))
            # what its pronouns stand for gives a claim's family too (looked up only for a
            # sentence with claims: most have none)
            pointed = self.extractor.virtual.anaphora(
                sentence.text, setting, list(analysis.mentions)) if read else []
            claims.extend(self.scopes.scoped(read, sentence.text, with_elided, setting, pointed))
            mentions.extend((sentence.idx, m) for m in analysis.mentions)
            earlier = (previous.mentions if previous is not None
                       and previous_block == sentence.block_idx else ())
            previous = self.extractor.with_antecedents(analysis, setting)
            previous_section = sentence.section_idx
            previous_block = sentence.block_idx
        return ReadResult(doc.id, doc.content_hash, claims, mentions, skipped)

    def _about_topic(self, headings: dict[int, tuple[Mention, ...]],
                     analyses: list[SentenceAnalysis]) -> bool:
        """May the topic stand for what the document leaves unnamed ("the condition", "it")?

        Not where the document never names the topic (nor a kind of it) and its title or a
        heading names another condition or process: a page headed "What is penile
        ossification?" is about that. Nor where such a document is a page, not a note
        (`unnamed_topic_sentences`): its headings may be a portal's ("Services on Demand").
        A snippet with no heading ("The condition is common after hip replacement") is taken
        to be about the topic.
        """
        topic, memo = self.rules.topic, self.extractor.virtual.memo
        # the memo's is_a is cached: a page's mentions name the same few concepts
        if any(m.concept_id in self.lexicon and memo.is_a(m.concept_id, topic)
               for group in (*headings.values(), *(a.mentions for a in analyses))
               for m in group):
            return True
        page = self.rules.unnamed_topic_sentences
        if page is not None and sum(not a.skipped for a in analyses) >= page:
            return False
        return not any(memo.type_of(m.concept_id) in _ABOUT_TYPES
                       for group in headings.values() for m in group)


def _nearest_heading_mentions(doc: Document, section_idx: int,
                              headings: dict[int, tuple[Mention, ...]]) -> tuple[Mention, ...]:
    """Concepts of the closest heading above a sentence that names any (the title excluded)."""
    idx: int | None = section_idx
    while idx:
        if headings.get(idx):
            return headings[idx]
        idx = doc.sections[idx].parent_idx
    return ()
