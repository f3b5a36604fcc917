import spacy

from socialrecovery_nlp.text.sentences import (  # noqa: F401
    add_abbreviations,
    mark_paragraph_starts,
    split_sentences,
)


def _sents(text, sentencizer="srnlp_sentencizer"):
    nlp = spacy.blank("en")
    add_abbreviations(nlp)
    nlp.add_pipe(sentencizer)
    nlp.add_pipe("srnlp_paragraphs")
    return [s.text for s in nlp(text).sents]


def test_vectorised_sentencizer_gives_spacys_boundaries():
    # constructed edge cases plus review sentences (Tew et al. 2011)
    texts = ["", "a", "...", "! ?", ". Starts with a full stop. x", "A. . B", "Hello!!! World? ) ( yes. \"Quote.\" Next",
             "Fig. 1. shows it. (See above.) Then", "Ends without a stop", "One. Two! Three? Four\u3002Five",
             "Relationships are vital to recovery (Mezzina et al., 2006). What may get in the way are feelings "
             "of guilt (Topor et al., 2006, p. 36). Nelson et al. (2001, pp. 131–8) agree."]
    nlp = spacy.blank("en")
    add_abbreviations(nlp)
    reference = nlp.add_pipe("sentencizer")
    for text in texts:
        expected = [t.is_sent_start for t in reference(nlp.make_doc(text))]
        assert [t.is_sent_start for t in split_sentences(nlp.make_doc(text))] == expected, text


def test_citations_and_page_numbers_do_not_end_sentences():
    # Sentences from the review (Tew et al. 2011), the user's own material.
    text = ("Relationships are vital to recovery (Mezzina et al., 2006). What may get in the way are "
            "feelings of guilt (Topor et al., 2006, p. 36). Nelson et al. (2001, pp. 131–8) agree.")
    assert _sents(text) == [
        "Relationships are vital to recovery (Mezzina et al., 2006).",
        "What may get in the way are feelings of guilt (Topor et al., 2006, p. 36).",
        "Nelson et al. (2001, pp. 131–8) agree.",
    ]


def test_title_without_full_stop_is_its_own_sentence():
    assert _sents("Peer support and recovery\n\nWe interviewed 12 people. They agreed.") == [
        "Peer support and recovery\n\n", "We interviewed 12 people.", "They agreed."]


def test_headings_and_blank_lines_start_sentences_and_no_whitespace_sentence():
    sents = _sents("Intro text ends here.\n\nMethods\nWe interviewed people.\n\nResults\nThey agreed")
    assert sents == ["Intro text ends here.\n\n", "Methods\n", "We interviewed people.\n\n", "Results\n", "They agreed"]
    assert all(s.strip() for s in sents)


def test_single_newline_inside_a_sentence_is_not_a_break():
    sents = _sents("This long sentence was wrapped by the exporter at an arbitrary point because the\n"
                   "line was too long for it.")
    assert len(sents) == 1


def test_dosing_abbreviations_do_not_end_sentences():
    # Real abstract sentences (data/screening, Sep 2021 record 6 and Cohen 2006, CC0), shortened.
    assert _sents("Post-training administration of flumazenil (6 mg/kg, i.p.) counteracted ketamine-induced "
                  "deficits. Clonidine i.v. was equivalent to clonidine p.o. in both groups.") == [
        "Post-training administration of flumazenil (6 mg/kg, i.p.) counteracted ketamine-induced deficits.",
        "Clonidine i.v. was equivalent to clonidine p.o. in both groups."]


def test_a_lower_case_word_does_not_start_a_sentence_unless_after_a_line_break():
    # constructed examples
    assert _sents("The change was small (8.5%, xx.) while it rose in controls. It ended.") == [
        "The change was small (8.5%, xx.) while it rose in controls.", "It ended."]
    assert _sents("Aims\nto assess attitudes.") == ["Aims\n", "to assess attitudes."]
    assert _sents("Levels fell. eEF2K levels rose.") == ["Levels fell.", "eEF2K levels rose."]


def test_existing_boundaries_are_kept_as_spacys_sentencizer_keeps_them():
    from spacy.pipeline.sentencizer import Sentencizer
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    for starts in ([1, 0, 0, 0, 1], [1, -1, -1, 0, 1], [1, 0, 0, 0, 0]):  # constructed
        ours = split_sentences(Doc(vocab, words="a b . c d".split(), sent_starts=starts))
        theirs = Sentencizer()(Doc(vocab, words="a b . c d".split(), sent_starts=starts))
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]


def test_a_lower_case_start_after_an_ordinary_word_stays_a_sentence():
    # real abstract sentences (data/screening, CC0), shortened
    assert _sents("No differences were found between the two groups. there were no significant differences in "
                  "heart rate.") == ["No differences were found between the two groups.",
                                     "there were no significant differences in heart rate."]
    assert _sents("The mean dose of desipramine was 150 mg. and methylphenidate 30 mg.") == [
        "The mean dose of desipramine was 150 mg. and methylphenidate 30 mg."]
