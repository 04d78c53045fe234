"""What happened: PLOVER events with actors, recipients, place, time, duration and modality.

Triggers (verbs in their persons and tenses, masdars, light-verb constructions) are data in
``data/events/triggers.tsv``, with their PLOVER category and mode; a sound verb is written once as ``past/imperfect``
and a masdar as ``noun+``, and ``marsad.text.inflect`` makes their forms. For each trigger in a sentence:

- actors and recipients are entities the sentence mentions: the name right after the trigger (the subject of a verb
  that comes first, the first term of a masdar: «اجتماع بوتين»), else the nearest name before it in the clause (the
  subject of «عقد بوتين اجتماعًا»), but never across a complementiser («أفادت رويترز أن مسلحين هاجموا»: the gunmen
  act), nor a place after «في/ب/من ولاية»; a person named after a long office title (زار وزير ... NAME); for a
  passive («تم اعتقاله من قبل الشرطة») the name after an agent phrase; recipients are names after a preposition
  (مع، ب، إلى، على، ضد، ل، من) or the verb's object, after the subject in verb-subject-object order («طالبت بيونغ
  يانغ الولايات المتحدة»); names joined by و go together («ويتكوف وكوشنر»), «بين X و Y» makes all of them actors,
  and a host (استقبل X Y) is the recipient while the visitor acts. Unnamed groups (المحتجون، الخاطفين، القضاة —
  ``data/quotes/groups.tsv``) are actors like names, and a trigger that names its group («المعتصمين») has it as
  actor. With no subject named: a statement's speaker, found by the quotes stage, when the trigger is its cue; a
  verb joined by و to an earlier event of the sentence takes its actor («زار الوزير المعتصمين ووعد»), a masdar with
  a pronoun joined so too («ضم روسيا للقرم ودعمها»); a verb opening its clause, the latest speaker;
- the place is a GPE, LOC or FAC after في or ب in the sentence; the date, a DATE mention of the sentence; the
  duration, a DURATION mention — or one that a later «هذا الاجتماع ...» gives the same event;
- the modality comes from words before the trigger in its clause (``data/events/modality.tsv``: من المقرر، سوف،
  من المتوقع، لم، لن، إذا، مخاوف من، لم يستبعد، a negation carried by «لم يشارك ... في»، «أي» right before it), words
  just after it (زيارة مرتقبة، يتوقع إقرارها، الذي كان مقررا), the future prefix on the trigger (سيزور) or on the verb
  whose object it is (ستعارض توقيع), or a verb of refusal governing it (رفضت توقيع): an event that did not happen is
  never ``asserted``;
- one event is not counted twice: a verb's object noun of the same category right after it («وقعت تونس والجزائر
  مذكرة تفاهم»), a trigger that only names the actors of another event of its sentence;
- some triggers need the word they govern (``data/events/requires.tsv``): وقع is a signing only of an agreement,
  بحث talks only with someone, حقق an investigation only into something;
- words with another sense make no event (``data/events/senses.tsv`` and the NONE rows of the triggers): a ceasefire
  named, drones (طائرات مسيرة، بمسيرات), a province (مقاطعة بيلغورود), «ضم» that includes people, a trigger in an
  institution's name (مكتب ... لتنسيق الشؤون الإنسانية) or inside an organisation's name (جبهة الإنقاذ), an
  accusation someone rejects (رفضت ... الاتهامات), violence with no agent named (قتل شخص، مقتل).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from marsad.document import Document, Event, Mention, Quote
from marsad.ner import titles
from marsad.ner.features import normalize
from marsad.ner.phrases import PhraseTable, read_rows
from marsad.ner.tagger import load_model
from marsad.quotes import groups
from marsad.spanindex import Intervals, MentionIndex
from marsad.text.inflect import expand, object_stems
from marsad.text.normalise import fold
from marsad.text.tokenize import (
    ARTICLE_LOOKALIKES,
    CLITIC,
    PUNCT,
    RELATIVE_PRONOUNS,
    WRITTEN_POSSESSIVES,
    SentenceView,
    Tokens,
    definite,
    phrase_norms,
    reads_whole,
    sentence_views,
)

ARGUMENT_LABELS = frozenset({"PER", "ORG", "GPE", "NORP", "FAC", "LOC", "TITLE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: mentions whose words are a name's, never an event's trigger (not PER: a verb the tagger swallowed, «يلتق روبيو»,
#: still makes its event)
NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "MISC"})
_RECIPIENT_PREPOSITIONS = frozenset({"مع", "ب", "الي", "علي", "ضد", "ل", "من", "عن", "امام"})
#: complementisers (normalised) that open a reported clause: who reports is not who acts in it
#: (one that carries a pronoun, «أكد أنه سيزور», refers back to the speaker and is no boundary)
_COMPLEMENTISERS = frozenset({"ان", "بان", "وان"})
#: words that make the trigger after them passive: «تم اعتقاله»، «يتم ترحيلهم»
#: prepositions (normalised) that introduce the place where something happens
_PLACE_PREPOSITIONS = frozenset({"في", "الي", "وفي", "قرب", "وسط", "امام", "داخل", "خارج", "شمال", "جنوب", "شرق",
                                 "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})
#: third-person possessive pronouns (normalised) on a masdar
_POSSESSIVES = ("ها", "هم", "هما")
_PASSIVE_AUXILIARIES = frozenset({"تم", "يتم", "تمت", "جري", "يجري", "سيتم"})
#: the passives of defective verbs as written (ألقي، أُلقي), which the active writes with ى (ألقى)
_DEFECTIVE_PASSIVES = ("ألقي", "أُلقي", "القي")
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان"})
#: how many words a trigger's arguments may lie after it
WINDOW = 12
#: how many words before the trigger its subject may stand («عقد الرئيس الروسي فلاديمير بوتين، اجتماعًا»)
SUBJECT_WINDOW = 4
#: ... and a masdar of purpose (تجمع الفلاحون منذ صباح اليوم أمام مقر الولاية احتجاجا على)
PURPOSE_WINDOW = 10
#: categories recorded even when no participant is named («قتل 12 شخصا في تفجير»)
UNNAMED_OK = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})
#: categories whose act, written with no one doing it, goes on with who did the one before (a raid's arrests, a
#: union's strikes); not violence, whose sides alternate in war reports
CARRIED = frozenset({"COERCE", "PROTEST"})
#: ... if that one was at most this many sentences before
CARRY_SENTENCES = 1
#: categories whose statement is itself the act (a call, an accusation, a refusal, a threat)
STATEMENT_ACTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
#: categories whose trigger may also cue a quote and still be an event: statements, and praise (أشاد، رحب)
CUED_ACTS = STATEMENT_ACTS | {"SUPPORT"}
#: categories whose participants are never the place they happen in (a meeting in Geneva is not with Geneva); in
#: violence and cooperation a place after في is often the side itself (هجوم في برلين، التعاون في تونس)
LOCATED = frozenset({"CONSULT", "AGREE", "MOBILIZE"})
#: how far before the trigger a modality word still counts (within the clause)
MODALITY_WINDOW = 20
#: how far after the trigger an ``after:`` modality word still counts («عقوبات شاملة جديدة يتوقع إقرارها»)
AFTER_WINDOW = 4
#: how far before a ل-phrase trigger an institution word still makes it part of a name («مكتب الأمم المتحدة لتنسيق»)
NAME_WINDOW = 4
#: the pseudo-category of phrases that mask the triggers inside them (وقف إطلاق النار، طائرات مسيرة)
NO_EVENT = "NONE"
#: words and attached letters that make a place the event's location (في جنيف، بموسكو). Not إلى: «زيارة إلى
#: إيطاليا» names the host (PLOVER's recipient of a visit), «المطالبة بإرجاعه إلى غوانتنامو» the object
_LOCATIVE_WORDS = frozenset({"في", "وفي", "داخل", "قرب"})
_LOCATIVE_CLITICS: tuple[str, ...] = ()
_EVENT_DATE_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_CONTEXT = {"CONSULT": ["diplomatic"], "AGREE": ["diplomatic"], "SUPPORT": ["diplomatic"],
            "ASSAULT": ["military"], "MOBILIZE": ["military"], "PROTEST": ["political"], "SANCTION": ["economic"]}


@lru_cache(maxsize=1)
def triggers() -> PhraseTable:
    return PhraseTable((form, "trigger", (cat, mode)) for cat, mode, forms in read_rows("triggers.tsv", "events")
                       for entry in forms.split() for form in expand(entry)
                       if SPLIT not in form and (form == entry or "_" in form or reads_whole(form)))


#: how a trigger of ``data/events/triggers.tsv`` marks where the subject stands inside it (أطلق/يطلق_~_النار)
SPLIT = "_~"
#: ... with the most words it may take written after the ~ (عملية_~1_الإرهابية: «عملية سوسة الإرهابية»), else
#: SPLIT_GAP («أطلق مسلحون مجهولون النار»، «قضت وحدات الجيش الجزائري صباح اليوم على»)
_SPLIT_RE = re.compile(r"_~([0-9]?)_")
SPLIT_GAP = 6
SplitTriggers = dict[str, list[tuple[tuple[str, ...], tuple[str, str], int]]]


@lru_cache(maxsize=1)
def split_triggers() -> SplitTriggers:
    """The triggers written with the subject's place inside them: a verb, then its subject, then the rest of the
    phrase (أطلق مسلحون النار، قضت وحدات الجيش على): keyed by the verb, with the rest and (category, mode)."""
    out: SplitTriggers = {}
    for cat, mode, forms in read_rows("triggers.tsv", "events"):
        for entry in forms.split():
            for form in expand(entry):
                split = _SPLIT_RE.search(form)
                if split is None:
                    continue
                head, tail = form[:split.start()], form[split.end():]
                if "_" not in head and len(key := phrase_norms(head)) == 1:
                    # (the verb as the tokeniser reads it, a letter taken for a proclitic or not: «لقي» is ل + قي)
                    out.setdefault(key[0], []).append((phrase_norms(tail.replace("_", " ")), (cat, mode),
                                                       int(split.group(1) or SPLIT_GAP)))
    return out


def _next_trigger(table: PhraseTable, norms: list[str], p: int) -> tuple[int, int, tuple[str, str], int] | None:
    """The next trigger at or after ``p``: (start, end, (category, mode), where the phrase ends). A split trigger
    is its verb alone (the subject after it is the actor, as after any verb), found where the rest of its phrase
    follows within ``SPLIT_GAP`` words of the same clause; a whole phrase starting at the same word wins."""
    hit = table.next_match(norms, p, "trigger")
    split = split_triggers()
    for i in range(p, hit[0] if hit is not None else len(norms)):
        for tail, payload, gap in split.get(norms[i], ()):
            for j in range(i + 2, min(i + 1 + gap + 1, len(norms))):
                w = norms[j]
                if not w or not (w[0].isalpha() or w[0].isdigit()):
                    break
                if tuple(norms[j:j + len(tail)]) == tail:
                    return i, i + 1, payload, j + len(tail)
    return None if hit is None else (hit[0], hit[1], hit[2], hit[1])


@lru_cache(maxsize=1)
def modality_words() -> PhraseTable:
    return PhraseTable((w, modality, True) for modality, words in read_rows("modality.tsv", "events")
                       for w in words.split())


@lru_cache(maxsize=1)
def senses() -> dict[str, frozenset[str]]:
    """The word sets of ``data/events/senses.tsv`` (normalised single words), by sense."""
    out: dict[str, frozenset[str]] = {}
    for sense, words in read_rows("senses.tsv", "events"):
        out[sense] = frozenset(n for entry in words.split() for w in expand(entry) for n in phrase_norms(w)[-1:])
    return out


@lru_cache(maxsize=1)
def agent_phrases() -> PhraseTable:
    """The ``agent`` row of ``data/events/senses.tsv``: phrases that introduce who did a passive event."""
    return PhraseTable((w, "agent", True) for sense, words in read_rows("senses.tsv", "events") if sense == "agent"
                       for w in words.split())


#: in requires.tsv, a number right after the trigger (إيقاف 3 أشخاص، إيقاف خمسة عناصر) as one of the words needed
NUMBER_NEEDED = "<number>"


@lru_cache(maxsize=1)
def requirements() -> dict[str, frozenset[str]]:
    """``data/events/requires.tsv``: for each trigger word that needs one, the words one of which must follow it."""
    out: dict[str, frozenset[str]] = {}
    for _, entries, needed in read_rows("requires.tsv", "events"):
        words = frozenset(n for w in needed.split() for n in ([w] if w == NUMBER_NEEDED else phrase_norms(w)[-1:]))
        for entry in entries.split():
            for form in expand(entry):
                out[" ".join(phrase_norms(form.replace("_", " ")))] = words    # a phrase (القضاء على) by its words
    return out


#: how many words an office may run between a trigger and the name it introduces
TITLE_WINDOW = 10
#: how many words may part a verb from its object noun of the same category that names the same event
LIGHT_VERB_GAP = 3
#: how many words after a trigger the word it requires may stand («وقع الوزيران اليوم مذكرة تفاهم»)
REQUIRES_WINDOW = 5


def find_events(doc: Document) -> None:
    """Fill ``doc.events`` (run after the resolver: arguments are entities)."""
    toks = doc.tokens
    if toks is None or not len(toks):
        return
    table, modal = triggers(), modality_words()
    # a name inside another (الشرق الأوسط in «المبعوث الأمريكي الخاص بشأن الشرق الأوسط») is no argument of its own
    args = MentionIndex(_outermost(m for m in doc.mentions if m.entity and m.label in ARGUMENT_LABELS))
    cue_starts = {q.cue.start for q in doc.quotes if q.cue is not None}
    # who says it: the speaker of a quote whose cue is the trigger («دعا الوزير إلى»، «وطالب في هذا الصدد»)
    cue_speaker = {q.cue.start: q.speaker for q in doc.quotes if q.cue is not None and q.speaker}
    values = MentionIndex(m for m in doc.mentions if m.label in ("DATE", "DURATION"))
    names = Intervals((m.start, m.end) for m in doc.mentions if m.label in NAME_LABELS)
    group_spans = {(m.start, m.end): m.entity for m in doc.mentions if m.label == "NORP" and m.entity}
    # (and its last word, where that names the group by what it does: «فلاحون محتجون»، «عدد من المحتجين»)
    group_spans.update({(k + 1, m.end): m.entity for m in doc.mentions if m.label == "NORP" and m.entity
                        and (k := doc.text.rfind(" ", m.start, m.end)) > m.start and (k + 1, m.end) not in group_spans})
    counted = {m.entity for m in doc.mentions if m.extra.get("counted") and m.entity}
    labels = {e.id: e.label for e in doc.entities}
    events: list[Event] = []
    last_of: dict[str, Event] = {}                         # the latest event of each category
    recorded: set[tuple[str, frozenset[str]]] = set()      # (category, participants) of every event so far
    pending: set[int] = set()     # meetings with no one named yet, kept for whom a verb of gathering names
    views = sentence_views(doc)
    for clause in views:
        si = clause.index
        sentence = doc.sentences[si]
        in_sentence = args.starting(sentence.start, sentence.end)
        in_values = values.starting(sentence.start, sentence.end)
        p = 0
        while (found := _next_trigger(table, clause.norms, p)) is not None:
            p, end, (category, mode), phrase_end = found
            start_p = p
            # (past the rest of a concession written with its subject inside: what «أسقطت بلجيكا تهمة الإرهاب» gives
            # up is no charge laid; the rest of other phrases may be an event of its own: «قضت محكمة بالسجن»)
            p = phrase_end if category == "CONCEDE" and phrase_end > end else end
            if category == NO_EVENT:
                continue   # «وقف إطلاق النار»، «طائرات مسيرة»: the trigger inside means something else here
            trigger_start = toks.start[clause.view[start_p]]
            if category not in CUED_ACTS and trigger_start in cue_starts and \
                    _COMPLEMENTISERS & {fold(w) for w in _phrase_after(clause, end, 4)}:
                continue   # «يتفق المراقبون على أن»: an opinion stated (a quote), not an event; «ووعد بتعزيز» is one
            if _other_sense(doc, clause, start_p, end, category, in_sentence, table, phrase_end):
                continue
            if category == "ACCUSE" and mode == "criticize" and start_p and \
                    (clause.norms[start_p - 1] in senses()["combat"] or
                     (start_p > 1 and clause.norms[start_p - 1] in ("علي", "على") and
                      clause.norms[start_p - 2] in senses()["combat_on"])):
                continue   # «مكافحة الفساد»، «الحرب على الفساد»: fighting it, no one accused of it
            if category == "ASSAULT" and clause.norms[start_p] in senses()["sport_attack"] and \
                    senses()["sport"] & set(clause.norms):
                continue   # «شن المنتخب هجمات متتالية على مرمى»: a team's attack
            if names.covers(trigger_start, toks.end[clause.view[end - 1]]):
                continue   # «جبهة الإنقاذ»، «حزب الاتحاد الوطني»: a word of a name, no event
            if category in _NAMED_THINGS and _named_thing(clause, start_p, end):
                continue   # «الاتفاق النووي»، «التعاون العسكري»: a thing the article refers to, not an occurrence
            last = events[-1] if events else None
            if category == "ASSAULT" and last is not None and last.event == "ASSAULT" and last.sentence == si and \
                    _proclitic(toks, clause.view[start_p], "ب") and last.trigger is not None and \
                    _words_between(doc, last.trigger.end, trigger_start) <= CASUALTY_REACH:
                continue   # «استهدفوا المواقع بقذائف الدبابات»: the weapon of the attack just named
            if last is not None and last.event == category and last.sentence == si and last.trigger is not None \
                    and trigger_start >= last.trigger.end and \
                    _words_between(doc, last.trigger.end, trigger_start) <= LIGHT_VERB_GAP and \
                    not any(ch in doc.text[last.trigger.end:trigger_start] for ch in "،,.:؛()") and \
                    not (category == "ASSAULT" and start_p and clause.norms[start_p - 1] in senses()["causal"]):
                continue   # «وقعت تونس والجزائر مذكرة تفاهم»: the verb and its object name one event (not «قتل
                # خمسة أشخاص في هجوم»: the attack they died in, whose agent may be named)
            event = _event(doc, clause, start_p, end, category, mode, in_sentence, in_values, si, modal,
                           phrase_end)
            if event is None:
                continue
            if category not in STATEMENT_ACTS and _requested(clause, start_p):
                continue   # «طالبوا باستقالة الوالي»: what was asked for, not an act; the request is the event
            if category != "REJECT" and _refused(clause, start_p) and \
                    (trigger_start, event.trigger.end if event.trigger else -1) not in group_spans:
                # (not «المحتجين»: a group named by what it does is there, whatever is denied of it)
                if category in STATEMENT_ACTS:
                    continue   # «رفضت كالاس الاتهامات»: her refusal of someone else's accusation, not hers
                event.modality = "negated"   # «رفضت توقيع الاتفاق»: a signing that did not happen
            if not _fill_actors(doc, clause, start_p, end, event, events, group_spans, cue_speaker, labels,
                                in_sentence):
                continue   # a judgement or a necessity nobody is quoted saying
            _revise_sides(doc, clause, start_p, end, event, category, in_sentence, counted, last, last_of, labels)
            if category == "ASSAULT" and not event.actor and senses()["disaster"] & set(clause.norms):
                continue   # «زلزالا أدى إلى مقتل 628 شخصا»: a disaster's dead, no one's attack
            previous = _same_as_before(clause, start_p, last_of, category)
            if previous is not None and ((not event.actor and not event.recipient) or (
                    previous.sentence == si and set(event.actor) | set(event.recipient) <= _participants(previous)[1])):
                previous.duration = previous.duration or event.duration   # «هذا الاجتماع الذي استمر خمس ساعات»
                continue   # (and «مباحثات بين أوكرانيا وروسيا ...، ولكن لم تحقق هذه المباحثات تقدما»: the same talks,
                #            named again in their sentence with no one new)
            gathering = category == "CONSULT" and not event.mode and not event.actor and not event.recipient and \
                _gathering_near(clause, start_p, end)
            if gathering:
                pending.add(id(event))
            if not event.actor and not event.recipient and not gathering and not (
                    category in UNNAMED_OK and trigger_start not in cue_starts
                    and event.modality in ("asserted", "planned", "expected")    # (a strike decided for Monday)
                    and (clause.norms[start_p] not in senses()["agentless"]
                         or _someone_killed(clause, end, toks, start_p))):
                continue   # an event between no one named; only violence and protest are worth recording so
                # (but a meeting with a verb of gathering may name all who met after it: «وضم الاجتماع 5 أحزاب»)
            if category == "ACCUSE" and not event.recipient and clause.norms[start_p] in senses()["warning"]:
                continue   # «وحذر زيلينسكي من أي تراجع في الاهتمام»: a warning that blames no one is a statement
            if _mentioned_again(event, recorded) or _same_attack(event, events):
                continue   # «تفاصيل الاجتماع بين بوتين وويتكوڤ»: the meeting already recorded, named again
            event.id = f"v{len(events) + 1}"
            events.append(event)
            last_of[category] = event
            recorded.add(_participants(event))
    _gathered(doc, args, events, views)
    # (a meeting kept for a verb of gathering that named no one after all is no event)
    events = [e for e in events if id(e) not in pending or e.actor or e.recipient]
    _agreed_at_meeting(events)
    events = sorted(events + _obligations(doc, args, events, views),
                    key=lambda e: (e.sentence, e.trigger.start if e.trigger else 0))
    doc.events = _without_named_twice(_casualties_joined(doc, events), group_spans)


#: words after which «على» opens a clause of obligation (إن على الحكومة أن، يتعين على السلطات)
_OBLIGATION_OPENERS = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها", "يجب", "يتعين", "يتوجب", "ينبغي", "،",
                                 ",", ":", "\"", "«", "“", "لكن", "بل"})    # (normalised: أن، إن are ان)


def _obligations(doc: Document, args: MentionIndex, events: list[Event], views: list[SentenceView]) -> list[Event]:
    """«على الحكومة أن تجعل ...»، «وقال إن على السلطات ضمان ...»: what someone quoted says a body must do is a
    REQUEST of the speaker to that body — «على» opening a clause, a name right after it, then أن or a masdar."""
    toks = doc.tokens
    assert toks is not None
    out: list[Event] = []
    asked = {(e.sentence, tuple(e.actor), tuple(e.recipient)) for e in events if e.event == "REQUEST"}
    for clause in views:
        norms = clause.norms
        for i, norm in enumerate(norms):
            if norm != "علي" or i + 2 >= len(norms):
                continue
            t = clause.view[i]
            if not (i == 0 or norms[i - 1] in _OBLIGATION_OPENERS or _proclitic(toks, t, "و")):
                continue
            after = toks.end[t]
            named = next((m for m in args.starting(after, after + 3) if m.start > after
                          and not doc.text[after:m.start].strip()), None)
            if named is None or not named.entity or named.label not in ACTOR_GROUPS | {"GPE"}:
                continue
            j = next((k for k in range(i + 1, len(norms)) if toks.start[clause.view[k]] >= named.end), None)
            if j is None:
                continue
            nxt = norms[j]
            masdar = nxt[:1].isalpha() and not definite(nxt) and len(nxt) > 2 and \
                nxt not in _RECIPIENT_PREPOSITIONS and not _proclitic(toks, clause.view[j], "و")
            if nxt != "ان" and not masdar:
                continue
            said = _quote_holding(doc, toks.start[t], clause.index)
            if said is None or said.speaker is None or said.speaker == named.entity:
                continue
            key = (clause.index, (said.speaker,), (named.entity,))
            if key in asked:
                continue
            asked.add(key)
            out.append(Event(id="", event="REQUEST", modality="asserted", trigger=doc.span(toks.start[t], named.end),
                             sentence=clause.index, actor=[said.speaker], recipient=[named.entity]))
    return out


#: how many words after a meeting's noun the verb that says whom it brought together may stand («جلسة عمل حول
#: اعتصام البرادعة بمقر معتمدية البرادعة جمعت ...»)
GATHER_REACH = 12
#: how many words after that verb its list of participants may run
GATHERED_WORDS = 25


def _gathered(doc: Document, args: MentionIndex, events: list[Event], views: list[SentenceView]) -> None:
    """«جلسة عمل ... جمعت نواب الجهة وممثلي الأهالي والحرس الوطني»، «... بحضور ممثلين عن ...»: those a recorded meeting
    brought together, named after a verb of gathering (or after the meeting that is the subject of one: «وضم
    الاجتماع ...»), all take part in it — as its actors, the hosts and guests of a meeting no one visits alike; where
    its sides were named already («لقاء جمع الوزيرة بممثلين عن الجامعة»), as more recipients."""
    toks = doc.tokens
    assert toks is not None
    gather = senses()["gather"]
    by_index = {v.index: v for v in views}
    for event in events:
        if event.event != "CONSULT" or event.trigger is None or event.mode:
            continue    # (a visit, a host, a call or a summit has its sides by its mode)
        clause = by_index[event.sentence]
        norms = clause.norms
        at = next((k for k, t in enumerate(clause.view) if toks.start[t] >= event.trigger.start), None)
        if at is None:
            continue
        end_at = next((k for k in range(at, len(norms)) if toks.start[clause.view[k]] >= event.trigger.end), len(norms))
        verb = next((k for k in range(end_at, min(len(norms), end_at + GATHER_REACH))
                     if (norms[k] in gather and not _proclitic(toks, clause.view[k], "ل")
                         and norms[k - 1] not in _GOVERNING)
                     or norms[k] in (".", "؛")), None)    # (not «المفاوضات لضم اللاعب»، «التفاوض على ضم»: to sign him)
        if verb is not None and norms[verb] in (".", "؛"):
            verb = None
        if verb is None and at > 0 and norms[at - 1] in gather:
            verb = end_at - 1      # «وضم الاجتماع 5 أحزاب»: the meeting the subject, who it brought after it
        if verb is None:
            continue
        start = toks.end[clause.view[verb]]
        stop = next((toks.start[clause.view[k]] for k in range(verb + 1, min(len(norms), verb + GATHERED_WORDS))
                     if norms[k] in (".", "؛")), toks.end[clause.view[min(len(norms), verb + GATHERED_WORDS) - 1]])
        met = [m.entity for m in _outermost(args.starting(start, stop)) if m.entity and m.label in ACTOR_GROUPS]
        if met and event.actor and event.recipient:
            # (sides named already, «لقاء جمع الوزيرة بممثلين عن الجامعة»: the others met join them as recipients)
            event.recipient += [x for x in dict.fromkeys(met) if x not in event.actor and x not in event.recipient]
        elif met:
            event.actor = list(dict.fromkeys(event.actor + event.recipient + met))
            event.recipient = []


def _gathering_near(clause: SentenceView, a: int, b: int) -> bool:
    """Whether a verb of gathering stands right before the meeting at ``a:b`` (وضم الاجتماع) or within GATHER_REACH
    words after it in its sentence (جلسة عمل ... جمعت)."""
    gather = senses()["gather"]
    if a > 0 and clause.norms[a - 1] in gather:
        return True
    for k in range(b, min(len(clause.norms), b + GATHER_REACH)):
        if clause.norms[k] in (".", "؛"):
            return False
        if clause.norms[k] in gather and clause.norms[k - 1] not in _GOVERNING:
            return True     # (not «التفاوض على ضم بنزيما»: signing him)
    return False


def _agreed_at_meeting(events: list[Event]) -> None:
    """«بعد مفاوضات مع رئاسة الحكومة ووزارة السياحة تم الاتفاق على ...»، «تم الاتفاق خلال اللقاء مع الجامعة على»: an
    agreement no one is named making is made by those who met in the same sentence — all of them, as its actors."""
    meetings: dict[int, list[Event]] = {}
    for event in events:
        if event.event == "CONSULT" and (event.actor or event.recipient):
            meetings.setdefault(event.sentence, []).append(event)
    for event in events:
        if event.event != "AGREE" or event.actor or event.sentence not in meetings:
            continue
        met = meetings[event.sentence][0]
        event.actor = list(dict.fromkeys(met.actor + met.recipient))
        event.recipient = []


def _revise_sides(doc: Document, clause: SentenceView, a: int, b: int, event: Event, category: str,
                  in_sentence: list[Mention], counted: set[str], last: Event | None, last_of: dict[str, Event],
                  labels: dict[str, str]) -> None:
    """Who acts and who suffers, revised where the words around the trigger ``a:b`` and the events before it say
    more than its nearest names: an attack's ل, a denial of allegations, the adversary after ضد, a group counted
    out, the condemner of an attack, and the agent of the last arrest or strike."""
    toks = doc.tokens
    assert toks is not None and event.trigger is not None
    si, trigger_start, trigger_end = event.sentence, event.trigger.start, toks.end[clause.view[b - 1]]
    if category == "ASSAULT" and b - a == 1 and clause.norms[a] in senses()["lam_agent"] and \
            (agent := _lam_agent(doc, trigger_end, in_sentence)) is not None and agent.entity:
        # «هجوم لداعش»، «كمين للمقاومة»: an attack's ل names whose it is (its victims follow على)
        event.actor = [agent.entity]
        event.recipient = [x for x in event.recipient if x != agent.entity]
    if category == "PROTEST" and a > 1 and clause.norms[a - 1] == "عن" and \
            any(w in senses()["voicing"] for w in clause.norms[max(0, a - VOICING_REACH - 1):a - 1]):
        # «أعربت العائلة عن احتجاجها على نشر الصورة»: a protest voiced is a criticism, no demonstration
        event.event = "ACCUSE"
        event.mode = ["criticize"]
    if category == "REJECT" and senses()["allegation"] & set(_phrase_after(clause, b, 6)):
        # «يرفض فيتسيك هذه الاتهامات»: denying what others claim is ACCUSE, as the annotation guide has it («deny
        # responsibility claims of others»), like «نفى» and «استنكر الادعاءات»
        event.event = "ACCUSE"
    if category in _WITH_SIDES and (against := _against(doc, [
            m for m in in_sentence if m.start >= trigger_end
            and _words_between(doc, trigger_end, m.start) <= AGAINST_REACH])):
        # «دعم التقدم ضد داعش»، «التعاون ضد الإرهاب»: whom the support or the alliance is against is no side
        event.recipient = [x for x in event.recipient if x not in against]
        event.actor = [x for x in event.actor if x not in against]
    victims = [m.entity for m in in_sentence if m.entity in event.actor and
               set(phrase_norms(m.text)[:1]) & senses()["victims"]]
    if category == "ASSAULT" and victims:
        # «ذبح الأبرياء»، «الاعتداء الذي استهدف المصلين»: worshippers and innocents suffer, whatever the order
        event.actor = [x for x in event.actor if x not in victims]
        event.recipient += [x for x in victims if x not in event.recipient]
    if category in _DONE_TO and counted & set(event.actor):
        # «وإصابة 13 آخرين في هجوم»، «مقتل 29 من المتمردين»، «102 من المسلحين قتلوا»: a group counted out is who
        # suffers violence
        moved = [x for x in event.actor if x in counted]
        event.actor = [x for x in event.actor if x not in counted]
        event.recipient += [x for x in moved if x not in event.recipient]
    if category == "ASSAULT" and last is not None and last.sentence == si and last.event == "ASSAULT" and \
            last.trigger is not None and last.trigger.end <= trigger_start and set(event.actor) & set(last.recipient):
        # «أصيب عشرات المدنيين في قصف»: who suffered the violence named before is not who made this one
        event.actor = [x for x in event.actor if x not in last.recipient]
    if category in _DONE_TO and event.actor and (announcer := _announcer(doc, clause, a, in_sentence)) is not None:
        # «أعلن المتحدث باسم القوات ناصر الشعيبي مقتل أربعة متمردين»: who announces a killing did not kill
        event.actor = [x for x in event.actor if x != announcer]
    if category in _DONE_TO and last is not None and last.sentence == si and last.event in _NOT_ITS_AGENT and \
            last.trigger is not None and not _denial(last) and set(event.actor) & set(last.actor) and \
            _words_between(doc, last.trigger.end, trigger_start) <= CONDEMN_REACH and \
            not _clause_break(doc, last.trigger.end, trigger_start):
        # «أدانت تونس بشدة الهجوم الإرهابي»: who condemns (or asks for) an attack did not make it
        # (who denies one, «نفت الداخلية استعمال القوة», or threatens one, may well be its agent)
        event.actor = [x for x in event.actor if x not in last.actor]
    if category in _AT_A_PLACE and (here := _witnessing_place(doc, clause, a, in_sentence)) is not None:
        # «شهدت تعز مواجهات عنيفة»: the place that «witnessed» violence or a protest is where it happened
        event.actor = [x for x in event.actor if x != here]
        event.recipient = [x for x in event.recipient if x != here]
        event.event_loc = event.event_loc or here
    if category == "ASSAULT" and _perpetrator_before(clause, a):
        # «اعتقلت الشرطة منفذ عملية الدهس»: the attack of whom the phrase names, never the arresting police; «منفذ
        # هجوم برلين أنيس العامري»: the person named after it
        named = next((m for m in in_sentence if m.start >= trigger_end and m.label == "PER" and
                      _words_between(doc, trigger_end, m.start) <= PERPETRATOR_REACH), None)
        event.actor = [named.entity] if named is not None and named.entity else []
        event.recipient = [x for x in event.recipient if x not in event.actor]
    if category == "ASSAULT" and (struck := _struck_places(doc, clause, a, in_sentence)):
        # «هجوم قندهار»، «هجومي سوسة وباردو»: the place an attack is named by is what it struck, not its agent
        event.actor = [x for x in event.actor if x not in struck]
        event.recipient = event.recipient + [x for x in struck if x not in event.recipient]
        event.event_loc = event.event_loc or struck[0]
    elif category == "ASSAULT" and not event.recipient and not event.actor and \
            not ((before := last_of.get(category)) is not None and before.sentence == si and before.recipient) and \
            (struck_in := _attacked_in(doc, clause, a, in_sentence)) is not None:
        # «الهجمات الأخيرة في باريس»، «هجوم في مدينة غازي عنتاب»: an attack with no one named that struck or did it,
        # in a city named right after it, struck that city (not «مقتل شرطي في هجوم في ...»: the policeman)
        event.recipient = [struck_in]
        event.event_loc = event.event_loc or struck_in
    earlier = last_of.get(category)
    if not event.actor and category in CARRIED and earlier is not None and earlier.actor and \
            earlier.modality != "negated" and _carried_on(doc, clause, a, si, earlier, labels) and \
            si - earlier.sentence <= CARRY_SENTENCES and not set(earlier.actor) & set(event.recipient) and \
            all(labels.get(x) in ACTOR_GROUPS or (category == "COERCE" and labels.get(x) == "GPE")
                for x in earlier.actor):
        # «قضت قوات الجيش على ثلاثة إرهابيين ... كما تم توقيف 4 آخرين»: an arrest or a strike with no one
        # named doing it goes on with who did the last one — a person, a body or a group; a country only
        # for coercion (it expels and arrests; its name before a strike is more often where it struck)
        event.actor = list(earlier.actor)


#: how many words before «عن احتجاجه» the verb that voices it may stand (أعربت عائلة الصحفي الأمريكي عن)
VOICING_REACH = 6
#: how many words back from a masdar of violence the verb of speech that announces it may stand
ANNOUNCE_REACH = 10


def _denial(event: Event) -> bool:
    """Whether the event's trigger is a verb of denial or refusal (نفت، أنكر، يرفض): an ACCUSE that does not say its
    subject had no part in what it is about."""
    return event.trigger is not None and phrase_norms(event.trigger.text.split()[0])[-1] in senses()["rejection"]


def _announcer(doc: Document, clause: SentenceView, a: int, mentions: list[Mention]) -> str | None:
    """The person a verb of speech before the masdar at ``a`` has announcing it, named between them (أعلن المتحدث ...
    ناصر الشعيبي مقتل ...): the subject of the announcement, not of the violence."""
    from marsad.quotes import cues

    toks = doc.tokens
    assert toks is not None
    table = cues()
    for p in range(a - 1, max(-1, a - ANNOUNCE_REACH - 1), -1):
        w = clause.norms[p]
        if not w or not (w[0].isalpha() or w[0].isdigit()) or "trigger" in triggers().roles_at(clause.norms, p) or \
                w in _COMPLEMENTISERS:
            return None   # (after «أفادت رويترز أن صيادين», a clause with its own subject)
        if "verb" in table.roles_at(clause.norms, p):
            lo, hi = toks.end[clause.view[p]], toks.start[clause.view[a]]
            named = [m for m in mentions if lo <= m.start and m.end <= hi and m.label in ("PER", "ORG", "NORP")]
            # a person who announces reports (a spokesman); a body may announce its own act (وأعلن الجيش القضاء على),
            # but deaths it announces (أكدت وزارة الداخلية مقتل اثنين من رجالها) say nothing of who caused them
            return named[-1].entity if named and (named[-1].label == "PER" or
                                                  clause.norms[a] in senses()["agentless"]) else None
    return None


def _fill_actors(doc: Document, clause: SentenceView, a: int, b: int, event: Event, events: list[Event],
                 group_spans: dict[tuple[int, int], str], cue_speaker: dict[int, str], labels: dict[str, str],
                 arguments: list[Mention]) -> bool:
    """Who acts when the words around the trigger ``a:b`` do not say, and what a speaker's words make of it; False
    when the event is no event (blame or a necessity outside any quote)."""
    toks = doc.tokens
    assert toks is not None and event.trigger is not None
    si, start = event.sentence, event.trigger.start
    word, last_word = clause.norms[a], clause.norms[b - 1]

    def act(actors: list[str]) -> None:
        event.actor = actors
        event.recipient = [r for r in event.recipient if r not in actors]

    if word in senses()["participle"]:
        # «..., مطالبا الدول العربية بالتحرك»: who asks is who says it, as the quotes stage found; no name around
        # the participle (a genitive, a prepositional phrase before it) is its actor
        act([cue_speaker[start]] if start in cue_speaker else [])
        return True

    if b == a + 1 and len(word) > 4 and doc.text[start:event.trigger.end].endswith(WRITTEN_POSSESSIVES) and \
            (said := _quote_holding(doc, start, si)) is not None and said.speaker and \
            said.content.start == start and \
            (obj := next((m for m in arguments if m.entity in event.actor and m.start >= event.trigger.end
                          and _right_after(doc, event.trigger.end, m) and not _introduced_by_preposition(doc, m)),
                         None)) is not None:
        # «وجدّد الاتحاد مطالبته الحكومة بـ»: a masdar with its own pronoun that opens what someone says — the name
        # after it is its object, and who says it acts
        target = obj.entity or ""
        act([said.speaker] if said.speaker != target else [])
        event.recipient = [target] + [r for r in event.recipient if r != target]
    if event.event in _DONE_TO and word.startswith("ال") and event.actor and \
            (said := _quote_holding(doc, start, si)) is not None and said.cue is not None and \
            said.cue.end <= said.content.start and _words_between(doc, said.content.start, start) <= 1 and \
            (said.kind == "direct" or senses()["judging"] & set(phrase_norms(said.cue.text))):
        # «اعتبر البابا فرانسيس، بابا الفاتيكان، الهجمات الأخيرة في باريس جزءا من حرب»، «وقال ليسينكو «القصف ...»»:
        # violence named at the head of what someone judges, or says in their own words, is not done by the speaker
        # nor by a name in the speaker's phrase (but «أعلن الجيش القضاء على 8 إرهابيين»: its own act, announced)
        speaking = {m.entity for m in arguments if said.cue.end <= m.start and m.end <= said.content.start}
        act([x for x in event.actor if x != said.speaker and x not in speaking])
    if (start, event.trigger.end) in group_spans:
        # «المعتصمين»، «المحتجون»: the trigger names the group that acts, whoever stands before it («زار الوزير
        # المعتصمين»)
        event.actor, event.recipient = [group_spans[(start, event.trigger.end)]], []
    if last_word in senses()["judgement"]:
        # «وقال إن الحادثة "مفتعلة"»: the speaker blames (or praises); whom, if the quote names someone else
        quote = _quote_holding(doc, start, si)
        if quote is None or not quote.speaker:
            return False
        event.actor = [quote.speaker]
        event.recipient = [r for r in _named_in(doc, quote) if r != quote.speaker][:1]
    if last_word in senses()["necessity"]:
        # «وقال "يجب الانطلاق في مرحلة أخرى"»: the speaker asks for it; outside a quote it is no one's
        said = _quote_holding(doc, start, si)
        if said is None or not said.speaker:
            return False
        event.actor = [said.speaker]
    if event.event == "AGREE" and last_word in senses()["request"]:
        _ready(doc, event, arguments, si)
    if not event.actor and event.event in CUED_ACTS and start in cue_speaker:
        act([cue_speaker[start]])   # the statement's speaker, found by the quotes stage
    if event.event in CUED_ACTS and start in cue_speaker and cue_speaker[start] not in event.actor and \
            b < len(clause.norms) and not doc.text[start:event.trigger.end].endswith("ت") and \
            clause.norms[a][:1] not in ("ت", "ن"):
        # «ودعا الهيئة العليا للانتخابات إلى»: a masculine verb before a definite feminine noun does not agree with
        # it; the noun is whom the statement addresses, its speaker (found by the quotes stage) the actor
        after = toks.start[clause.view[b]]
        written = doc.text[after:toks.end[clause.view[b]]]
        if written.startswith("ال") and written.endswith("ة") and \
                any(m.start == after and m.entity in event.actor for m in arguments):
            addressed = list(event.actor)
            act([cue_speaker[start]])
            event.recipient = list(dict.fromkeys(addressed + event.recipient))
    if event.event == "SUPPORT" and word.startswith(("دعم", "الدعم")) and \
            senses()["material"] & set(_phrase_after(clause, b, 3)):
        event.event, event.context = "AID", []   # «دعم عسكري»، «دعمها بالسلاح»: material, not words
    if event.event == "ASSAULT" and word in senses()["verbal"] and event.actor and \
            all(labels.get(x) == "PER" for x in event.actor):
        event.event, event.context = "ACCUSE", []   # «هاجم الوزير الصحافة»: words, not arms
    if word in senses()["sentence"]:
        # «حكمت محكمة ... على شخص ... بالسجن»: the prison term a court hands down is done by that court to whom it
        # sentenced; named with no sentence before it, a prison is a place or a threat («هدد الصحفيين بالسجن»)
        sanction = next((e for e in reversed(events) if e.sentence == si and e.event == "SANCTION"), None)
        if sanction is None and a == 0 and (sentenced := _sentenced_in_heading(doc, clause, b, arguments)):
            # «السجن لـ3 ليبيين مسلّحين»: a heading that opens on the sentence names with ل whom it befell
            event.actor, event.recipient = [], [sentenced]
            return True
        if sanction is None:
            return False
        event.actor, event.recipient = list(sanction.actor), list(sanction.recipient)
        return True
    if (_proclitic(toks, clause.view[a], "و") and _done_to_possessor(word)) or word in senses()["charge"]:
        # «إيقاف المحتجين وإحالتهم على القضاء»: the pronoun on a masdar of what is done to someone is whom it was
        # done to, those the event it is joined to was done to; and its doer, that one's. So too a charge after an
        # arrest: «اعتقلت الشرطة محمد بتهمة ...»
        earlier = next((e for e in reversed(events) if e.sentence == si and e.recipient), None)
        if earlier is not None and earlier.trigger is not None and \
                _words_between(doc, earlier.trigger.end, start) <= JOINED_REACH:
            event.actor = [x for x in earlier.actor if x not in earlier.recipient]
            event.recipient = list(earlier.recipient)
            return True
        if word in senses()["charge"] and not event.recipient and \
                (_proclitic(toks, clause.view[a], "ب") or _proclitic(toks, clause.view[a], "ل")):
            # «ضبط 5 من عناصر جماعة الإخوان بتهمة التحريض»، «للاشتباه في»: who is named before «on a charge of»
            # or «on suspicion of» is accused
            event.actor, event.recipient = [], list(event.actor)
    if not event.actor and event.event == "CONSULT" and b == a + 1 and a > 0 and \
            clause.norms[a - 1] in senses()["when"] and \
            doc.text[start:event.trigger.end].endswith(WRITTEN_POSSESSIVES) and word in senses()["meeting"]:
        # «ودعا ساركوزي في تصريح إعلامي على اثر لقائه مع السبسي»: his meeting, after which he spoke — the pronoun is
        # the subject of the sentence, its first name that no preposition governs
        first = toks.start[clause.view[0]]
        subject = next((m for m in arguments if first <= m.start and m.end <= start and m.label in ("PER", "ORG")
                        and not _introduced_by_preposition(doc, m) and m.entity not in event.recipient), None)
        if subject is not None and subject.entity:
            act([subject.entity])
    if _possessed(toks, clause, a, b) and (earlier := _last_with_actor(events, si)) is not None:
        # «ضم روسيا للقرم ودعمها للانفصاليين»: the pronoun on the masdar is the subject of the event it is joined
        # to, not the name just before it
        act(list(earlier.actor))
    if (not event.actor or event.event != "CONSULT") and b == a + 1 and event.event in _SAID_OF_ONESELF and \
            doc.text[start:event.trigger.end].endswith(WRITTEN_POSSESSIVES) and \
            (len(word) > 5 or event.event != "CONSULT") and \
            (said := _quote_holding(doc, start, si)) is not None and said.speaker and \
            doc.text[said.content.start:start].strip() in ("", "أن", "ان", "إن"):
        # «أكد الشاهد أن اجتماعه اليوم بالأطراف ...»: a masdar that opens what someone says, with a pronoun, is the
        # speaker's own meeting or visit; «عبر ... عن رفضهم القطعي»، «أعرب عن دعمه»: the speaker's own stance
        act([said.speaker])
    if b == a + 1 and (said := _quote_holding(doc, start, si)) is not None and \
            said.speaker and said.speaker not in event.recipient and said.speaker not in event.actor and \
            doc.text[said.content.start:start] in ("", "س") and \
            fold(doc.text[max(0, said.content.start - 8):said.content.start]).split()[-1:] in \
            (["انه"], ["انها"], ["انهم"], ["بانه"], ["بانها"]):
        # «قد أعلنت أنها ستلتقي مع كل من السيسي و...»: the pronoun after أن, subject of the verb that opens what is
        # said, is the speaker; whom the verb names after it is its object («أعلنت الشرطة أنها اعتقلت منفذ العملية»)
        end_of_clause = toks.end[clause.view[-1]]
        named_after = [x for x in event.actor if any(m.entity == x and start < m.start < end_of_clause
                                                        for m in arguments)]
        event.recipient = list(dict.fromkeys(named_after + event.recipient))
        event.actor = [x for x in event.actor if x not in named_after]
        act([said.speaker])
    if not event.actor and event.event == "PROTEST" and doc.text[start:event.trigger.end].endswith(("ه", "ها")) and \
            (said := _quote_holding(doc, start, si)) is not None and said.speaker and \
            labels.get(said.speaker) == "PER":
        # «وقال لطفي فريد ... إنه ينهي إضرابه عن الطعام»: one's strike, in one's own words, is one's own
        act([said.speaker])
    if not event.actor and _purpose(toks, clause.view[a]):
        # «يتوجه ويتكوف وكوشنر إلى أوكرانيا ... لإجراء محادثات»: a purpose clause shares the sentence's actors, and
        # the place they go to
        earlier = _last_with_actor(events, si)
        if earlier is not None:
            act(list(earlier.actor))
            event.event_loc = event.event_loc or next(
                (e.event_loc for e in reversed(events) if e.sentence == si and e.event_loc), None)
    if not event.actor and _opens_clause(toks, clause, a) and clause.norms[a] not in senses()["victim_subject"]:
        # «وطالب في هذا الصدد بتدعيم ...»: a verb that opens its clause with no subject named continues the event it
        # is joined to, or the latest speaker of this sentence or the one before (not in a headline)
        # (who reports violence did not commit it: «وأشارت المصادر إلى مقتل 17 وجرح آخرين»; whose subject suffers
        # it, «ويواجه سيف الإسلام عديد التهم», has no one else's actor)
        speaker = _joined_actor(toks, clause, a, events, si, event.event) or (
            _latest_speaker(doc.quotes, start, si) if si > 0 and event.event not in _DONE_TO else None) or (
            _previous_actor(doc, events, si, word) if si > 0 and event.event not in _DONE_TO else None)
        if speaker is not None:
            act([speaker])
    if (carrier := _support_verb_subject(doc, clause, a, arguments)) is not None and carrier not in event.actor:
        # «نفذ أساتذة المدرسة، الخميس، وقفة احتجاجية»: who carries it out, named after the verb — not a name
        # nearer the trigger (نفذت نقابة الإطارات العليا بشركة فسفاط قفصة، اليوم، إضرابا: not قفصة)
        act([carrier])
    if not event.actor and (carrier := _relative_support_subject(doc, clause, b, arguments)) is not None:
        act([carrier])   # «الضربات التي وجهتها القاهرة لمجموعات ...»: who carried them out, in the relative clause
    if not event.actor and (decider := _decider(doc, clause, a, arguments, event.event)) is not None and \
            decider not in event.recipient:
        act([decider])   # «قررت الهيئة الإدارية ... تنفيذ إضراب»: who decided it carries it out
    if not event.actor and (able := _enabled(doc, clause, a, arguments)) is not None and \
            able not in event.recipient:
        act([able])      # «تمكنت الوحدات الأمنية من إيقاف المشتبه به»: who managed it did it
    if not event.actor and si == 0 and _quote_holding(doc, start, si) is None and \
            (named := _headline_actor(doc, clause, a, arguments)) is not None:
        # «إيران : مناورات بحرية بالخليج العربي»: the headline names who acts before its colon (unless the colon
        # opens what someone says: «طارق الكحلاوي : استقالة العكرمي ...»); a place before a protest is where it
        # is held (تطاوين : اعتصام مفتوح), and a city there is where the news comes from (الحمامات : وليّ يلاحق
        # تلميذا ويعتدي عليه)
        if (event.event == "PROTEST" and named.label in PLACE_LABELS) or _dateline(named):
            event.event_loc = event.event_loc or named.entity
        elif named.entity:
            act([named.entity])
    if (sender := _sender(doc, clause, a, b, arguments)) is not None:
        # «تلقى السيسي برقية تهنئة من نظيره الجزائري بوتفليقة»: what one receives, the one it came from did
        receiver = _support_verb_subject(doc, clause, a, arguments, "received")
        event.actor = [sender]
        event.recipient = [receiver] if receiver is not None and receiver != sender else \
            [r for r in event.recipient if r != sender]
    if event.event in _DONE_TO and a > 0 and clause.norms[a - 1] in senses()["suffered"]:
        # «على خلفية تعرضهم لاعتداءات بالعنف»: violence suffered; no one named before it did it, nor who announced
        # or decided anything in the sentence (an agent phrase after it may name who did)
        act([x for x in event.actor if any(m.entity == x and m.start >= event.trigger.end for m in arguments)])
    return True


#: meetings and visits (اجتماعه، زيارته، لقاؤه), refusals, support, accusations and agreement (رفضهم، دعمه، استنكاره)
#: whose pronoun, at the head of what is said, is the speaker's
_SAID_OF_ONESELF = frozenset({"CONSULT", "REJECT", "SUPPORT", "ACCUSE", "AGREE"})

#: how many words after a word of readiness the name of whom one is ready to meet may stand (مستعد للقاء اللواء X)
READY_REACH = 3


def _sentenced_in_heading(doc: Document, clause: SentenceView, b: int, arguments: list[Mention]) -> str | None:
    """The entity named with ل within SENTENCED_REACH words after a prison term that opens a heading (السجن 10 سنوات
    لمسؤول سابق، السجن لـ3 ليبيين), or None; only in a title or heading block."""
    toks = doc.tokens
    assert toks is not None
    sentence = doc.sentences[clause.index]
    if not doc.blocks or doc.blocks[sentence.block].kind == "paragraph":
        return None
    for k in range(b, min(len(clause.norms), b + SENTENCED_REACH)):
        t = clause.view[k]
        if clause.norms[k] == "ل" or _proclitic(toks, t, "ل"):
            start = toks.end[t] if clause.norms[k] == "ل" else toks.start[t]
            named = next((m for m in arguments if start <= m.start <= start + 1 and m.entity), None)
            return named.entity if named is not None else None
        if not (clause.norms[k].isdigit() or clause.norms[k] in _number_words() or
                clause.norms[k] in senses()["term"]):
            return None
    return None


#: how many words (a term: 10 سنوات) may stand between a heading's prison and the ل of whom it befell
SENTENCED_REACH = 4


def _ready(doc: Document, event: Event, arguments: list[Mention], sentence: int) -> None:
    """«أنا مستعد للقائه»، «أنه على استعداد للقاء اللواء خليفة حفتر»: who is ready to meet or talk is the subject
    before the word of readiness or, when a pronoun is, who says so; the name after what one is ready for is whom
    one would meet, never who is ready."""
    assert event.trigger is not None
    end = event.trigger.end
    met = next((m for m in arguments if m.start >= end and _words_between(doc, end, m.start) <= READY_REACH
                and m.label in ACTOR_GROUPS and not _clause_break(doc, end, m.start)), None)
    if met is not None and met.entity:
        event.actor = [x for x in event.actor if x != met.entity]
        event.recipient = [met.entity] + [x for x in event.recipient if x != met.entity]
    if not event.actor and not event.trigger.text.endswith(WRITTEN_POSSESSIVES):
        # (not «الإعراب عن استعدادها»: the pronoun names who is ready, not whoever is quoted)
        said = _quote_holding(doc, event.trigger.start, sentence)
        speaker = said.speaker if said is not None else _latest_speaker(doc.quotes, event.trigger.start, sentence)
        if speaker and speaker not in event.recipient:
            event.actor = [speaker]


#: how many words before its object trigger a support verb may stand (نفذ X عشية اليوم السبت، وقفة احتجاجية)
SUPPORT_VERB_WINDOW = 12


def _support_verb_subject(doc: Document, clause: SentenceView, a: int, arguments: list[Mention],
                          sense: str = "support_verb") -> str | None:
    """The entity named right after a support verb (نفذ، نظم، شن; or a verb of another ``sense``) whose object is
    the trigger at ``a``."""
    toks = doc.tokens
    assert toks is not None
    verbs = senses()[sense]
    for p in range(a - 1, max(-1, a - SUPPORT_VERB_WINDOW - 1), -1):
        if clause.norms[p] in (".", "؛", ":") or (p < a - 1 and clause.norms[p] in _COMPLEMENTISERS):
            return None
        if clause.norms[p] not in verbs:
            continue
        verb_end, trigger_start = toks.end[clause.view[p]], toks.start[clause.view[a]]
        subject = next((m for m in arguments if verb_end <= m.start < trigger_start and m.end <= trigger_start
                        and _words_between(doc, verb_end, m.start) <= 1
                        and not _introduced_by_preposition(doc, m)), None)
        return subject.entity if subject is not None else None
    return None


#: how many words before the trigger a verb of deciding may stand (أقرت الهيئة الإدارية القطاعية للجامعة العامة
#: للصحة التابعة للاتحاد العام التونسي للشغل لدى انعقادها اليوم الجمعة، تنفيذ إضراب)
DECISION_WINDOW = 24


def _sender(doc: Document, clause: SentenceView, a: int, b: int, arguments: list[Mention]) -> str | None:
    """For a trigger that is the object of a verb of receiving (تلقى الرئيس اتصالا هاتفيا من نظيره), the entity named
    after the من that follows it within SENDER_REACH words, or None."""
    verbs = senses()["received"]
    p = next((p for p in range(a - 1, max(-1, a - SUPPORT_VERB_WINDOW - 1), -1) if clause.norms[p] in verbs), None)
    if p is None or any(not w[:1].isalpha() for w in clause.norms[p + 1:a]):
        return None
    toks = doc.tokens
    assert toks is not None
    # the trigger is what is received: right after the verb's subject, or a word of the medium between
    # («تلقى العميد إخطارا يفيد القبض على»: what he received is the notice, not the arrest)
    verb_end, trigger_start = toks.end[clause.view[p]], toks.start[clause.view[a]]
    subject_end = verb_end    # (past the subject and the names in apposition to it: الرئيس المصري عبد الفتاح السيسي)
    for m in sorted((m for m in arguments if verb_end <= m.start and m.end <= trigger_start), key=lambda m: m.start):
        if _words_between(doc, subject_end, m.start) > 1:
            break
        subject_end = max(subject_end, m.end)
    if _words_between(doc, subject_end, trigger_start) > RECEIVED_GAP:
        return None
    for k in range(b, min(len(clause.norms), b + SENDER_REACH)):
        if clause.norms[k] in ("،", ",", ".", "؛", ":"):
            return None
        if clause.norms[k] == "من":
            start = toks.end[clause.view[k]]
            end = toks.end[clause.view[min(len(clause.norms) - 1, k + SENDER_REACH)]]
            named = next((m for m in arguments if start <= m.start < end and m.entity), None)
            return named.entity if named is not None else None
    return None


#: how many words after the received trigger its «من» may stand, and its sender after that
SENDER_REACH = 4
#: how many words may stand between who receives and what is received (برقية تهنئة)
RECEIVED_GAP = 1


def _decider(doc: Document, clause: SentenceView, a: int, arguments: list[Mention], category: str) -> str | None:
    """Who decided or announced the event whose trigger at ``a`` follows a masdar of carrying out (تنفيذ، شن،
    الدخول في), or عن when it is no violence or coercion (أعلن الادعاء العام عن فتح تحقيق; not «أعلنت الشرطة عن
    مقتل»: who announces a killing did not kill): the subject named right after the verb of deciding, else right
    before it; for the noun قرار, its genitive."""
    toks = doc.tokens
    assert toks is not None
    table = senses()
    k = a - 1
    while k >= 0 and clause.norms[k] in _QUOTE_MARKS:
        k -= 1    # «دخولهم "في عصيان مدني"»
    if k >= 0 and clause.norms[k] == "في":
        k -= 1    # «الدخول في اعتصام»
    while k >= 0 and clause.norms[k] in _QUOTE_MARKS:
        k -= 1
    if k < 1 or not (clause.norms[k] in table["carried_out"] or
                     (clause.norms[k] == "عن" and category not in _DONE_TO)):
        return None
    for p in range(k - 1, max(-1, k - DECISION_WINDOW - 1), -1):
        w = clause.norms[p]
        if w in (".", "؛", ":") or w in _COMPLEMENTISERS:
            return None
        if w in table["decision"]:
            return _verb_subject(doc, clause, p, k, arguments)
    return None


#: how many words before the preposition of its event a verb of being able may stand (تمكنت دورية لحرس الحدود
#: والجيش من إيقاف; where and when may come between: تمكنت الوحدات الأمنية في الجزائر يوم 5 جوان الجاري بولاية أم
#: البواقي من القبض على)
ABLE_WINDOW = 14


def _enabled(doc: Document, clause: SentenceView, a: int, arguments: list[Mention]) -> str | None:
    """Who managed to carry out the event whose trigger at ``a`` follows من or في after a verb of being able
    (تمكنت الوحدات الأمنية من إيقاف، نجحت قوات الجيش في القضاء على): the subject of that verb."""
    k = a - 1
    if k < 1 or clause.norms[k] not in ("من", "في"):
        return None
    able = senses()["able"]
    for p in range(k - 1, max(-1, k - ABLE_WINDOW - 1), -1):
        w = clause.norms[p]
        if w in (".", "؛", ":", "،", ",") or w in _COMPLEMENTISERS:
            return None
        if w in able:
            return _verb_subject(doc, clause, p, k, arguments)
    return None


def _verb_subject(doc: Document, clause: SentenceView, p: int, k: int, arguments: list[Mention]) -> str | None:
    """The subject of the verb at ``p`` whose complement begins at ``k``: named right after the verb (at most one
    word between), else right before it."""
    toks = doc.tokens
    assert toks is not None
    verb_start, verb_end = toks.start[clause.view[p]], toks.end[clause.view[p]]
    carried = toks.start[clause.view[k]]
    subject = next((m for m in arguments if verb_end <= m.start and m.end <= carried
                    and _words_between(doc, verb_end, m.start) <= 1 + _unit_body(doc, m)
                    and not _introduced_by_preposition(doc, m)), None)
    if subject is None:
        subject = next((m for m in reversed(arguments) if m.end <= verb_start
                        and _words_between(doc, m.end, verb_start) <= SUBJECT_WINDOW
                        and not _clause_break(doc, m.end, verb_start)
                        and not _introduced_by_preposition(doc, m) and not _place_preposition(doc, m)), None)
    if subject is None and _proclitic(toks, clause.view[p], "و") and clause.norms[p].endswith("وا"):
        # «وقد عبّر شباب الجهة عن رفضهم لهذا القرار وقرروا الدخول في اعتصام»: a plural verb joined by و to the
        # clause before shares its subject, the first name of the sentence that no preposition governs
        first = clause.view[0]
        subject = next((m for m in arguments if toks.start[first] <= m.start and m.end <= verb_start
                        and m.label in ("NORP", "ORG", "PER") and not _introduced_by_preposition(doc, m)
                        and not _clause_break(doc, m.end, verb_start)), None)
    return subject.entity if subject is not None else None


def _relative_support_subject(doc: Document, clause: SentenceView, b: int, arguments: list[Mention]) -> str | None:
    """The entity named right after a support verb in a relative clause on the trigger ending at ``b`` (الضربات
    التي وجهتها القاهرة، الوقفة التي نظمها الأساتذة، هجوم شنه مسلحون)."""
    toks = doc.tokens
    assert toks is not None
    support = senses()["support_verb"]
    if b < len(clause.norms) and clause.norms[b] not in RELATIVE_PRONOUNS and any(
            clause.norms[b].endswith(o) and clause.norms[b][:-len(o)] in support for o in WRITTEN_POSSESSIVES):
        b -= 1    # «في هجوم شنه مسلحون»: after an indefinite trigger, the verb with its pronoun and no relative
    elif b + 1 >= len(clause.norms) or clause.norms[b] not in RELATIVE_PRONOUNS or clause.norms[b + 1] not in support:
        return None
    verb_end = toks.end[clause.view[b + 1]]
    subject = next((m for m in arguments if verb_end <= m.start and _words_between(doc, verb_end, m.start) <= 1
                    and not _introduced_by_preposition(doc, m)), None)
    return subject.entity if subject is not None else None


#: categories of acts done to someone, whose trigger governed by a preposition is another verb's object
_DONE_TO = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
#: statements whose subject is not the agent of the act they are about (condemning it, asking for it; not support:
#: «شن طيران التحالف لدعم الشرعية غارات» names the attacker in its own description)
_NOT_ITS_AGENT = frozenset({"ACCUSE", "REQUEST"})
#: prepositions written apart that govern a trigger (normalised)
_GOVERNING = frozenset({"عن", "علي", "من", "الي", "حول", "بشان", "ضد", "تجاه"})


#: words before a name that make it the source of the report (normalised; «نقلا عن»، «وفقا لـ» by their first word)
_SOURCE_WORDS = frozenset({"بحسب", "حسب", "وبحسب", "وحسب", "وفق", "وفقا", "طبقا", "نقلا", "استنادا"})


#: a statement's noun and لـ right before a name, in or out of quotation marks: whom it was given to (في تصريحات لـ
#: "الجوهرة أف أم"، في حديث لـ«عكاظ»)
_TOLD_RE = re.compile(r"(?:تصريح|تصريحات|حديث|حوار|مقابلة)\S*\s+لـ?\s*[\"«“]?\s*$")


def _sourced(doc: Document, m: Mention) -> bool:
    """Whether a source phrase introduces the mention (بحسب X، وفقا لـ X، نقلا عن X), or the statement's noun of
    whom it was told (في تصريحات لـ "الجوهرة أف أم"): who reports, or is told, does not act."""
    if _TOLD_RE.search(doc.text[max(0, m.start - 30):m.start]):
        return True
    words = doc.text[max(0, m.start - 20):m.start].split()
    tail = [fold(w) for w in words[-2:]]
    if tail and tail[-1] in ("عن", "الي", "ل", "لـ") and len(tail) == 2:
        tail = tail[:1]
    return bool(tail) and tail[-1] in _SOURCE_WORDS


#: categories whose definite masdar with a relational adjective names a standing thing (الاتفاق النووي)
_NAMED_THINGS = frozenset({"AGREE", "COOPERATE"})


def _named_thing(clause: SentenceView, a: int, b: int) -> bool:
    """A definite one-word trigger followed by a definite relational adjective (الاتفاق النووي، التعاون الأمني), with
    no verb of its own before it (وقعت إيران الاتفاق النووي is a signing)."""
    if b - a != 1 or not clause.norms[a].startswith("ال") or b >= len(clause.norms):
        return False
    adjective = clause.norms[b]
    if not (adjective.startswith("ال") and adjective.endswith(("ي", "يه")) and len(adjective) > 5):
        return False
    if a > 0 and clause.norms[a - 1] in ("الي", "علي"):
        return False   # «توصلت إيران والقوى الكبرى إلى الاتفاق النهائي»: what a verb reached, an event
    table = triggers()
    return not any("trigger" in table.roles_at(clause.norms, i) for i in range(max(0, a - 3), a))


#: prepositions as they are written before a pronoun (normalised: فيها، عليه، منهم، إليه، لديه، معه، عنه)
_PRONOUN_HOSTS = frozenset({"في", "علي", "من", "الي", "لدي", "مع", "عن", "ل", "ب", "عند"})


def _someone_killed(clause: SentenceView, b: int, toks: Tokens | None = None, a: int | None = None) -> bool:
    """Whether a killing with no one named names its victim all the same, by a definite or possessed noun right
    after it (مقتل الأردني، قتل والده), in a sentence of no disaster (not «الضحايا الذين يقتلون سنويا», nor the
    dead of an accident)."""
    if b >= len(clause.norms) or senses()["disaster"] & set(clause.norms):
        return False
    word = clause.norms[b]
    if any(word.endswith(o) and word[:-len(o)] in _PRONOUN_HOSTS for o in WRITTEN_POSSESSIVES):
        return False   # «يُقتل فيها»: a preposition with its pronoun, not a victim
    t = clause.view[b]
    if toks is not None and a is not None and not clause.norms[a].startswith(("ي", "ت")) and len(word) > 2 and \
            word.isalpha() and not definite(word) and word not in senses()["not_a_victim"] and \
            not (t > 0 and toks.kind[t - 1] == CLITIC and toks.word[t - 1] == toks.word[t]) and \
            b + 1 < len(clause.norms) and definite(clause.norms[b + 1]) and \
            clause.norms[b + 1] not in ARTICLE_LOOKALIKES:
        return True    # «مقتل بائع السمك»، «مقتل قائد التنظيم»: a noun in construct, with no proclitic, names the
        #                victim (after a masdar or a past verb; after «يستهدف مشروع القانون» it is the verb's subject)
    return len(word) > 3 and (definite(word) or word.endswith(WRITTEN_POSSESSIVES)) and \
        word not in ARTICLE_LOOKALIKES




def _counted(clause: SentenceView, b: int) -> bool:
    """Whether a number stands right after the trigger (digits, or a number word of data/ner/numbers.tsv), past a
    word of approximation (أكثر من، نحو)."""
    if b + 2 < len(clause.norms) and clause.norms[b] in ("اكثر", "اقل") and clause.norms[b + 1] == "من":
        b += 2     # «مقتل أكثر من 570 شخصا»
    elif b + 1 < len(clause.norms) and "about" in groups().roles_at(clause.norms, b):
        b += 1     # «إنقاذ قرابة 6500 مهاجر» (the groups' words of approximation)
    word = clause.norms[b]
    return word.isdigit() or word in _number_words()


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in read_rows("numbers.tsv") if len(row) > 1 and row[1] in ("unit", "scale"))


def _governed_trigger(toks: Tokens, clause: SentenceView, a: int) -> bool:
    """Whether a preposition governs the trigger at ``a``: attached (بمقتل، للهجوم) or written before it (من الهجوم)."""
    t = clause.view[a]
    if _proclitic(toks, t, "ب") or _proclitic(toks, t, "ل"):
        return True
    return a > 0 and clause.norms[a - 1] in _GOVERNING


def _headline_actor(doc: Document, clause: SentenceView, a: int, arguments: list[Mention]) -> Mention | None:
    """The name a headline has alone before its colon («إيران : ...»), if the trigger at ``a`` follows it."""
    toks = doc.tokens
    assert toks is not None
    colon = next((i for i in range(a) if clause.norms[i] == ":"), None)
    if colon is None or colon == 0:
        return None
    first, stop = toks.start[clause.view[0]], toks.start[clause.view[colon]]
    return next((m for m in arguments if m.entity and m.label in ("PER", "ORG", "GPE", "NORP")
                 and m.start <= first + 2 and not doc.text[m.end:stop].strip()), None)


def _dateline(m: Mention) -> bool:
    """Whether a place before a headline's colon is where the news comes from (الحمامات : ولي يلاحق تلميذا), not a
    state that acts (إيران : ...): a place that is no country."""
    if m.label != "GPE":
        return False
    model = load_model()
    return model is not None and normalize(m.text) not in model.countries


#: how many words may part a condemnation from the attack it condemns (استنكر النائب د. منصور الظفيري العمل الإرهابي)
CONDEMN_REACH = 8
#: how many words may part the deaths from the attack that caused them («لقي ثلاثة جنود حتفهم في هجوم لحزب ...»)
CASUALTY_REACH = 8


def _casualties_joined(doc: Document, events: list[Event]) -> list[Event]:
    """One attack, not two, where a sentence names its dead with no agent and the attack with no victim, in either
    order («لقي ثلاثة جنود حتفهم في هجوم لحزب العمال»، «شن مسلحون هجوما أدى إلى مقتل خمسة جنود»): the dead are the
    attack's recipients."""
    places = {m.entity for m in doc.mentions if m.label in PLACE_LABELS}
    out: list[Event] = []
    for e in events:
        last = out[-1] if out else None
        if last is None or not _attack_then(doc, last, e):
            out.append(e)
        elif not e.actor and e.recipient and not set(last.recipient) - places:
            # «شن مسلحون هجوما أدى إلى مقتل خمسة جنود»: the dead named after the attack are its recipients (with the
            # place it struck, «هجومي سوسة وباردو»)
            last.recipient += [x for x in e.recipient if x not in last.actor and x not in last.recipient]
        elif not set(e.recipient) - places and not last.actor and last.recipient:
            e.recipient = [x for x in last.recipient if x not in e.actor] + \
                [x for x in e.recipient if x not in last.recipient]
            e.event_loc = e.event_loc or last.event_loc
            e.date = e.date or last.date
            out[-1] = e
        else:
            out.append(e)
    return out


def _attack_then(doc: Document, first: Event, second: Event) -> bool:
    """Whether two violent events of a sentence follow one another within CASUALTY_REACH words of one clause."""
    return first.event == second.event == "ASSAULT" and first.sentence == second.sentence and \
        first.trigger is not None and second.trigger is not None and first.trigger.end <= second.trigger.start and \
        _words_between(doc, first.trigger.end, second.trigger.start) <= CASUALTY_REACH and \
        not _clause_break(doc, first.trigger.end, second.trigger.start)


def _without_named_twice(events: list[Event], group_spans: dict[tuple[int, int], str]) -> list[Event]:
    """Drop an event whose trigger only names its actors («المعتصمين») when another event of its category in the
    sentence has them as actors too («احتج المعتصمون»): one protest, not two. Ids are renumbered."""
    drop: set[int] = set()
    for i, e in enumerate(events):
        if e.trigger is None or (e.trigger.start, e.trigger.end) not in group_spans:
            continue
        if any(j != i and j not in drop and o.event == e.event and o.sentence == e.sentence
               and set(e.actor) <= set(o.actor) for j, o in enumerate(events)):
            drop.add(i)
    kept = [e for i, e in enumerate(events) if i not in drop]
    for k, e in enumerate(kept):
        e.id = f"v{k + 1}"
    return kept


def _done_to_possessor(word: str) -> bool:
    """Whether ``word`` (normalised) is a masdar of what is done to someone (``object_genitive``) with a pronoun:
    إحالتهم، اعتقالها."""
    for ending in _POSSESSIVES:
        stem = word.removesuffix(ending)
        if stem != word and stem:
            stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
            return stem in senses()["object_genitive"]
    return False


def _possessed(toks: Tokens, clause: SentenceView, a: int, b: int) -> bool:
    """Whether the one-word trigger at ``a:b`` is joined by و to what comes before and carries a third-person
    pronoun (ودعمها، وزيارته): a masdar whose subject is that pronoun."""
    if b != a + 1:
        return False
    t = clause.view[a]
    joined = _proclitic(toks, t, "و")
    return joined and clause.norms[a].endswith(_POSSESSIVES) and len(clause.norms[a]) > 4


def _voweled_passive(doc: Document, clause: SentenceView, p: int) -> bool:
    """Whether the verb at ``p`` is written with the vowels of the passive: a damma on its first letter (قُتل،
    اُعتقل، يُقتل، تُفرض; news writes them where the active reading would mislead)."""
    toks = doc.tokens
    assert toks is not None
    t = clause.view[p]
    word = doc.text[toks.start[t]:toks.end[t]]
    letters = [k for k, c in enumerate(word) if "\u0621" <= c <= "\u064a"]
    return bool(letters) and len(word) > letters[0] + 1 and word[letters[0] + 1] == "\u064f" and \
        (letters[0] == 0 or word[0] in "يتن")


def _opens_clause(toks: Tokens, clause: SentenceView, p: int) -> bool:
    """Whether the word at ``p`` opens its clause: first in it, or with و/ف attached or written apart before it, or
    after a comma."""
    t = clause.view[p]
    if p == 0 or clause.norms[p - 1] in ("،", ",", "و", "ف"):
        return True
    return _proclitic(toks, t, "و") or _proclitic(toks, t, "ف")


def _carries_object(norm: str, table: PhraseTable) -> bool:
    """Whether a trigger verb carries an object pronoun (أعدمهم، التقاه): its subject is named after it."""
    return any("trigger" in table.roles_at([stem], 0) for stem in object_stems(norm))


def _quote_holding(doc: Document, offset: int, sentence: int) -> Quote | None:
    """The quote with a speaker whose content holds ``offset`` (of ``sentence`` or a multi-sentence one before): the
    innermost, where one statement is reported inside another («وأوضح X أن الوفد ... عبر عن دعمه»: the delegation's)."""
    held = [q for q in doc.quotes_holding(offset) if q.sentence <= sentence and q.speaker]
    return max(held, key=lambda q: q.content.start) if held else None


def _named_in(doc: Document, quote: Quote) -> list[str]:
    """The entities of the people, bodies and places a quote's content names, in order."""
    out: list[str] = []
    toks = doc.tokens
    assert toks is not None
    # (the mentions starting at each word of the content, in order: not a scan of all the article's mentions)
    words = range(bisect_left(toks.start, quote.content.start), bisect_left(toks.start, quote.content.end))
    for m in (m for t in words for m in doc.mentions_at(toks.start[t])):
        if quote.content.start <= m.start and m.end <= quote.content.end and m.entity and \
                m.label in ("PER", "ORG", "GPE", "NORP", "TITLE") and m.entity not in out:
            out.append(m.entity)
    return out


def _joined_actor(toks: Tokens, clause: SentenceView, p: int, events: list[Event], sentence: int,
                  category: str) -> str | None:
    """For a verb joined by و to an earlier event of the sentence with one actor («زار الوزير المعتصمين ووعد
    بالتعجيل»), that actor — except that violence or coercion joined to a condemnation or a request is not done by
    who condemns or asks («مستنكرا هذه الجريمة ... وقتل أنفس معصومة»)."""
    t = clause.view[p]
    if not _proclitic(toks, t, "و") and not (p > 0 and clause.norms[p - 1] == "و"):   # «و ألقت»: written apart
        return None
    earlier = _last_with_actor(events, sentence)
    if earlier is None or len(earlier.actor) != 1 or (category in _DONE_TO and earlier.event in _NOT_ITS_AGENT):
        return None
    return earlier.actor[0]


def _latest_speaker(quotes: list[Quote], before: int, sentence: int) -> str | None:
    """The speaker of the latest quote cued before offset ``before`` in ``sentence`` or the one before it."""
    for q in reversed(quotes):
        if q.cue is None or q.cue.start >= before:
            continue
        if q.sentence < sentence - 1:
            return None
        if q.speaker:
            return q.speaker
    return None


#: how many words after an act done to someone a masdar joined to it may stand and be done to the same (إيقاف
#: المحتجين المنادين بمطالب اجتماعية وإحالتهم على القضاء)
JOINED_REACH = 8

#: how many words a requested act's trigger may stand after the word of asking (طالبوا بضرورة استقالة الوالي)
REQUEST_REACH = 3


def _carried_on(doc: Document, clause: SentenceView, p: int, sentence: int, earlier: Event,
                labels: dict[str, str]) -> bool:
    """Whether an act with no one named doing it goes on with the actor of ``earlier``, the last of its category:
    an arrest written in the passive or in a relative clause on whom it befell (كما تم توقيف 4 آخرين، يُعتقل، التونسي
    الذي طرد), or a strike after one a body or a group made (قررت النقابة سلسلة من الإضرابات ... الإضراب الأول). An
    active verb whose subject the tagger missed («وطُردت بوكو حرام», «المقاومة ... سعيها إلى طرد») would take the
    wrong side."""
    if earlier.event == "PROTEST":
        return all(labels.get(x) in ("ORG", "NORP") for x in earlier.actor)
    if (p > 0 and clause.norms[p - 1] in RELATIVE_PRONOUNS) or _voweled_passive(doc, clause, p):
        return True
    toks = doc.tokens
    assert toks is not None
    t = clause.view[p]
    if doc.text[toks.start[t]:toks.end[t]].startswith(_DEFECTIVE_PASSIVES):
        return True     # «ألقي القبض على»: the passive of ألقى, written with ي
    for k in range(p - 1, max(-1, p - 4), -1):     # «تم في هذه العملية النوعية حجز»
        if clause.norms[k] in _PASSIVE_AUXILIARIES:
            return True
        if not clause.norms[k][:1].isalpha():
            return False
    return False


def _requested(clause: SentenceView, p: int) -> bool:
    """Whether the trigger at ``p`` is what a word of asking just before it asks for (طالبوا باستقالة، دعت إلى
    إطلاق سراح، المطالبة بإقالة), with no punctuation between."""
    asking = senses()["request"]
    for i in range(p - 1, max(-1, p - REQUEST_REACH - 1), -1):
        w = clause.norms[i]
        if w in asking:
            return True
        if not w or not (w[0].isalpha() or w[0].isdigit()) or w in _CIRCUMSTANCE:
            return False   # «داعيا خلال زيارته واشنطن»: the visit is no object of the call
    return False


#: words that open a phrase of circumstance, never what is asked for (دعا خلال لقائه، طالب أثناء اجتماعه)
_CIRCUMSTANCE = frozenset({"خلال", "اثناء", "في", "عقب", "اثر", "بعد", "قبل", "لدي", "عند", "اليوم", "امس"})


def _refused(clause: SentenceView, p: int) -> bool:
    """Whether the trigger at ``p`` is the object of a verb of refusal or denial before it in its phrase (no
    punctuation between): «رفضت ... كالاس الاتهامات الروسية»، «تعارض توقيع الاتفاق»."""
    refusing = senses()["rejection"]
    for i in range(p - 1, max(-1, p - WINDOW - 1), -1):
        w = clause.norms[i]
        if w in refusing:
            return True
        if not w or not (w[0].isalpha() or w[0].isdigit() or w in _QUOTE_MARKS):
            return False   # punctuation: another phrase
    return False


def _other_sense(doc: Document, clause: SentenceView, a: int, b: int, category: str, mentions: list[Mention],
                 table: PhraseTable, phrase_end: int) -> bool:
    """Whether the trigger at ``a:b`` (a split trigger's phrase ending at ``phrase_end``) means something that is
    no event here (``data/events/senses.tsv``)."""
    toks = doc.tokens
    assert toks is not None
    sense = senses()
    word = clause.norms[a]
    t = clause.view[a]
    end = toks.end[clause.view[b - 1]]
    key = [*clause.norms[a:b], *(clause.norms[phrase_end - 1:phrase_end] if phrase_end > b else [])]
    if b == a + 1 and word in sense["procession"] and b < len(clause.norms) and \
            definite(clause.norms[b]) and clause.norms[b] not in sense["procession_kind"] and \
            not any(m.start == toks.start[clause.view[b]] for m in mentions) and \
            not sense["procession_verb"] & set(clause.norms[max(0, a - SUBJECT_WINDOW):a]) and \
            "ضد" not in clause.norms[b:b + 3]:     # (مسيرة السلام ضد داعش is a march)
        return True    # «مسيرة التنمية»: a course, not a march (مسيرة المعلمين is one: a group named; so is what
        # one organises, نظم المعلمون مسيرة الغضب)
    if word in sense["achieve"] and b == a + 1 and b < len(clause.norms) and (
            _proclitic(toks, clause.view[b], "ل") or
            (definite(clause.norms[b]) and not clause.norms[b].endswith(("ي", "يه", "يين", "يون")))):
        return True    # «تحقيق النجاح»، «تحقيقا لأهداف الاتحاد»: achieving, no investigation (not «التحقيق القضائي»)
    if word in sense["cited"]:
        # «استشهد الخطيب بآية»: cited, not killed; «تظاهر بالمرض»: pretended
        for i in range(b, min(b + 4, len(clause.norms))):
            if not clause.norms[i] or not clause.norms[i][0].isalpha():
                break
            if _proclitic(toks, clause.view[i], "ب"):
                if clause.norms[i] not in sense["agent"] and clause.norms[i] not in sense["place_kind"] and \
                        "trigger" not in table.roles_at(clause.norms, i) and \
                        not any(m.start == toks.start[clause.view[i]] and m.label in PLACE_LABELS for m in mentions):
                    return True    # (not «تظاهر أمس المئات بمحافظة ...»: where they marched)
                break
    if word in sense["confession"]:
        # «واعترف الرجل بأنه ...»: confessed; «اعترفت السويد بدولة فلسطين»، «سيعترف بأهمية الحلف»: recognised
        for i in range(b, min(b + CONFESSION_WINDOW, len(clause.norms))):
            if clause.norms[i] in _THAT_FORMS:
                return True
            if _proclitic(toks, clause.view[i], "ب") or not clause.norms[i][:1].isalpha():
                break
    needed = requirements().get(" ".join(key))
    if needed is not None and not any(w in needed for w in _phrase_after(clause, phrase_end, REQUIRES_WINDOW)) and \
            not any(w in needed for w in _phrase_after(clause, _past_subject(doc, clause, phrase_end),
                                                       REQUIRES_WINDOW)) and \
            not (NUMBER_NEEDED in needed and phrase_end < len(clause.norms) and _counted(clause, phrase_end)):
        return True    # «وقع الانفجار»: took place, no signing; «بحثت كثيرا في»: no talks
    nxt = next((m for m in mentions if m.start >= end), None)
    close = nxt is not None and _words_between(doc, end, nxt.start) == 0
    if word in sense["territory"] and close and nxt is not None and nxt.label in PLACE_LABELS:
        return True    # «حاكم مقاطعة بيلغورود»: a province
    if word in sense["inclusion"]:
        # annexation takes a place: «ضم روسيا لشبه جزيرة القرم»; «ضم الوفد المبعوث الخاص» is membership
        return not (nxt is not None and nxt.label in PLACE_LABELS and _words_between(doc, end, nxt.start) <= 2)
    if category == "PROTEST" and word in sense["drone"]:
        if _proclitic(toks, t, "ب"):
            return True    # «هجوم بمسيرات»
        for i in range(b, min(b + 3, len(clause.norms))):
            hit = table.roles_at(clause.norms, i).get("trigger")
            if hit is not None and hit[1][0] == "ASSAULT":
                return True    # «مسيرات أوكرانية استهدفت محطة»
    if category == "PROTEST" and word in sense["festival"] and \
            sense["festive"] & set(clause.norms[b:min(b + 2, len(clause.norms))]):
        return True    # «تظاهرات الاحتفال»، «تظاهرة ثقافية»: a festival, as Tunisian news writes it
    if _proclitic(toks, t, "ل"):
        # «مركز الملك سلمان للإغاثة»، «مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية»: a word of an institution's name
        for i in range(a - 1, max(-1, a - NAME_WINDOW - 1), -1):
            w = clause.norms[i]
            if w in sense["institution"]:
                # (not a body whose whole name ends before: «صوت مجلس نواب الشعب لمنح الثقة» is a purpose)
                return not any(m.start <= toks.start[clause.view[i]] < m.end <= toks.start[t] for m in mentions)
            if not w or not (w[0].isalpha() or w[0].isdigit()) or "trigger" in table.roles_at(clause.norms, i):
                break      # another phrase, or an event word: «عقد المجلس اجتماعا لبحث» is a purpose
    return False


def _past_subject(doc: Document, clause: SentenceView, b: int) -> int:
    """The view word after the names, titles and dates that follow a verb at ``b`` (بحث وزير الشؤون الخارجية، خميس
    الجهيناوي، اليوم الأربعاء مع ...): where the words that tell its sense may begin; ``b`` if none follow."""
    toks = doc.tokens
    assert toks is not None
    k = b
    while k < len(clause.norms):
        if clause.norms[k] in ("،", ","):
            k += 1
            continue
        here = [m for m in doc.mentions_at(toks.start[clause.view[k]])
                if m.label in ("PER", "ORG", "TITLE", "NORP", "DATE", "TIME")]
        if not here:
            break
        end = max(m.end for m in here)
        while k < len(clause.norms) and toks.start[clause.view[k]] < end:
            k += 1
    return k


#: how many words after a verb of recognition are searched for what it recognises (its subject may come first)
CONFESSION_WINDOW = 6
#: the complementiser's forms with a pronoun, normalised (أنه، أنها ...), after a verb of recognition
_THAT_FORMS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "اننا", "انني"})


def _phrase_after(clause: SentenceView, b: int, limit: int) -> list[str]:
    """Up to ``limit`` words after position ``b``, up to the first punctuation."""
    out: list[str] = []
    for w in clause.norms[b:]:
        if not w or not (w[0].isalpha() or w[0].isdigit()) or len(out) >= limit:
            break
        out.append(w)
    return out


def _city(doc: Document, m: Mention) -> bool:
    """Whether ``m`` names a place that is no country (جنيف، باريس، الصخيرات): a city, region or facility."""
    if m.label not in PLACE_LABELS:
        return False
    model = load_model()
    return model is None or normalize(fold(m.text)) not in model.countries


def _proclitic(toks: Tokens, t: int, clitic: str) -> bool:
    """Whether token ``t`` carries the proclitic ``clitic`` (normalised form) right before it."""
    return t > 0 and toks.kind[t - 1] == CLITIC and toks.norm[t - 1] == clitic and toks.word[t - 1] == toks.word[t]


def _outermost(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions (in order of start) that lie inside no longer one."""
    ordered = sorted(mentions, key=lambda m: m.start)
    inside: set[int] = set()
    reach = -1   # the furthest end of the mentions that start before the current start
    k = 0
    while k < len(ordered):
        j = k
        while j < len(ordered) and ordered[j].start == ordered[k].start:
            j += 1
        widest = max(m.end for m in ordered[k:j])
        for m in ordered[k:j]:
            # a longer one containing m: it starts earlier and ends no sooner, or starts here and ends later
            if reach >= m.end or widest > m.end:
                inside.add(id(m))
        reach = max(reach, widest)
        k = j
    return [m for m in ordered if id(m) not in inside]


def _last_with_actor(events: list[Event], sentence: int) -> Event | None:
    """The latest event of ``sentence`` with an actor (events are in sentence order)."""
    for e in reversed(events):
        if e.sentence != sentence:
            return None
        if e.actor:
            return e
    return None


@lru_cache(maxsize=1)
def _trigger_verbs() -> dict[str, str]:
    """The singular third-person verbs among the single-word triggers, normalised, with the gender they agree with
    (F: اجتمعت، تلتقي; M: اجتمع، يلتقي): the forms of the verbs written past/imperfect, and a form listed alone
    where the list also holds its other gender (التقى beside التقت, يلتقي beside تلتقي) — not a masdar (تنسيق)."""
    verbs: dict[str, str] = {}
    plain: set[str] = set()
    for _, _, forms in read_rows("triggers.tsv", "events"):
        for entry in forms.split():
            if "_" in entry:
                continue
            if "/" in entry:
                past, _, imperfect = entry.partition("/")
                stem = normalize(imperfect)[1:]
                verbs.update({normalize(past): "M", normalize(past) + "ت": "F", "ي" + stem: "M", "ت" + stem: "F"})
            else:
                plain.add(normalize(entry))
    for w in plain:
        if w.startswith("ي") and "ت" + w[1:] in plain:
            verbs.update({w: "M", "ت" + w[1:]: "F"})
        if w.endswith("ت") and any(w[:-1] + last in plain for last in ("", "ا", "ي")):
            verbs[w] = "F"
            verbs.update({w[:-1] + last: "M" for last in ("", "ا", "ي") if w[:-1] + last in plain})
    return verbs


def _previous_actor(doc: Document, events: list[Event], sentence: int, word: str) -> str | None:
    """For a verb that opens its sentence with no subject named («كما التقت، في إطار زيارتها، الإطارات الطبية»),
    the one actor of the latest event of the sentence before, where that event's verb agrees with it in gender."""
    gender = _trigger_verbs().get(word)
    if gender is None:
        return None
    for e in reversed(events):
        if e.sentence < sentence - 1:
            return None
        if e.sentence == sentence - 1 and e.actor and e.trigger is not None:
            earlier = fold(e.trigger.text.split()[0])
            if len(e.actor) == 1 and _trigger_verbs().get(earlier) == gender:
                return e.actor[0]
            return None
    return None


def _participants(event: Event) -> tuple[str, frozenset[str]]:
    return event.event, frozenset(event.actor) | frozenset(event.recipient)


def _purpose(toks: Tokens, t: int) -> bool:
    """Whether token ``t`` carries the ل of purpose (لإجراء، لبحث)."""
    return _proclitic(toks, t, "ل")


def _same_attack(event: Event, events: list[Event]) -> bool:
    """A definite attack trigger (الدهس) whose actor did an attack already recorded in the sentence, with all of its
    recipients: «منفذ هجوم برلين أنيس العامري الذي قام بعملية الدهس» is one attack."""
    if event.event != "ASSAULT" or not event.actor or event.trigger is None or \
            not event.trigger.text.startswith(("ال", "بال", "لل")):
        return False
    return any(e.sentence == event.sentence and e.event == "ASSAULT" and e.actor == event.actor and
               set(event.recipient) <= set(e.recipient) for e in reversed(events))


def _mentioned_again(event: Event, recorded: set[tuple[str, frozenset[str]]]) -> bool:
    """A definite trigger noun (الاجتماع) with the same participants as an earlier event of its category."""
    if event.trigger is None or not event.trigger.text.startswith("ال"):
        return False
    return _participants(event) in recorded


def _same_as_before(clause: SentenceView, p: int, last_of: dict[str, Event], category: str) -> Event | None:
    """The earlier event a «هذا الاجتماع» refers back to."""
    if p > 0 and clause.norms[p - 1] in _DEMONSTRATIVES:
        return last_of.get(category)
    return None


def _event(doc: Document, clause: SentenceView, a: int, b: int, category: str, mode: str, mentions: list[Mention],
           values: list[Mention], sentence: int, modal: PhraseTable, phrase_end: int) -> Event | None:
    toks = doc.tokens
    assert toks is not None
    start, end = toks.start[clause.view[a]], toks.end[clause.view[b - 1]]
    # a name that swallowed the trigger («يلتق روبيو» tagged as one person) still names who comes after it
    mentions = [m for m in mentions if not _sourced(doc, m)]   # «بحسب وكالة الأنباء»: who reports, not who acts
    after = [m for m in mentions if (m.start >= end or start <= m.start < end < m.end)
             and _words_between(doc, end, m.start) <= WINDOW]
    # after a trigger a preposition governs, a later trigger of the same category takes the names after it («بعد
    # أربعة أيام على الهجوم لقي عامري حتفه برصاص الشرطة»: the police shot Amri; not «استهدفت الضربات مواقع»)
    table = triggers()

    def same_category(i: int) -> bool:
        hit = table.roles_at(clause.norms, i).get("trigger")
        return (hit is not None and hit[1][0] == category) or \
            any(payload[0] == category for _, payload, _ in split_triggers().get(clause.norms[i], ()))

    again = next((clause.view[i] for i in range(phrase_end, min(len(clause.norms), b + WINDOW))
                  if same_category(i)), None) if _governed_trigger(toks, clause, a) else None
    if again is not None:
        after = [m for m in after if m.start < toks.start[again]]
    # (a masdar of purpose, «احتجاجا على», has the clause's subject, however far before it stands)
    reach = PURPOSE_WINDOW if clause.norms[a] in senses()["purpose"] else SUBJECT_WINDOW
    before = [m for m in mentions if m.end <= start and _words_between(doc, m.end, start) <= reach
              and not _clause_break(doc, m.end, start) and not _place_preposition(doc, m)
              and not _introduced_by_preposition(doc, m)   # «لقائهما مع بوتين، لإجراء ...»: بوتين is no subject
              and not (_accusative_group(m) and doc.text[m.end:start].strip())]
    if category == "PROTEST" and any(m.label not in PLACE_LABELS for m in before):
        # «خرج آلاف المتظاهرين إلى شوارع بغداد احتجاجا على»: the place they went to does not protest
        before = [m for m in before if m.label not in PLACE_LABELS]
    if category == "PROTEST":
        # «باغلاق الطريق الساحلي بين مصراتة وطرابلس»، «مظاهرة في تونس»: a place after a protest is where it is
        after = [m for m in after if m.label not in PLACE_LABELS]
    governed = _governed_trigger(toks, clause, a) and category in _DONE_TO and \
        not senses()["support_verb"] & set(clause.norms[max(0, a - SUBJECT_WINDOW):a])   # «قامت السلطات بمصادرة»
    if governed:
        # «ندد بان كي مون بمقتل طفل»، «أعرب عن قلقه من الهجوم»: a violent act a preposition governs is the object
        # of the verb before it, whose subject is not its actor; an agent phrase may name it («تعرض إلى اعتداءات من
        # طرف قوات الأمن»)
        before = []
    actors: list[Mention] = []
    recipients: list[Mention] = []
    unnamed = False
    # a trigger that ends in the preposition it governs (القضاء على، الاعتداء على) is followed by whom it is done to
    governs = clause.norms[b - 1] in _RECIPIENT_PREPOSITIONS and b - a > 1
    # a verb that carries its plural subject (فقتلوا خمسة جنود، هاجموا المقر) is followed by its object
    carried = b - a == 1 and clause.norms[a].endswith("وا") and len(clause.norms[a]) > 4
    # violence to a number of people (قتل خمسة جنود، اعتقال 12 شخصا): they suffer it, whoever did it; a number of
    # troops deployed (ستنشر نحو 3800 جندي) are what is deployed, not who deploys them
    counted = category in _DONE_TO | {"MOBILIZE"} and b < len(clause.norms) and _counted(clause, b)
    first_after = after[0] if after and not governs and not carried and not counted and \
        _words_between(doc, end, after[0].start) <= 1 + _unit_body(doc, after[0]) else None
    if category in ("CONSULT", "AGREE", "COOPERATE") and mode not in ("visit", "host") and first_after is not None and \
            _city(doc, first_after) and not doc.text[end:first_after.start].strip() and b - a == 1 and \
            not _proclitic(toks, clause.view[b], "و"):
        # «محادثات جنيف»، «اجتماع باريس»، «اتفاق الصخيرات»: a city the meeting's noun is construed with is where it
        # is held, not who meets
        held_at: Mention | None = first_after
        after = [m for m in after if m is not first_after]
        first_after = None
    else:
        held_at = None
    # «زيارة دولة الكويت»: the place a visit's noun is construed with is where it goes, not who goes
    visited = first_after if mode == "visit" and first_after is not None and first_after.label in PLACE_LABELS \
        and clause.norms[a].startswith(("زياره", "الزياره")) else None
    # an agent phrase after violence makes it passive, whether or not a preposition governs it: «قتل الملا عمر على يد
    # الزعيم الجديد» — Omar was killed, the new leader killed
    voweled = _voweled_passive(doc, clause, a)
    auxiliary = (a > 0 and clause.norms[a - 1] in _PASSIVE_AUXILIARIES) or voweled
    agent = _agent(doc, clause, b, after) if auxiliary or category in _DONE_TO else None
    # «استشهد جنديان»: who dies a violent death suffers it, like a passive's subject
    victim = clause.norms[a] in senses()["victim_subject"]
    passive = auxiliary or agent is not None or victim
    if passive:
        # «تم اعتقاله من قبل الشرطة»، «تم إيقافه بعد تدخل أعوان الحرس»: the agent, if named, follows an agent
        # phrase; the name right after the trigger is who it was done to
        actors = _coordinated(doc, agent, after) if agent is not None else []
        before = []
    elif a > 0 and b - a == 1 and clause.norms[a - 1] in RELATIVE_PRONOUNS and before and \
            not doc.text[before[-1].end:toks.start[clause.view[a - 1]]].strip() and \
            not _carries_object(clause.norms[a], table):
        # «الوفد التونسي الذي التقى نائب رئيس مجلس الشعب»: the verb of a relative clause right after the name it
        # describes has that name as subject, and the name after it as object (not «الذين أعدمهم التنظيم»)
        actors = before[-1:]
        if first_after is not None and not _starts_with_preposition(doc, end, first_after):
            recipients = _coordinated(doc, first_after, after)
    elif first_after is not None and b - a == 1 and \
            (clause.norms[a] in senses()["object_genitive"] or clause.norms[a] in senses()["participle"]) \
            and not _starts_with_preposition(doc, end, first_after) and not _place_preposition(doc, first_after) \
            and not _introduced_by_preposition(doc, first_after):
        # «إقالة النائب وليد جلاد»، «اعتقال الصحفي»: the genitive of such a masdar suffers it; who did it is named
        # by a support verb (قامت الشرطة باعتقال), not by whatever verb the masdar is the object of (أدانت الحركة
        # اعتقال الصحفي); «مطالبا الدول العربية بالتحرك»: whom the speaker asks
        suffers = first_after
        if suffers.label in PLACE_LABELS:
            # «اغتيال زعيم كوريا الشمالية كيم جونغ أون»: the place completes a title; the person named next suffers
            suffers = next((m for m in after if m.start >= suffers.end and m.label == "PER"
                            and _words_between(doc, suffers.end, m.start) == 0), suffers)
        recipients = _coordinated(doc, suffers, after)
    elif category == "CONCEDE" and before and b - a == 1 and clause.norms[a] in senses()["stand_down"]:
        # «قررت النقابة الأساسية تأجيل إضراب الأعوان»: who postpones is the subject before, not the strikers after
        actors = _coordinated_back(doc, before)
    elif first_after is not None and b - a > 1 and clause.norms[b - 1] in senses()["held"] and \
            not _starts_with_preposition(doc, end, first_after) and not _place_preposition(doc, first_after):
        # «وكان مجلس النواب قد أسقط عضوية النائب توفيق عكاشة»: the name after what one holds is its holder, who
        # suffers the act; the subject before it acts
        recipients = _coordinated(doc, first_after, after)
        actors = _coordinated_back(doc, before) if before else []
    elif before and _opens_with(doc, clause, before[-1], start):
        # «تونس تدين تفجيرين إرهابيين»: the clause opens with the name the verb follows at once — its subject
        actors = _coordinated_back(doc, before)
    elif before and _accusative_group(before[-1]) and not doc.text[before[-1].end:start].strip():
        # «توقف رجلا قتل فتى»: a relative clause after an indefinite object — the object is its subject
        actors = before[-1:]
    elif first_after is not None and _oblique_plural(first_after) and (between := _between(clause, b)) is not None \
            and toks.start[clause.view[between]] < first_after.start:
        # «صدامات جدت بين متظاهرين وقوات الأمن»: the sides after بين, the plural in ين among them
        sides = [m for m in after if not _place_preposition(doc, m) and m.start >= toks.start[clause.view[between]]]
        actors = _sides(doc, sides)
    elif first_after is not None and _oblique_plural(first_after) and category != "PROTEST" and \
            not _starts_with_preposition(doc, end, first_after):
        # «تقتل المصلين»، «التقى المسؤولين»: a sound plural in ين is no verb's nominative subject, but its object
        recipients = _coordinated(doc, first_after, after)
    elif first_after is not None and not _starts_with_preposition(doc, end, first_after) \
            and not _place_preposition(doc, first_after) and visited is None and \
            not (unnamed := _unnamed_subject(doc, clause, a, mentions)):
        actors = _coordinated(doc, first_after, after)   # «اجتماع بوتين مع»، «مباحثات بين أوكرانيا وروسيا»
    elif before and (between := _between(clause, b)) is not None and \
            (named := [m for m in after if not _place_preposition(doc, m)
                       and m.start >= toks.start[clause.view[between]]]) and len(sides := _sides(doc, named)) > 1:
        # «مقتل سبعة أشخاص في صدامات جدت بين متظاهرين وقوات الأمن»: two sides named after بين are who clashed, not
        # the dead named before
        actors = sides
    elif before:
        actors = _coordinated_back(doc, before)
    elif (titled := _titled_subject(doc, clause, b, after)) is not None:
        # «زار وزير العلاقات مع الهيئات الدستورية ... مهدي بن غربية المضربين»: a long title, then the name
        actors = _coordinated(doc, titled, after)
    elif after and (between := _between(clause, b)) is not None:
        # «الاجتماع بين قطبي الأزمة الليبية السراج وحفتر»: the sides named after بين, past a description;
        # «اجتماعا رباعيا جرى أمس بين ...»: بين a few words on
        sides = [m for m in after if not _place_preposition(doc, m) and m.start >= toks.start[clause.view[between]]]
        actors = _sides(doc, sides) if sides else []
    # the object of a verb whose subject follows it: «طالبت بيونغ يانغ الولايات المتحدة بالاعتذار»
    vso_object = bool(actors) and actors[0].start >= end and not passive
    acting = {m.entity for m in actors}
    # (a passive's agent phrase comes after whom it was done to: «قتل خمسة مدنيين برصاص قناصة الحوثيين»)
    rest = [m for m in after if m not in actors and m.entity not in acting
            and m.start >= (actors[-1].end if actors and actors[-1].start >= end and not passive else end)]
    located = category in LOCATED   # «محادثات في جنيف»: where they met, not with whom
    charged = next((k for k in range(a, len(clause.norms)) if clause.norms[k] in senses()["charge"]
                    and _proclitic(toks, clause.view[k], "ب")), None)
    if charged is not None:
        # «تم إيقافهم ... بتهمة تعطيل سير العمل للإدارة الجهوية»: what follows «on a charge of» is the act charged;
        # no one named there is accused or arrested (but «وجهت السلطات تهمة ... للزفزافي»: whom it is laid on)
        rest = [m for m in rest if m.start < toks.start[clause.view[charged]]]
    for m in rest if not recipients else []:
        if located and (_locative(doc, m) or (category == "CONSULT" and _at_place(doc, m))):
            continue   # «التقى السيسي اليوم بالقاهرة الرئيس هادي»: one meets a person in a city, not the city
        if category in ("ASSAULT", "PROTEST", "COERCE") and m.label in PLACE_LABELS and \
                (_attached(doc, m) == "ب" or _near(doc, m)):
            continue   # «هجوم إرهابي بسيناء»، «اعتصام بالقصبة»، «بالقرب من جبل المكبر»: where it happened (not
            #            «الاعتراف بدولة فلسطين»)
        if category == "COERCE" and m.label in PLACE_LABELS and _preposition_before(doc, m) in ("الي", "نحو"):
            continue   # «تم إيقاف المتهمين فور وصولهما إلى مطار تونس قرطاج»: where they were going, not who
        if category == "ACCUSE" and mode in ("allege", "investigate") and _attached(doc, m) == "ب":
            continue   # «محاكمة المتهمين ... بالمحكمة الابتدائية»: the court it is before, not who is tried
        if _attached(doc, m) == "ل" and _preposition_before(doc, m) in senses()["belonging"]:
            continue   # «دوريات ... في قطاع ضباء التابع لحرس الحدود»: whom the sector belongs to
        # (a place after في is where, whatever the order: «قتلوا في شمالي أفغانستان»)
        direct = not recipients and m is rest[0] and not _locative(doc, m) and (
            (actors and actors[0].start < start) or carried or counted or unnamed or passive
            or (vso_object and _right_after(doc, _subject_end(doc, actors, after), m)))
        if _introduced_by_preposition(doc, m) or direct or (category in _DONE_TO and _in_respect_of(doc, m)):
            recipients = [r for r in _coordinated(doc, m, rest) if not (located and _locative(doc, r))]
            break
    if visited is not None and not recipients:
        recipients = [visited]
    if (voweled or victim) and recipients and _words_between(doc, end, recipients[0].start) > 1:
        # «قُتل جراء قصف القوات الأوكرانية»، «قُتل وجُرح عشرات من داعش بغارات التحالف»: who suffers a passive is
        # named right after it; a name further on is more likely who did it, in a phrase of cause
        recipients = []
    if (category == "PROTEST" or (category == "CONSULT" and mode in ("-", "multilateral") and
                                  recipients and recipients[0].label == "ORG")) and not actors and \
            recipients and doc.text[recipients[0].start - 1:recipients[0].start] == "ل" and \
            _words_between(doc, end, recipients[0].start) <= 3 and recipients[0].label in ACTOR_GROUPS:
        # «إضراب بساعتين لمدرسي التعليم»، «إضراب عام بيومين لمهنيي الصحة»، «وقفة احتجاجية لأعوان الصحة»: whose
        # strike or protest it is; «اجتماع طارئ لمكتب نقابة الصحفيين»: whose meeting
        actors, recipients = recipients[:1], recipients[1:]
    if mode == "host":
        # «استقبل X Y»: PLOVER codes the visit — Y, the visitor, acts; X, the host, is the recipient
        if actors and recipients:
            actors, recipients = recipients, actors
        mode = "visit"
    # the place: a place after في/ب/إلى, not one of a topic («محادثات في جنيف بشأن الحرب في أوكرانيا»)
    place = next((m for m in mentions if m.label in PLACE_LABELS and m.start > start and m not in actors
                  and m not in recipients and _place_preposition(doc, m)
                  and not senses()["topic"] & set(phrase_norms(doc.text[end:m.start]))), None)
    if place is None and mode == "visit":
        # «زيارة دولة إلى روما»: a visit happens where the visitor goes
        place = next((m for m in recipients if m.label in PLACE_LABELS), None)
    place = place or held_at
    # ``values``: the sentence's dates and durations. An event's date is a calendar date, month or year (the
    # contract's form); a week (2025-W48), a day without a year (--12-02) or a Hijri year alone (1446AH) is no such
    # date, and the schema refuses it
    date = next((m.value for m in values if m.label == "DATE" and isinstance(m.value, str)
                 and _EVENT_DATE_RE.fullmatch(m.value)), None)
    duration = next((m.value for m in values if m.label == "DURATION" and not _age(doc, m)), None)
    return Event(id="", event=category, modality=_modality(doc, clause, a, b, modal), trigger=doc.span(start, end),
                 sentence=sentence, actor=_entities(actors), recipient=_entities(recipients, exclude=actors),
                 mode=[] if mode == "-" else [mode], context=list(_CONTEXT.get(category, [])),
                 event_loc=place.entity if place else None, date=date, duration=duration)


#: how many words may stand between a meeting's noun and the بين that names its sides
BETWEEN_REACH = 4


def _between(clause: SentenceView, b: int) -> int | None:
    """Where بين stands, right after the trigger ending at ``b`` or a few words on in its clause, with no other
    trigger between (اجتماعا رباعيا جرى أمس الأربعاء بين ...)."""
    for i in range(b, min(len(clause.norms), b + BETWEEN_REACH + 1)):
        w = clause.norms[i]
        if w == "بين":
            return i
        if not w or not (w[0].isalpha() or w[0].isdigit()) or (i > b and "trigger" in triggers().roles_at(
                clause.norms, i)):
            return None
    return None


def _oblique_plural(m: Mention) -> bool:
    """Whether a group mention opens with a sound masculine plural in its oblique case (المصلين، المسؤولين،
    مسلحين): the object of a verb before it, never that verb's subject (which would be المصلون)."""
    head = m.text.split()[0] if m.text.split() else ""
    return m.label == "NORP" and len(head) > 4 and head.endswith("ين") and not m.extra.get("counted")


#: who may stage a protest named with ل after its noun (not a place: «اعتصام لليوم الثالث» is no one's)
ACTOR_GROUPS = frozenset({"NORP", "ORG", "PER"})


def _entities(mentions: list[Mention], exclude: list[Mention] | None = None) -> list[str]:
    skip = {m.entity for m in exclude or []}
    out: list[str] = []
    for m in mentions:
        if m.entity and m.entity not in out and m.entity not in skip:
            out.append(m.entity)
    return out


def _words_between(doc: Document, a: int, b: int) -> int:
    return len(doc.text[a:b].split())


def _clause_break(doc: Document, a: int, b: int) -> bool:
    """Whether a clause boundary (a full stop, a colon, a comma followed by a conjunction, or a complementiser:
    «أفادت رويترز أن صيادين اقتحموا» — Reuters reports, the hunters act) lies between."""
    gap = doc.text[a:b]
    return any(ch in gap for ch in ".:؛") or "، و" in gap or "، ف" in gap or \
        any(fold(w) in _COMPLEMENTISERS for w in gap.split())


def _starts_with_preposition(doc: Document, end: int, m: Mention) -> bool:
    """Whether the name right after the trigger is a prepositional object (محادثات مع زيلينسكي): no subject."""
    return _introduced_by_preposition(doc, m)


#: how many words after a trigger of alliance an adversary named after ضد may stand («دعم التقدم ضد داعش»)
AGAINST_REACH = 6
#: categories whose participants are sides acting together or for one another, never the adversary named after ضد
_WITH_SIDES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "AID", "CONSULT"})


#: categories that happen at a place that «witnessed» them («شهدت تعز مواجهات»)
_AT_A_PLACE = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})


#: how many words before the trigger a verb of witnessing may stand (شهدت العاصمة العراقية بغداد اليوم مقتل)
WITNESS_WINDOW = 6


def _witnessing_place(doc: Document, clause: SentenceView, a: int, mentions: list[Mention]) -> str | None:
    """The place named right after a verb of witnessing before the trigger at ``a`` (شهدت تعز مواجهات، تشهد المدينة
    احتجاجات), or None."""
    toks = doc.tokens
    assert toks is not None
    witness = senses()["witnessing"]
    for k in range(a - 1, max(-1, a - WITNESS_WINDOW - 1), -1):
        if clause.norms[k] in witness:
            after = toks.end[clause.view[k]]
            place = next((m for m in mentions if m.start >= after and m.label in PLACE_LABELS), None)
            # (past a word for a kind of place and its adjective: «شهدت العاصمة العراقية بغداد»)
            kind = k + 1 < len(clause.norms) and clause.norms[k + 1] in senses()["place_kind"]
            if place is not None and place.end <= toks.start[clause.view[a]] and \
                    _words_between(doc, after, place.start) <= (2 if kind else 0):
                return place.entity
            return None
    return None


#: how many words after an attack named by its perpetrator (منفذ هجوم برلين أنيس العامري) his name may stand
PERPETRATOR_REACH = 3


def _perpetrator_before(clause: SentenceView, a: int) -> bool:
    """Whether the trigger at ``a`` follows a perpetrator noun one or two words before it (منفذ عملية الدهس، منفذي
    هجوم لندن)."""
    return any(a - k >= 0 and clause.norms[a - k] in senses()["perpetrator"] for k in (1, 2))


def _struck_places(doc: Document, clause: SentenceView, a: int, mentions: list[Mention]) -> list[str]:
    """The places in construct right after an attack noun at ``a`` (هجوم قندهار، عملية سوسة، هجومي سوسة وباردو),
    with the places joined to them by و, unless على or ضد follows them («هجوم روسيا على أوكرانيا»: the attacker)."""
    toks = doc.tokens
    assert toks is not None
    if clause.norms[a] not in senses()["struck_place"]:
        return []
    end = toks.end[clause.view[a]]
    places: list[Mention] = []
    for m in mentions:
        if m.start < end or m.entity is None:
            continue
        between = doc.text[end:m.start].split()
        if m.label not in PLACE_LABELS or (between != ["و"] if places else between):
            break     # (the next place joined by و written apart; written on, «وباردو», it is the clitic below)
        if places and not between and _attached(doc, m) != "و":
            break
        if not places and _attached(doc, m):
            break     # «هجوم بسوسة»، «هجوم لداعش»: a preposition, no construct
        places.append(m)
        end = m.end
    if not places:
        return []
    rest = doc.text[end:end + 6].split()
    if rest and fold(rest[0]) in ("علي", "ضد"):
        return []
    return [m.entity for m in places if m.entity]


def _attacked_in(doc: Document, clause: SentenceView, a: int, mentions: list[Mention]) -> str | None:
    """The city or country named after في right after an attack noun at ``a`` — past one adjective (الهجمات الأخيرة
    في باريس) and a word for a kind of place (هجوم في مدينة غازي عنتاب) —, or after a relative clause's verb of
    striking (الهجمات، التي ضربت لندن), or None."""
    toks = doc.tokens
    assert toks is not None
    if clause.norms[a] not in senses()["struck_place"] and clause.norms[a][2:] not in senses()["struck_place"]:
        return None
    words = fold(doc.text[toks.end[clause.view[a]]:toks.end[clause.view[a]] + 40]).replace("،", " ، ").split()
    k = 1 if words and words[0].startswith("ال") and words[0].endswith(("ه", "ي")) and words[0] != "التي" else 0
    struck = senses()["struck_verb"]
    comma = 1 if len(words) > k and words[k] == "،" else 0
    if len(words) > k + comma + 2 and words[k + comma] == "التي":
        # «الهجمات، التي ضربت لندن»: a relative clause saying what it struck
        k += comma + 1
        if words[k] not in struck:
            return None
    elif len(words) <= k or words[k] != "في":
        return None
    place = next((m for m in mentions if m.start >= toks.end[clause.view[a]] and m.label == "GPE"), None)
    if place is None or place.entity is None:
        return None
    between = fold(doc.text[toks.end[clause.view[a]]:place.start]).replace("،", " ، ").split()
    kinds = senses()["place_kind"]
    return place.entity if between[k + 1:] in ([], *([w] for w in kinds)) else None


def _against(doc: Document, mentions: list[Mention]) -> set[str]:
    """The entities of the sentence's mentions that ضد (against) stands right before."""
    toks = doc.tokens
    assert toks is not None
    out = set()
    for m in mentions:
        t = bisect_left(toks.start, m.start)
        while t > 0 and toks.kind[t - 1] == CLITIC:
            t -= 1
        if t > 0 and toks.norm[t - 1] == "ضد" and m.entity:
            out.add(m.entity)
    return out


def _unnamed_subject(doc: Document, clause: SentenceView, a: int, mentions: list[Mention]) -> bool:
    """Whether the verb at ``a`` follows a complementiser and a definite noun that names no one the article names
    («أن الجماعة تستهدف المدنيين»): that noun is its subject, so the name after the verb is its object."""
    toks = doc.tokens
    assert toks is not None
    if a < 2 or clause.norms[a - 2] not in _COMPLEMENTISERS or not clause.norms[a - 1].startswith("ال") or \
            clause.norms[a - 1] in ARTICLE_LOOKALIKES:
        return False   # «أن الذين أعدمهم التنظيم»: a relative clause, whose verb's subject follows it
    t = clause.view[a - 1]
    return not any(m.start <= toks.start[t] < m.end for m in mentions) and not _proclitic(toks, clause.view[a], "و")


def _opens_with(doc: Document, clause: SentenceView, m: Mention, trigger_start: int) -> bool:
    """Whether the name ``m`` opens its clause (the sentence, or after و، ف، ثم) and the trigger follows it at once."""
    if doc.text[m.end:trigger_start].strip():
        return False
    opening = doc.text[clause.start:m.start].strip()
    # (or it opens what someone says: «أعلنت الوزارة أن الشرطة اعتقلت رجلا»)
    return opening in ("", "و", "ف", "ثم") or fold(opening).split()[-1:] in ([w] for w in _COMPLEMENTISERS)


def _lam_agent(doc: Document, end: int, arguments: list[Mention]) -> Mention | None:
    """The name with ل attached right after an attack's noun ending at ``end``, an adjective between at most
    (هجوم لداعش، قصف عشوائي للحوثيين، كمين للمقاومة الشعبية), or None."""
    after = next((m for m in arguments if m.start >= end), None)
    if after is None or _words_between(doc, end, after.start) > 1 or \
            any(ch in doc.text[end:after.start] for ch in "،,.:؛()\"«»"):
        return None
    return after if _attached(doc, after) == "ل" and after.label in ("ORG", "NORP", "GPE", "PER") else None


def _attached(doc: Document, m: Mention) -> str:
    """The proclitic written onto the mention's first word (ل in «لداعش»), or ""."""
    toks = doc.tokens
    assert toks is not None
    first = bisect_left(toks.start, m.start)   # tokens are in text order
    if first == len(toks) or toks.start[first] != m.start or first == 0 or toks.kind[first - 1] != CLITIC:
        return ""
    return toks.norm[first - 1]


def _preposition_before(doc: Document, m: Mention) -> str:
    """The (normalised) word right before the mention, past its proclitics: إلى in «إلى مطار تونس»."""
    toks = doc.tokens
    assert toks is not None
    prev = bisect_left(toks.start, m.start) - 1
    while prev >= 0 and toks.kind[prev] == CLITIC:
        prev -= 1
    return toks.norm[prev] if prev >= 0 and toks.kind[prev] != PUNCT else ""


def _unit_body(doc: Document, m: Mention) -> bool:
    """Whether ``m`` is the body, written with ل, whose detachment the word before names (أوقفت مفارز للجيش،
    دورية لحرس الحدود، وحدات تابعة لحكومة الوفاق): the body acts through it, no preposition's object."""
    return _attached(doc, m) == "ل" and _preposition_before(doc, m) in senses()["unit"]


def _introduced_by_preposition(doc: Document, m: Mention) -> bool:
    """Whether a preposition (مع، إلى، على، ضد، بـ، لـ...) stands right before the mention, alone or attached."""
    toks = doc.tokens
    assert toks is not None
    first = bisect_left(toks.start, m.start)   # tokens are in text order
    if first == len(toks) or toks.start[first] != m.start:
        return False
    if _unit_body(doc, m):
        return False
    if _attached(doc, m) in ("ب", "ل", "ك"):
        return True
    if _preposition_before(doc, m) in _RECIPIENT_PREPOSITIONS:
        return True
    # «التقى مرزوق بالمشير خليفة حفتر»، «مع الرئيس الفرنسي ماكرون»: past a person's title words
    k = first - 1
    while m.label == "PER" and k > 0 and first - k <= MAX_TITLE_BEFORE_NAME and toks.kind[k] not in (CLITIC, PUNCT) \
            and (titles.words().roles_at([toks.norm[k]], 0) or toks.norm[k] in senses()["counterpart"]):
        if (toks.kind[k - 1] == CLITIC and toks.norm[k - 1] in ("ب", "ل")) or \
                (toks.kind[k - 1] not in (CLITIC, PUNCT) and toks.norm[k - 1] in _RECIPIENT_PREPOSITIONS):
            return True
        k -= 1
    return False


def _in_respect_of(doc: Document, m: Mention) -> bool:
    """Whether «بحق» («in respect of»), or «بمعاقبة», stands right before the mention, or before the title words of a
    person: whom a sentence or a measure concerns (قضت المحكمة بحق ناشط، أصدر قاضي التحقيق في حق المتهمين)."""
    toks = doc.tokens
    assert toks is not None
    first = bisect_left(toks.start, m.start)
    k = first - 1
    while m.label == "PER" and k > 0 and first - k <= MAX_TITLE_BEFORE_NAME and \
            toks.kind[k] not in (CLITIC, PUNCT) and (titles.words().roles_at([toks.norm[k]], 0) or
                                                    toks.norm[k].startswith("ال")):
        k -= 1    # (past what the person is: «بمعاقبة الإعلامي توفيق عكاشة»)
    return k > 0 and toks.norm[k] in _IN_RESPECT and (
        (toks.kind[k - 1] == CLITIC and toks.norm[k - 1] == "ب") or toks.norm[k - 1] == "في")


#: nouns (normalised) that, after ب or في, introduce whom a sentence concerns: بحق، في حق، بمعاقبة
_IN_RESPECT = frozenset({"حق", "معاقبه"})


#: how many title words (المشير، الرئيس الفرنسي) may stand between a preposition and the person it introduces
MAX_TITLE_BEFORE_NAME = 2


def _locative(doc: Document, m: Mention) -> bool:
    """Whether ``m`` is a place that a locative preposition introduces (في جنيف، إلى ميامي، بموسكو): the event's
    place, never its participant."""
    if m.label not in PLACE_LABELS:
        return False
    gap = doc.text[max(0, m.start - 40):m.start]
    if gap.endswith(_LOCATIVE_CLITICS):
        return True
    words = gap.split()
    # past the words for a kind of place or a quarter before it: «في شمالي أفغانستان»، «في إقليم قندز»
    kinds = senses()["place_kind"]
    k = len(words) - 1
    while k > 0 and len(words) - 1 - k < 2 and phrase_norms(words[k])[-1:] and phrase_norms(words[k])[-1] in kinds:
        k -= 1
    return gap.endswith(" ") and k >= 0 and fold(words[k]) in _LOCATIVE_WORDS   # فى is في


def _at_place(doc: Document, m: Mention) -> bool:
    """A place with ب written onto it (بالقاهرة، بتونس): where, for a meeting."""
    k = m.start - 1
    return m.label in PLACE_LABELS and k >= 0 and doc.text[k] == "ب" and (k == 0 or not doc.text[k - 1].isalpha()
                                                                          or doc.text[k - 1] in "وف")


def _titled_subject(doc: Document, clause: SentenceView, b: int, after: list[Mention]) -> Mention | None:
    """The person named after an office word that follows the trigger ending at ``b`` (a subject with a title too
    long or too rare for a TITLE mention), within the clause and TITLE_WINDOW words."""
    if b >= len(clause.norms) or not {"head", "dependent"} & titles.words().roles_at(clause.norms, b).keys():
        return None
    toks = doc.tokens
    assert toks is not None
    start = toks.start[clause.view[b]]
    for m in after:
        if m.start < start:
            continue
        if m.label == "PER" and _words_between(doc, start, m.start) <= TITLE_WINDOW \
                and not _clause_break(doc, start, m.start) and not _introduced_by_preposition(doc, m):
            return m
        if m.label != "TITLE":
            return None   # another name first: the office is that body's («وزير خارجية فرنسا»)
    return None


def _subject_end(doc: Document, actors: list[Mention], after: list[Mention]) -> int:
    """Where a subject after the trigger ends: past the name that a title before it introduces («الرئيس التونسي
    قيس سعيد»), which the actors hold as one entity."""
    end = actors[-1].end
    ids = {m.entity for m in actors}
    for m in after:
        if m.start >= end and m.entity in ids and not doc.text[end:m.start].strip(" ،,"):
            end = m.end
    return end


def _age(doc: Document, m: Mention) -> bool:
    """Whether a duration in years is someone's age: in parentheses after a name (عامري (24 عاما)) or after «العمر»
    (فتى يبلغ من العمر 15 سنة), not how long something lasted."""
    if not isinstance(m.value, str) or not m.value.endswith("Y"):
        return False
    before = doc.text[max(0, m.start - 12):m.start]
    in_parentheses = before.rstrip().endswith("(") and doc.text[m.end:m.end + 2].lstrip().startswith(")")
    return in_parentheses or any(w in before for w in ("العمر", "عمره", "عمرها"))


def _accusative_group(m: Mention) -> bool:
    """Whether an unnamed group or person is written in the indefinite accusative (وليّ يلاحق تلميذا ... ويعتدي
    عليه، التقى مسؤولا): the object of what came before, no subject of a verb after it — unless the verb follows it
    at once, as a relative clause does (توقف رجلا قتل فتى: the man killed); not the plurals in ايا (ضحايا، رعايا),
    nor a number's counted noun."""
    if m.label != "NORP" or m.extra.get("counted"):
        return False
    first = fold(m.text.split()[0])
    return not first.startswith("ال") and len(first) > 3 and first.endswith("ا") and not first.endswith("ايا")


def _right_after(doc: Document, end: int, m: Mention) -> bool:
    """Whether ``m`` follows offset ``end`` directly, or past a word for a kind of place (مدينة خاركيف), or past when
    (اعتقلت الشرطة، الجمعة 25 نوفمبر 2016 أكثر من 12 شخصا)."""
    gap = fold(doc.text[end:m.start]).replace("،", " ").replace(",", " ").split()
    if not gap or (len(gap) == 1 and gap[0] in senses()["place_kind"]):
        return True
    if len(gap) > MAX_DATE_WORDS:
        return False     # (longer than any date: no need to look for one)
    text = doc.text[end:m.start]
    for o in range(end, m.start):
        for d in doc.mentions_at(o):
            if d.label in ("DATE", "TIME") and d.end <= m.start:
                text = text.replace(doc.text[d.start:d.end], " ")
    return not fold(text).replace("،", " ").replace(",", " ").split()


def _agent(doc: Document, clause: SentenceView, b: int, after: list[Mention]) -> Mention | None:
    """The first name after an agent phrase (من قبل، من طرف، على يد، بعد تدخل) that follows the passive trigger
    ending at view position ``b``, within its clause."""
    toks = doc.tokens
    assert toks is not None
    agents = agent_phrases()
    for i in range(b, min(len(clause.norms), b + WINDOW)):
        w = clause.norms[i]
        if not w or not (w[0].isalpha() or w[0].isdigit()):
            if w not in ("،", ","):
                return None
            continue
        hit = agents.roles_at(clause.norms, i).get("agent")
        if hit is not None:
            from_offset = toks.end[clause.view[hit[0] - 1]]
            return next((m for m in after if m.start >= from_offset
                         and _words_between(doc, from_offset, m.start) <= 2), None)
    return None


#: the most words a date or time between a verb's subject and its object may have (الجمعة 25 نوفمبر 2016)
MAX_DATE_WORDS = 6


def _near(doc: Document, m: Mention) -> bool:
    """Whether ``m`` follows «بالقرب من» / «على مقربة من» / «قريبا من»: near a place."""
    words = fold(doc.text[max(0, m.start - 20):m.start]).split()
    return len(words) >= 2 and words[-1] == "من" and words[-2] in ("بالقرب", "مقربه", "قريبا")


def _place_preposition(doc: Document, m: Mention) -> bool:
    """Whether ``m`` follows في، ب or إلى (فى and إلي too), directly or past a word for a kind of place, which may
    also follow من (في مدينة حيفا، بولاية، من ولاية منوبة)."""
    words = fold(doc.text[max(0, m.start - 30):m.start]).split()
    if doc.text[m.start - 1:m.start] == "ب" or (words and doc.text[m.start - 1:m.start].isspace()
                                                and words[-1] in _PLACE_PREPOSITIONS):
        return True
    if len(words) < 2 or not doc.text[m.start - 1:m.start].isspace():
        return False
    if _near(doc, m):
        return True
    kind, prev = words[-1], words[-2]
    kinds = senses()["place_kind"]
    if kind in kinds:
        return prev in _PLACE_PREPOSITIONS or prev == "من"
    return kind[:1] == "ب" and kind[1:] in kinds    # بولاية، بمدينة


def _coordinated(doc: Document, first: Mention, candidates: list[Mention]) -> list[Mention]:
    """``first`` and the names joined to it by و (ويتكوف وكوشنر), a title and the name it introduces counting as one."""
    group = [first]
    last = first
    for m in candidates:
        if m.start <= last.start:
            continue
        gap = doc.text[last.end:m.start]
        joined = gap.strip() in ("و", "", "،", "، و") and (
            gap.strip() in ("و", "، و") or doc.text[m.start - 1:m.start] == "و")
        if joined and m.entity != last.entity:
            group.append(m)
            last = m
        elif m.entity == last.entity and gap.strip(" ،") == "":
            last = m     # «المبعوث الأمريكي الخاص، ستيف ويتكوف»: the title and the name are one argument
        else:
            break
    return group


#: the most words describing the first side after بين before the و of the second (بين متظاهرين موالين للزعيم
#: الشيعي وقوات الأمن)
MAX_SIDE_WORDS = 5


def _sides(doc: Document, sides: list[Mention]) -> list[Mention]:
    """The sides named after بين: the first, and the next joined to it by و even past a few words describing the
    first (بين متظاهرين موالين للزعيم الشيعي وقوات الأمن), with those joined to that one."""
    group = _coordinated(doc, sides[0], sides)
    if len(group) > 1:
        return group
    first = sides[0]
    second = next((m for m in sides if m.start >= first.end and m.entity != first.entity
                   and (doc.text[m.start - 1:m.start] == "و" or doc.text[max(0, m.start - 2):m.start] == "و ")
                   and _words_between(doc, first.end, m.start) <= MAX_SIDE_WORDS
                   and not _clause_break(doc, first.end, m.start)), None)
    return [first, *_coordinated(doc, second, sides)] if second is not None else group


def _coordinated_back(doc: Document, before: list[Mention]) -> list[Mention]:
    """The nearest name before the trigger and the names joined to it by و before it."""
    group = [before[-1]]
    for m in reversed(before[:-1]):
        gap = doc.text[m.end:group[0].start]
        if gap.strip() == "و" or (doc.text[group[0].start - 1:group[0].start] == "و" and not gap.strip()):
            group.insert(0, m)
        elif m.entity == group[0].entity or (m.label == "TITLE" and not gap.strip(" ،")):
            continue
        else:
            break
    return group


_MODALITIES = ("negated", "hypothetical", "planned", "expected")
_QUOTE_MARKS = frozenset('«»"“”„\'')


def _modality(doc: Document, clause: SentenceView, a: int, b: int, modal: PhraseTable) -> str:
    """asserted, or the modality that words around the trigger ``a:b`` in its clause, or a future prefix, give it.

    Before the trigger: a modality word in the clause (a negation only within two words, or through a carrier verb:
    «لم يشارك روبيو في الاجتماع»), a word right before it («أي اتفاق»), the future prefix on the trigger (سيزور) or on
    the verb just before it whose object it is («ستعارض توقيع»). After it: a word of the ``after:`` rows within a few
    words («زيارة مرتقبة»، «يتوقع إقرارها»، «الذي كان مقررا»)."""
    toks = doc.tokens
    assert toks is not None
    norms = clause.norms
    verb = a - 1   # the word before the trigger, past quotation marks («فرنسا «ستعارض» توقيع»)
    while verb >= 0 and norms[verb] in _QUOTE_MARKS:
        verb -= 1
    if _proclitic(toks, clause.view[a], "س") or (verb >= 0 and _proclitic(toks, clause.view[verb], "س")):
        return "planned"
    lo = a
    while lo > 0 and a - lo < MODALITY_WINDOW and norms[lo - 1] not in (".", "؛", ":"):
        lo -= 1
    found = "asserted"
    negation = -1     # where the latest negation before the trigger stands
    for i in range(lo, a):
        roles = modal.roles_at(norms, i)
        if "idiom" in roles:
            continue     # «ولا سيما الهجوم»: «especially», no negation
        if "negated" in roles:
            negation = i
        if "carrier" in roles and negation == i - 1 and "،" not in norms[i:a]:
            found = "negated"    # «لم يشارك ... في الاجتماع»
        for modality in _MODALITIES:
            near = modality in roles and (modality != "negated" or a - i <= 2)
            if near or roles.get(f"next:{modality}", (-1, None))[0] == a:
                found = modality
    if found != "asserted":
        return found
    words = 0
    for i in range(b, len(norms)):
        w = norms[i]
        if not w or not (w[0].isalpha() or w[0].isdigit()):
            if w != "،" or i + 1 >= len(norms) or norms[i + 1] not in ("الذي", "التي"):
                break    # the clause ends; «التوقيع، الذي كان مقررا» goes on
            continue
        words += 1
        if words > AFTER_WINDOW:
            break
        roles = modal.roles_at(norms, i)
        for modality in _MODALITIES:
            if f"later:{modality}" in roles or (words <= 2 and f"after:{modality}" in roles):
                return modality
    return found
