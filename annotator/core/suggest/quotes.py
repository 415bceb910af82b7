"""Quote attribution suggestions for Arabic news: content, source and cue.

find_quotes(text) returns Attribution records with offsets into the text as given.

What is found (PARC-style, simplified to one content span per attribution):
- a cue (قال، أكد، أضاف ... with inflections, مشيرا/مؤكدا ... adverbials) followed, after the
  speaker and adjuncts, by a colon, a quotation mark, or إن/أن/بأن: the content is the quoted
  text (direct), the clause after the complementizer (indirect, or mixed when it holds a
  quotation), or the text after the colon (direct);
- the conduit "نقلت X عن SOURCE قوله/القول إن ..." (cue: قوله/القول);
- "..., بحسب/وفقا لـ SOURCE" with a source noun (بيان، مصادر، وكالة ...);
- a quote that follows its text: '"..."، قال الوزير';
- a headline "SPEAKER: statement";
- cues that take a noun phrase (نفى وجود …، طالب بـ …، دعا إلى …، أعرب عن …): the phrase;
- an attribution after its quote (بحسب ما صرح به X، على حد قول X، ، كما قال X);
- a second reporting clause after بينما / في حين / فيما / غير أن / أما … (its own quote);
- any other quotation of four words or more, without source or cue.
A short quotation (a name or term: تنظيم "داعش") is never a quote.

Span decisions: a proclitic و/ف stays outside the cue (وقال -> قال); the complementizer
(إن، أنه) and quotation marks stay outside the content; the source is the speaker's noun
phrase with titles and an apposition after a comma (المتحدث ...، العميد سالم الراشد), cut
before adjuncts (في، على، عبر ...), except the description of an unnamed source (مسؤول في
الوزارة رفض الكشف عن اسمه، مصادر مقربة من الفريق). For an elided subject (وأضاف) and for
adverbial cues the source is the last explicit source before the cue. Its kind: sources.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from annotator.core.suggest.arabic import Disjoint, Folded, fold
from annotator.core.suggest.patterns import trie_pattern
from annotator.core.suggest.sources import anon_clauses, is_anon_head, source_kind


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    type: str  # direct, indirect or mixed
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_explicit: bool  # False when the source was carried over from an earlier mention
    source_kind: str | None
    rule: str


def _words(ws) -> str:
    return "|".join(sorted({re.escape(fold(w)) for w in ws}, key=len, reverse=True))


_VERB_CUES = [
    "قال", "قالت", "قالوا", "يقول", "تقول", "يقولون",
    "أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "يؤكدون",
    "أضاف", "أضافت", "أضافوا", "يضيف", "تضيف",
    "أشار", "أشارت", "أشاروا", "يشير", "تشير",
    "لفت", "لفتت", "لفتوا", "يلفت", "تلفت",
    "أوضح", "أوضحت", "أوضحوا", "يوضح", "توضح",
    "تابع", "تابعت", "تابعوا",
    "أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن",
    "كتب", "كتبت",
    "صرح", "صرحت", "يصرح", "تصرح",
    "نفى", "نفت", "نفوا", "ينفي", "تنفي",
    "رأى", "رأت", "رأوا", "يرى", "ترى",
    "اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر",
    "شدد", "شددت", "شددوا", "يشدد", "تشدد",
    "بين", "بينت", "يبين", "تبين",
    "ذكر", "ذكرت", "ذكروا", "يذكر", "تذكر",
    "حذر", "حذرت", "حذروا", "يحذر", "تحذر",
    "تحدث", "تحدثت", "جدد", "جددت", "أفاد", "أفادت", "أردف", "أردفت", "استطرد", "زعم", "زعمت", "أعرب", "أعربت",
    "كشف", "كشفت", "كشفوا", "يكشف", "تكشف",
    # cues that take a noun phrase (طالب بـ، دعا إلى، أبدى استعداده) rather than أن
    "طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "يطالبون", "دعا", "دعت", "دعوا", "يدعو", "تدعو",
    "أبدى", "أبدت", "أبدوا", "يبدي", "تبدي", "حث", "حثت", "يحث", "تحث", "ناشد", "ناشدت", "يناشد", "تناشد",
    "أعربوا", "يعرب", "تعرب", "جددوا", "يجدد", "تجدد",
    # statements on social media
    "غرد", "غردت", "يغرد", "تغرد", "دون", "دونت", "عبر", "عبرت",
    "تساءل", "تساءلت", "يتساءل", "تتساءل",
    "أظهر", "أظهرت",  # a report or a survey: أظهر تقرير البنك أن ...
]
# Words that are cues only after و/ف: alone, دون is "without" and عبر "through".
_PROCLITIC_ONLY = {fold(w) for w in ("دون", "دونت", "عبر", "عبرت", "طالب")}  # طالب alone: "a student"
_ADVERB_CUES = ["قائلا", "قائلة", "قائلين", "مؤكدا", "مؤكدة", "مضيفا", "مضيفة", "مشيرا", "مشيرة", "لافتا", "لافتة",
                "موضحا", "موضحة", "مبينا", "مبينة", "معتبرا", "معتبرة", "مشددا", "مشددة", "محذرا", "محذرة",
                "معلنا", "معلنة", "نافيا", "نافية", "ذاكرا", "مردفا", "متابعا"]
_ADVERBS = {fold(w) for w in _ADVERB_CUES}
_CUE_TRIE = trie_pattern({fold(w) for w in _VERB_CUES + _ADVERB_CUES})
CUE_RE = re.compile(rf"(?:(?<!\w)|(?<=(?<!\w)[وف]))(?P<cue>{_CUE_TRIE})(?!\w)")
# For scanning a whole text: no lookbehind (it defeats the engine's fast first-letter test); the
# word start is checked on each match.
_CUE_SCAN = re.compile(rf"(?P<cue>{_CUE_TRIE})(?!\w)")
COMP_RE = re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وف]))(?:ب)?ان(?:ه|ها|هم|هما|هن|نا|ني)?(?!\w)")
_PREPS = {fold(w) for w in ("في", "على", "عبر", "خلال", "عن", "مع", "أمام", "لدى", "أثناء", "عقب", "ضمن", "حول", "إلى",
                            "الى", "بعد", "قبل", "منذ", "من", "اليوم", "أمس", "غدا", "خلال", "بدوره", "بدورها",
                            "لوسائل", "لوكالة", "للصحفيين", "لقناة", "لصحيفة", "للتلفزيون", "لموقع", "للوكالة",
                            "حينها", "أيضا", "كذلك", "بدوره", "مجددا", "رسميا", "قد", "ان", "أن", "إن", "بأن",
                            "يوم", "مساء", "صباح", "ليلة", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
                            "الجمعة", "السبت", "هذا", "هذه", "كما", "الذي", "التي", "وفي", "ان", "إنه", "أنه")}
_TITLES = {fold(w) for w in (
    "اللواء", "العميد", "الفريق", "العقيد", "المقدم", "الرائد", "الدكتور", "د", "السيد", "السيدة", "الشيخ", "الوزير",
    "وزير", "وزيرة", "الرئيس", "رئيس", "رئيسة", "النائب", "نائب", "المتحدث", "متحدث", "الناطق", "ناطق", "المستشار",
    "مستشار", "مدير", "المدير", "قائد", "القائد", "السفير", "سفير", "الأمين", "أمين", "عضو", "المبعوث", "مبعوث",
    "الجنرال", "الأميرال", "المحلل", "الخبير", "الكاتب", "الصحفي", "مراسل", "زعيم", "الزعيم", "المسؤول", "مسؤول",
    "الملك", "الأمير", "رئيس", "المرشد", "البابا", "الإمام", "المفوض", "الممثل", "ممثل", "المندوب", "مندوب")}
_ORGS = {fold(w) for w in (
    "وزارة", "الوزارة", "وكالة", "الوكالة", "قيادة", "القيادة", "الجيش", "الحكومة", "حكومة", "التحالف", "المكتب", "مكتب",
    "بعثة", "البعثة", "خلية", "الرئاسة", "الشرطة", "المرصد", "منظمة", "المنظمة", "الأمم", "حركة", "الحركة", "حزب",
    "الحزب", "هيئة", "الهيئة", "مجلس", "المجلس", "البرلمان", "السفارة", "سفارة", "القوات", "الخارجية", "الداخلية",
    "البيت", "الكرملين", "البنتاغون", "المفوضية", "لجنة", "اللجنة", "شركة", "الشركة", "جماعة", "تنظيم", "قوات",
    "الناتو", "حلف", "الاتحاد", "جامعة", "الجامعة", "المحكمة", "محكمة", "الدفاع", "الأركان")}
_DOCS = {fold(w) for w in ("بيان", "البيان", "تقرير", "التقرير", "صحيفة", "الصحيفة", "موقع", "رسالة", "وثيقة",
                           "تغريدة", "منشور", "قناة", "القناة", "دراسة", "استطلاع")}
_ANON = {fold(w) for w in ("مصدر", "مصادر", "المصدر", "المصادر", "مسؤولون", "شهود", "مراقبون", "خبراء", "ناشطون")}
_ACCORDING_SOURCES = _DOCS | _ANON | _ORGS | _TITLES | {fold(w) for w in ("وسائل", "الإعلام", "إعلام", "المتحدث",
                                                                           "مسؤولين", "وكالات", "مصادر")}
_TERM_NOUNS = {fold(w) for w in ("تنظيم", "حركة", "جماعة", "هيئة", "فيلق", "عملية", "حزب", "قناة", "صحيفة", "وكالة",
                                 "موقع", "شبكة", "كتائب", "مجموعة", "مبادرة", "اتفاق", "اتفاقية", "مشروع", "برنامج",
                                 "مؤتمر", "منتدى", "شعار", "وسم", "هاشتاغ", "كتاب", "فيلم", "مسلسل", "قانون",
                                 "مسمى", "اسم", "لقب", "عبارة", "كلمة", "مصطلح", "حملة", "ائتلاف", "تحالف", "قوات")}
_KAN = {fold(w) for w in ("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا")}
_PERIODS = {fold(w) for w in ("الشهر", "الأسبوع", "العام", "السنة")}
_RELS = {fold(w) for w in ("الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الحالي", "القادم", "المنصرم", "الفائت")}
_MASDAR = re.compile(r"(?:ان\w\wا\w|است\w\wا\w|ا\w\wا\w|ت\w\wي\w)ه?")
_OPEN = '"«'
_CLOSE_FOR = {'"': '"', "«": "»"}
_SENT_END = re.compile(r"[.!?؟](?=\s|$|[\"»)])|\n")
_WORD = re.compile(r"\w+|[^\w\s]")
_CONDUIT = re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وف]))نقل(?:ت|ا|وا)?(?!\w)[^.\n]{0,120}?(?<!\w)عن\s+(?P<src>[^.\n]{2,160}?)\s+"
                      r"(?P<cue>قوله|قولها|قولهم|القول|تاكيده|تاكيدها)(?!\w)")
_ACCORDING = re.compile(r"(?P<cue>بحسب|حسب|وفقا|وفق|نقلا)(?!\w)\s*(?:ل|عن\s+)?(?P<src>\w+)")


@dataclass
class _Region:
    start: int  # folded offsets of the content inside the marks
    end: int
    open_at: int
    close_at: int | None  # None when the mark is never closed
    used: bool = False

    def words(self, t: str) -> int:
        return len(t[self.start:self.end].split())


def _quote_regions(t: str) -> list[_Region]:
    """Text inside quotation marks, paragraph by paragraph; an unclosed mark runs to the paragraph end."""
    out: list[_Region] = []
    pos = 0
    for para in t.split("\n"):
        base = pos
        pos += len(para) + 1
        i = 0
        while i < len(para):
            ch = para[i]
            if ch in _OPEN:
                close = para.find(_CLOSE_FOR[ch], i + 1)
                if close < 0:
                    end = len(para)
                    while end > i + 1 and (para[end - 1].isspace() or para[end - 1] in ".،,؛"):
                        end -= 1
                    out.append(_trim(t, base + i + 1, base + end, base + i, None))
                    break
                out.append(_trim(t, base + i + 1, base + close, base + i, base + close))
                i = close + 1
            else:
                i += 1
    return _Regions(r for r in out if r.end > r.start)


def _trim(t: str, s: int, e: int, o: int, c: int | None) -> _Region:
    while s < e and (t[s].isspace() or t[s] in "،,"):
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in "،,"):
        e -= 1
    return _Region(s, e, o, c)


class _Regions(list):
    """Quotation regions in text order, with a bisect index on their opening marks."""

    def __init__(self, items):
        super().__init__(items)
        self.opens = [r.open_at for r in self]

    def at(self, i: int) -> _Region | None:
        k = bisect_right(self.opens, i) - 1
        if k < 0:
            return None
        r = self[k]
        return r if i < (r.close_at if r.close_at is not None else r.end + 1) else None

    def opening_in(self, s: int, e: int) -> list[_Region]:
        k = bisect_right(self.opens, s - 1)
        out = []
        while k < len(self) and self[k].open_at < e:
            out.append(self[k])
            k += 1
        return out

    def closed_before(self, i: int, gap: int) -> _Region | None:
        """The region whose closing mark is at most `gap` characters before i."""
        k = bisect_right(self.opens, i) - 1
        while k >= 0:
            r = self[k]
            if r.close_at is not None and 0 <= i - r.close_at <= gap:
                return r
            if r.close_at is not None and r.close_at < i - gap:
                return None
            k -= 1
        return None


def _region_at(regions: _Regions, i: int) -> _Region | None:
    return regions.at(i)


_TITLE_NOUNS = {fold(w) for w in ("بعنوان", "عنوان", "عنوانه", "عنوانها", "شعار", "لقب", "جائزة", "رواية", "الرواية",
                                   "وثائقي", "الوثائقي", "فيلم", "الفيلم", "كتاب", "الكتاب", "مسلسل", "المسلسل",
                                   "أغنية", "الأغنية", "ألبوم", "برنامج", "البرنامج", "مسرحية", "ديوان", "وسم",
                                   "هاشتاغ", "مبادرة", "حملة", "ندوة", "مؤتمر", "مهرجان", "معرض", "شعاره",
                                   "وشعار", "كتابه", "روايته", "فيلمه", "مقال", "مقالا", "مقالة", "دراسة",
                                   "شعارات", "هتافات", "لافتة", "لافتات", "مثل", "عبارة", "عبارات", "تسمية",
                                   # a named phenomenon or policy in scare quotes: ظاهرة "..."
                                   "ظاهرة", "سياسة", "مفهوم", "خطة", "استراتيجية", "صفقة", "عملية", "قضية",
                                   "ملف", "مبدأ", "نظرية", "يسمى", "يعرف", "تسمى", "تعرف")}


def _unclitic(w: str) -> tuple[str, ...]:
    """A word and its forms without the proclitics و ف ب ل (بلقب -> لقب, وبعنوان -> عنوان)."""
    out = [w]
    if len(w) > 3 and w[0] in "وفبل":
        out.append(w[1:])
        if len(w) > 4 and w[0] in "وف" and w[1] in "بل":
            out.append(w[2:])
    return tuple(out)


def _is_term(t: str, r: _Region) -> bool:
    """A quoted name or term (تنظيم "داعش"), or a title (ندوة بعنوان "..."), not speech."""
    n = r.words(t)
    if n <= 2:
        return True
    before = t[max(0, r.open_at - 20):r.open_at].split()
    if n <= 12 and before and any(w in _TITLE_NOUNS for w in _unclitic(before[-1])):
        return True
    if n <= 4 and before and before[-1].lstrip("و").lstrip("ب").lstrip("ل") in _TERM_NOUNS:
        return True
    return False


_SENT_MAX = 3000  # characters: a "sentence" longer than this has lost its punctuation


def _sentence_end(t: str, i: int, regions: list[_Region]) -> int:
    """Where the sentence from i ends. Without punctuation for _SENT_MAX characters it ends at
    the last space before that: every cue of a 100 KB paragraph without a full stop searched
    to the text's end, and then read its clause to there (seconds, growing with the square)."""
    limit = min(len(t), i + _SENT_MAX)
    while True:
        m = _SENT_END.search(t, i, limit)
        if not m:
            if limit >= len(t):
                return len(t)
            j = t.rfind(" ", i, limit)
            return j if j > i else limit
        r = _region_at(regions, m.start())
        if r is not None and m.group(0) != "\n" and r.close_at is not None and r.close_at > m.start():
            i = r.close_at + 1
            limit = max(limit, min(len(t), i + _SENT_MAX // 4))  # a long quotation is read whole
            continue
        return m.start()


def _sentence_start(t: str, i: int) -> int:
    j = i
    floor = max(0, i - _SENT_MAX)  # as _sentence_end: no unbounded walk back over unpunctuated text
    while j > floor:
        ch = t[j - 1]
        if ch == "\n" or (ch in ".!?؟" and (j >= len(t) or t[j].isspace())):
            break
        j -= 1
    if j == floor and floor > 0:
        k = t.find(" ", floor, i)
        j = k + 1 if k >= 0 else floor
    while j < i and t[j].isspace():
        j += 1
    return j


def _trim_span(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (t[s].isspace() or t[s] in "،,:؛-\"«»"):
        s += 1
    while e > s and (t[e - 1].isspace() or t[e - 1] in "،,:؛-\"«»(."):
        e -= 1
    return s, e


def _parse_source(t: str, s: int, e: int, f: Folded | None = None) -> tuple[int, int] | None:
    """The speaker's noun phrase at the start of t[s:e] (the text between cue and content)."""
    toks = [(m.start() + s, m.end() + s, m.group(0)) for m in _WORD.finditer(t[s:e])]
    if f is not None:
        # Folding makes the preposition على and the name علي one word: the original tells them apart.
        toks = [(a, b, "علي_name" if w == "علي" and f.original[f.orig(b - 1)] == "ي" else w) for a, b, w in toks]
    if not toks:
        return None
    first = toks[0][2]
    if first in _PREPS or first.startswith(("ل", "ب")) and first[1:] in _PREPS or not first[0].isalpha():
        return None
    if first.startswith("لل") or (first.startswith("ل") and not first.startswith(("لجن", "لواء", "لبنان", "لاعب"))):
        return None  # an addressee (للصحفيين) or adjunct, not a subject
    anon = anon_clauses(t, s, e)
    if anon and len(t[s:anon[0][0]].split()) <= 6 and not re.search(r"[،,:]", t[s:anon[0][0]]):
        return toks[0][0], anon[0][1]  # "مسؤول في الوزارة رفض الكشف عن اسمه"
    # "مصادر مقربة من الفريق", "عمال في المصنع": an unnamed head keeps its description
    described = is_anon_head(first) or first in _DOMAIN_TITLES
    end = None
    i = 0
    while i < len(toks):
        a, b, w = toks[i]
        if w == "عن" and i >= 1 and toks[i - 1][2] in _ISSUED:
            end = b  # "تقرير صادر عن البنك المركزي"
            i += 1
            continue
        if described and 1 <= i <= 3 and w in _DESCRIBING and i + 1 < len(toks) and toks[i + 1][2][0].isalpha() \
                and toks[i + 1][2] not in _PREPS:
            end = toks[i + 1][1]  # the preposition with its noun: a span never ends on "في"
            i += 2
            continue
        if w in "،,(:؛" or w in _PREPS or w == '"' or w == "«" or w in ("ل", "ب", "نقلا") or (
                i >= 1 and w.startswith("لل") and w[2:] in _ADDRESSEES):
            break
        if i >= 1 and _is_masdar(w) and toks[i - 1][2] not in _TITLES:
            break  # a verbal noun starts the object: أعلن الوزير قاسم الأعرجي انتهاء ...
        if i >= 1 and w in _PERIODS and i + 1 < len(toks) and toks[i + 1][2] in _RELS:
            break  # a date adjunct: وجددت الحكومة الشهر الماضي ...
        end = b
        i += 1
    if end is None:
        return None
    # An apposition after a comma: "المتحدث ...، العميد سالم الراشد،" or "... في العراق، اللواء ..."
    j = i
    while j < len(toks) and toks[j][2] not in "،,":
        j += 1
        if j - i > 6:
            break
    if j < len(toks) and toks[j][2] in "،," and j + 1 < len(toks) and toks[j + 1][2] in _TITLES:
        k = j + 1
        while k < len(toks) and toks[k][2] not in "،,(:" and toks[k][2] not in _PREPS and k - j <= 6:
            k += 1
        if k - j <= 6:
            end = toks[k - 1][1]
    elif i < len(toks) and toks[i][2] in "،," and i + 1 < len(toks):
        # "قاسم الأعرجي، مستشار الأمن القومي،": an apposition of titles after a name
        k = i + 1
        if toks[k][2] in _TITLES:
            while k < len(toks) and toks[k][2] not in "،,(:" and toks[k][2] not in _PREPS and k - i <= 8:
                k += 1
            if k < len(toks) and toks[k][2] in "،," and k - i <= 8:
                end = toks[k - 1][1]
    else:
        # "عضو لجنة ... في البرلمان العراقي، بدر الزيادي،" then the content: the name closes the phrase.
        segs = [[]]
        for tok in toks:
            if tok[2] in "،,":
                segs.append([])
            else:
                segs[-1].append(tok)
        while segs and not segs[-1]:
            segs.pop()
        if len(segs) >= 2 and segs[0] and segs[0][-1][1] >= end and 1 <= len(segs[-1]) <= 4 and len(segs) == 2 \
                and not any(tk[2] in _PREPS or not tk[2][0].isalpha() for tk in segs[-1]):
            end = segs[-1][-1][1]
    if len(t[s:end].split()) > 14:
        return None
    return s + (len(t[s:end]) - len(t[s:end].lstrip())), end


# "صرح به المدير للصحيفة": who was told, not who spoke
_ADDRESSEES = {fold(w) for w in ("صحيفة", "صحيفه", "صحفيين", "صحافة", "صحافيين", "قناة", "وكالة", "موقع", "إعلام",
                                 "إذاعة", "تلفزيون", "جريدة", "مراسل", "مراسلين", "إعلاميين")}
_DESCRIBING = {fold(w) for w in ("في", "من", "داخل", "لدى", "بـ")}
_ISSUED = {fold(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة")}
# A profession named with its field: "الباحث في الاقتصاد عمر بنعلي"
_DOMAIN_TITLES = {fold(w) for w in ("الباحث", "باحث", "الخبير", "خبير", "المختص", "مختص", "الأستاذ", "أستاذ",
                                    "المحلل", "محلل", "الأخصائي", "أخصائي")}


def _kind(t: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    return source_kind(t[span[0]:span[1]], folded=True)


def _subject_before(t: str, cue_start: int, regions) -> tuple[int, int] | None:
    """Subject-first: "وكان مستشار الأمن القومي، قاسم الأعرجي، أكد", "وكانت القيادة قد أكدت",
    "الوزير يقول إن"."""
    s0 = _sentence_start(t, cue_start)
    before = t[s0:cue_start]
    if any(j in before for j in _JOINS):
        # a second clause: "...، غير أن المحلل اعتبر", "فيما كانت الحكومة قد أعلنت"
        joins = list(_JOIN_WORD.finditer(before))
        if joins:
            s0 += joins[-1].end()
            before = t[s0:cue_start]
    toks = [(m.start() + s0, m.end() + s0, m.group(0)) for m in _WORD.finditer(before)]
    if toks and toks[-1][2] in ("قد", "فقد", "لقد"):
        toks = toks[:-1]
    for idx, (a, b, w) in enumerate(toks):
        if w in _KAN:
            rest = toks[idx + 1:]
            if not rest or len(rest) > 14:
                return None
            return _trim_span(t, rest[0][0], rest[-1][1])
    # A short noun phrase opening the sentence right before the verb.
    if 1 <= len(toks) <= 4 and all(w[0].isalpha() and w not in _PREPS and w not in _KAN for _, _, w in toks) \
            and (toks[0][2].startswith("ال") or toks[0][2] in _TITLES) and not CUE_RE.fullmatch(toks[-1][2]):
        return toks[0][0], toks[-1][1]
    return None


def find_quotes(text: str, folded: Folded | None = None) -> list[Attribution]:
    f = folded or Folded(text)
    t = f.text
    regions = _quote_regions(t)
    found: list[tuple] = []  # (content_s, content_e, type, cue, source, explicit, rule) in folded offsets
    claimed = Disjoint()
    last_source: tuple[int, int] | None = None

    def overlaps(s, e):
        return claimed.overlaps(s, e)

    events = []
    for m in _CUE_SCAN.finditer(t):
        if _word_start(t, m.start()):
            events.append((m.start("cue"), "cue", m))
    for m in _CONDUIT.finditer(t):
        events.append((m.start(), "conduit", m))
    for m in _ACCORDING.finditer(t):  # the word start is tested here, not by a lookbehind (slow)
        if _word_start(t, m.start()):
            events.append((m.start("cue"), "according", m))
    for m in _POSTPOSED.finditer(t):
        if _word_start(t, m.start()) and (not t.startswith("كما", m.start()) or re.search(r"[،,]\s*$", t[max(0, m.start() - 3):m.start()])):
            events.append((m.start(), "postposed", m))
    anon = anon_clauses(t)  # in text order, each a few words: at most a couple can hold one offset
    anon_starts = [a for a, _ in anon]
    events.sort(key=lambda x: (x[0], x[1] != "postposed"))
    consumed_until = -1
    for pos, kind, m in events:
        if pos < consumed_until:
            continue
        if _region_at(regions, pos) is not None and kind != "according":
            r = _region_at(regions, pos)
            if r.close_at is None or r.close_at > pos:
                continue  # a cue word inside a quotation is part of the quote
        if kind == "conduit":
            src = _trim_span(t, m.start("src"), m.end("src"))
            cue = (m.start("cue"), m.end("cue"))
            sent_end = _sentence_end(t, m.end("cue"), regions)
            opener = _find_opener(t, m.end("cue"), sent_end, regions)
            got = _content(t, *opener, sent_end, regions) if opener else None
            if got:
                cs, ce, typ = got
                if not overlaps(cs, ce):
                    found.append((cs, ce, typ, cue, src, True, "quotes:conduit"))
                    claimed.add(cs, ce)
                    last_source = src
                    consumed_until = ce
            continue
        if kind == "according":
            got = _according(t, m, regions)
            if got and not overlaps(got[0], got[1]):
                found.append(got)
                claimed.add(got[0], got[1])
            continue
        if kind == "postposed":
            got = _postposed(t, m, regions, f)
            if got and not overlaps(got[0], got[1]):
                found.append(got)
                claimed.add(got[0], got[1])
                last_source = got[4]
                consumed_until = m.end()
            continue
        cue_s, cue_e = m.start("cue"), m.end("cue")
        word = m.group("cue")
        if word in _PROCLITIC_ONLY and not (cue_s > 0 and t[cue_s - 1] in "وف"):
            continue
        k = bisect_right(anon_starts, cue_s)  # a search, not a scan: a long text has thousands of both
        if any(cue_s < anon[j][1] for j in range(max(0, k - 3), k)):
            continue  # "مصدر طلب عدم ذكر اسمه": ذكر describes the source
        sent_end = _sentence_end(t, cue_e, regions)
        if word in ("يذكر", "تذكر") and re.match(r"\s+ان(?!\w)", t[cue_e:]):
            continue  # "يذكر أن": the writer's background, no speaker
        if word == "بين" and not (cue_s > 0 and t[cue_s - 1] in "وف"):
            continue  # بين is "between" unless it opens a clause: "وبين رسول ... أن"
        # The opener: the first colon, quotation mark or complementizer after the cue.
        opener = _find_opener(t, cue_e, sent_end, regions)
        if opener is None:
            # A post-posed cue: '"..."، قال الوزير'
            r = regions.closed_before(cue_s, 4)
            if r is not None and t[r.close_at + 1:cue_s].strip(" ،,"):
                r = None
            if r is not None and not r.used and not _is_term(t, r) and word not in _ADVERBS \
                    and not overlaps(r.start, r.end):
                src = _parse_source(t, cue_e, sent_end, f)
                if src:
                    last_source = src
                r.used = True
                found.append((r.start, r.end, "direct", (cue_s, cue_e), src or last_source, src is not None,
                              "quotes:postposed_cue"))
                claimed.add(r.start, r.end)
                continue
            np = _np_content(t, word, cue_e, sent_end, regions, f) if word in _NP_CUES else None
            if np is not None:
                # A cue taking a noun phrase: نفى المدير وجود ...، طالب المحامون بالإفراج ...
                cs, ce, typ, limit = np
                src = _parse_source(t, cue_e, limit, f) or _subject_before(t, cue_s, regions)
                if src and word in _ADDRESSING:
                    src = _drop_addressee(t, src, f)
                if not overlaps(cs, ce):
                    explicit = src is not None
                    if src:
                        last_source = src
                    found.append((cs, ce, typ, (cue_s, cue_e), src or last_source, explicit, "quotes:cue_np"))
                    claimed.add(cs, ce)
                continue
            if word not in _ADVERBS:
                # No content marker, but the speaker is named: adverbial cues and elided subjects refer
                # to it, and a verbal noun may carry what was said: أعلن الوزير انتهاء المهام ...
                src = _parse_source(t, cue_e, sent_end, f) or _subject_before(t, cue_s, regions)
                if src:
                    last_source = src
                    got = _masdar_content(t, max(src[1], cue_e), sent_end, regions) if word in _MASDAR_CUES else None
                    if got and not overlaps(got[0], got[1]):
                        found.append((got[0], got[1], got[2], (cue_s, cue_e), src, True, "quotes:cue_verbal_noun"))
                        claimed.add(got[0], got[1])
            continue
        op_kind, op_s, op_e = opener
        between = (cue_e, op_s)
        src = None
        explicit = False
        if word in _ADVERBS:
            src = last_source
        else:
            src = _parse_source(t, *between, f)
            if src is None:
                src = _subject_before(t, cue_s, regions)
            if src is not None:
                explicit = True
                last_source = src
            else:
                src = last_source
        got = _content(t, op_kind, op_s, op_e, sent_end, regions)
        if not got:
            continue
        cs, ce, typ = got
        if overlaps(cs, ce) or ce <= cs:
            continue
        found.append((cs, ce, typ, (cue_s, cue_e), src, explicit, f"quotes:cue_{op_kind}"))
        claimed.add(cs, ce)
    found.extend(_headlines(t, regions, claimed))
    for r in regions:
        if r.used or _is_term(t, r) or r.words(t) < 4 or overlaps(r.start, r.end):
            continue
        found.append((r.start, r.end, "direct", None, None, False, "quotes:marks_only"))
        claimed.add(r.start, r.end)
    out = []
    for cs, ce, typ, cue, src, explicit, rule in sorted(found, key=lambda x: x[0]):
        if not any(ch.isalnum() for ch in t[cs:ce]):
            continue  # «...» or «؟»: no words, nothing quoted (a span is never only punctuation)
        o_content = f.span(cs, ce)
        o_cue = f.span(*cue) if cue else None
        o_src = f.span(*src) if src else None
        out.append(Attribution(o_content, typ, o_cue, o_src, explicit, _kind(t, src), rule))
    return out


_NOT_MASDAR = {fold(w) for w in ("تشرين", "اسماء", "أسماء", "انصار", "أنصار", "اعلام", "إعلام", "أبناء", "ابناء",
                                  "أنحاء", "انحاء", "اجواء", "أجواء")}
_TRUE_PREPS = {fold(w) for w in ("في", "على", "عبر", "خلال", "مع", "أمام", "لدى", "أثناء", "عقب", "ضمن", "حول",
                                  "إلى", "بعد", "قبل", "منذ", "من")}
_MASDAR_CUES = {fold(w) for w in ("أعلن", "أعلنت", "أعلنوا", "أكد", "أكدت", "أكدوا", "نفى", "نفت", "جدد", "جددت")}
_MASDARS = {fold(w) for w in ("انتهاء", "انسحاب", "إنهاء", "رفض", "رفضه", "رفضها", "تسليم", "إجلاء", "التزام",
                              "التزامه", "التزامها", "استعداد", "استعداده", "استعدادها", "دعم", "دعمه", "دعمها",
                              "عدم", "وقف", "تعليق", "بدء", "موافقة", "رغبة", "نيته", "نيتها", "مقتل", "اعتقال",
                              "إطلاق", "توقيع", "تأجيل", "إلغاء", "فرض", "رفع", "خفض", "تمديد", "قبول")}


def _is_masdar(w: str) -> bool:
    """A verbal-noun shape; "العام" / "العامة" only look like one because of the article."""
    if w in _NOT_MASDAR or not _MASDAR.fullmatch(w):
        return False
    return not w.startswith("ال") or bool(_MASDAR.fullmatch(w[2:]))


def _masdar_content(t: str, i: int, sent_end: int, regions) -> tuple[int, int, str] | None:
    """The object of أعلن/أكد when it is a verbal noun phrase: "... انتهاء المهام القتالية"."""
    prev = ""
    for n, m in enumerate(_WORD.finditer(t, i, sent_end)):
        if n > 15:
            return None
        w = m.group(0)
        if (w in _MASDARS or _is_masdar(w)) and prev not in _TRUE_PREPS:
            return _clause(t, m.start(), sent_end, regions, "indirect")
        if COMP_RE.fullmatch(w) or w in ":\"«":
            return None
        prev = w
    return None


_OPENER_TOK = re.compile(r'[:"«]|\w+')


def _find_opener(t: str, i: int, end: int, regions) -> tuple[str, int, int] | None:
    """('colon'|'mark'|'comp', start, end) of what introduces the content, within 25 words."""
    words = 0
    for m in _OPENER_TOK.finditer(t, i, min(end, i + 300)):
        tok = m.group(0)
        if tok == ":":
            return "colon", m.start(), m.end()
        if tok in _OPEN:
            r = _region_at(regions, m.start())
            if r is not None and not _is_term(t, r):
                return "mark", m.start(), m.start()
            continue
        core = tok[1:] if tok[0] in "وف" and len(tok) > 2 else tok
        if COMP_RE.fullmatch(tok) or COMP_RE.fullmatch(core):
            return "comp", m.start(), m.end()
        if words and (CUE_RE.fullmatch(tok) or CUE_RE.fullmatch(core)) and not (
                tok in _PROCLITIC_ONLY or _in_anon_clause(t, m.start())):
            return None  # another cue comes first: it owns the content
        words += 1
        if words > 25:
            return None
    return None


def _content(t: str, kind: str, s: int, e: int, sent_end: int, regions) -> tuple[int, int, str] | None:
    if kind == "mark":
        r = _region_at(regions, s)
        r.used = True
        return r.start, r.end, "direct"
    j = e
    while j < len(t) and t[j].isspace():
        j += 1
    if kind == "colon":
        mc = COMP_RE.match(t, j)
        if mc:
            j = mc.end()
            while j < len(t) and t[j].isspace():
                j += 1
        if j < len(t) and t[j] in _OPEN:
            r = _region_at(regions, j)
            if r is not None:
                r.used = True
                return r.start, r.end, "direct"
        # "قائلة: إنهم موجودون "..."": reported after the colon, with a quoted part
        return _clause(t, j, sent_end, regions, "indirect" if mc else "direct")
    # complementizer
    if j < len(t) and t[j] in _OPEN:
        r = _region_at(regions, j)
        if r is not None and r.close_at is not None:
            after = t[r.close_at + 1:sent_end].strip(" .،,")
            if not after or after.split()[0].lstrip("و") in _ADVERBS or after.startswith(("،", ",")) or \
                    CUE_RE.match(after.split()[0] if after else ""):
                r.used = True
                return r.start, r.end, "direct"
        if r is not None and r.close_at is None:
            r.used = True
            return r.start, r.end, "direct"
    return _clause(t, j, sent_end, regions, "indirect")


_CLAUSE_STOP = re.compile(r"[،,]\s*(?:و|ف)?(?:" + "|".join(sorted(_ADVERBS, key=len, reverse=True)) + r")(?!\w)"
                          r"|[،,]\s*م\w{3,}ا(?!\w)"  # another adverbial participle: منهيا، مجددا التأكيد
                          r"|[،,]\s*(?:و|ف)(?:قال|قالت|اضاف|اضافت|تابع|تابعت|اكد|اكدت|اشار|اشارت)(?!\w)"
                          r"|[،,]\s*(?:بحسب|حسب|وفقا\s+ل\w*\s+(?:بيان|مصادر|مصدر))(?!\w)"
                          r"|[،,]\s*(?:علي\s+حد\s+(?:قول|تعبير|وصف)|(?:بحسب|حسب|وفق|وفقا|طبقا)\s+ل?ما\s)"
)
# A second reporting clause: "... بينما رأى الباحث أن", "، في حين قال". Searched only where a joining
# word occurs: a pattern that may start at any space is slow over long texts.
_JOINS = ("بينما", "حين", "فيما", "المقابل", "غير ان", "الا ان", "لكن", "اما ", "كما ")
_JOIN = r"(?:و)?(?:بينما|في\s+حين|فيما|حين|في\s+المقابل|بالمقابل|غير\s+ان|الا\s+ان|لكن|ولكن|اما|كما)"
# The cue may follow a subject: "غير أن المحلل اعتبر", "فيما كانت الحكومة قد أعلنت".
_JOIN_STOP = re.compile(r"(?:[،,]?\s+(?!(?:و)?كما)|[،,]\s*)" + _JOIN + r"\s+(?=(?:[^\s.،,؛:]+\s+){0,4}?(?:"
                        + trie_pattern({fold(w) for w in _VERB_CUES}) + r")(?!\w))")  # كما only after a comma: "لعب كما قال المدرب"
_JOIN_WORD = re.compile(r"(?:^|(?<=[\s،,]))" + _JOIN + r"\s+")


def _clause(t: str, s: int, sent_end: int, regions, typ: str) -> tuple[int, int, str] | None:
    e = sent_end
    k = s
    while True:
        stop = _CLAUSE_STOP.search(t, k, sent_end)
        if not stop:
            break
        r = _region_at(regions, stop.start())
        if r is not None and r.open_at >= s and r.close_at is not None and r.close_at > stop.start():
            k = r.close_at + 1  # a comma inside a quotation does not end the content
            continue
        e = stop.start()
        break
    part = t[s:e]
    if any(j in part for j in _JOINS):
        k = s
        while True:
            stop = _JOIN_STOP.search(t, k, e)
            if not stop:
                break
            r = _region_at(regions, stop.start() + 1)
            if r is not None and r.open_at >= s and r.close_at is not None and r.close_at > stop.start():
                k = r.close_at + 1
                continue
            e = stop.start()
            break
    s, e = _trim_span(t, s, e)
    if e - s < 3:
        return None
    marked = False
    for r in regions.opening_in(s, e):
        if s <= r.open_at < e:
            r.used = True
            marked = True
            if r.close_at is None or r.close_at >= e:
                e = max(e, min(r.end, sent_end))
    if typ == "indirect" and marked:
        typ = "mixed"
    # Keep a closing quotation mark that belongs to a quoted part inside the content.
    if e < len(t) and t[e] in '"»' and (regions.at(e - 1) is not None and regions.at(e - 1).close_at == e):
        e += 1
    return s, e, typ


def _word_start(t: str, i: int) -> bool:
    """Does a word start at i, or after a proclitic و/ف only?"""
    if i == 0 or not t[i - 1].isalnum():
        return True
    return t[i - 1] in "وف" and (i == 1 or not t[i - 2].isalnum())


def _in_anon_clause(t: str, i: int) -> bool:
    return any(a <= i < b for a, b in anon_clauses(t, max(0, i - 40), min(len(t), i + 60)))


# ----- cues that take a noun phrase -------------------------------------------------------------------
def _forms(*stems: str) -> set[str]:
    return {fold(w) for w in stems}


_NP_PREP = {}  # cue -> the preposition that opens its content ("ب" is attached to the word)
for _w in _forms("طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "يطالبون", "ناشد", "ناشدت", "يناشد", "تناشد"):
    _NP_PREP[_w] = "ب"
for _w in _forms("دعا", "دعت", "دعوا", "يدعو", "تدعو"):
    _NP_PREP[_w] = "الي"
for _w in _forms("حث", "حثت", "يحث", "تحث"):
    _NP_PREP[_w] = "علي"
for _w in _forms("أعرب", "أعربت", "أعربوا", "يعرب", "تعرب", "عبر", "عبرت", "كشف", "كشفت", "كشفوا", "يكشف",
                 "تكشف"):
    _NP_PREP[_w] = "عن"
_NP_MASDAR_CUES = _forms("أعلن", "أعلنت", "أعلنوا", "أكد", "أكدت", "أكدوا", "نفى", "نفت", "نفوا", "ينفي", "تنفي",
                         "جدد", "جددت", "جددوا", "يجدد", "تجدد", "أبدى", "أبدت", "أبدوا", "يبدي", "تبدي")
_NP_CUES = set(_NP_PREP) | _NP_MASDAR_CUES
_ANNOUNCE = _forms("أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن")
# Cues with an addressee after the subject: "حث المدرب لاعبيه على"
_ADDRESSING = _forms("حث", "حثت", "يحث", "تحث", "ناشد", "ناشدت", "يناشد", "تناشد", "دعا", "دعت", "دعوا", "يدعو",
                     "تدعو", "طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "يطالبون")
# Objects these cues take, as verbal nouns (also with a pronoun: دعمه، استعدادها، سعادته).
_NP_OBJECTS = _forms(
    "وجود", "صحة", "حدوث", "تورط", "علاقة", "أي", "نية", "تمسك", "رفض", "تأييد", "استعداد", "قلق", "سعادة",
    "ارتياح", "أسف", "ترحيب", "تضامن", "إدانة", "استنكار", "مساندة", "دعوة", "مطالبة", "موقف", "حرص", "أمل",
    "ثقة", "عزم", "اعتزام", "استقالة", "انسحاب", "فوز", "مسؤولية", "دعم", "التزام", "عدم", "وقف", "تعليق",
    "بدء", "موافقة", "رغبة", "مقتل", "اعتقال", "إطلاق", "توقيع", "تأجيل", "إلغاء", "فرض", "رفع", "خفض", "تمديد",
    "قبول", "انتهاء", "إنهاء", "تسليم", "إجلاء", "علم", "معارضة", "تحفظ", "اعتراض", "تخوف", "خشية", "انزعاج",
    "استياء", "غضب", "فخر", "اعتزاز", "شكر", "تقدير", "اهتمام", "تفاؤل", "تشاؤم", "إصرار", "عودة", "اتفاق",
    "ارتفاع", "تراجع", "إصابة", "وفاة", "نجاح", "فشل", "حصول", "تعيين", "إقالة", "تسجيل", "إمكانية", "ضرورة")
_SUFFIXES = ("هما", "هم", "ها", "ه")


# Verbal-noun shapes (derived forms II, IV, V, VI, VII, VIII, X): with a possessive pronoun
# (تعاقده، استعدادها، التزامهم) they are the object, not part of the speaker's name.
_MASDAR_SHAPES = re.compile(r"ت\w\wي\w|ا\w\wا\w|ت\w\w\w|ت\wا\w\w|ان\w\wا\w|ا\wت\wا\w|است\w\wا\w")


def _np_object(w: str, orig_word: str) -> bool:
    if w in _NP_OBJECTS or w in _MASDARS:
        return True
    for suf in _SUFFIXES:
        if w.endswith(suf) and orig_word.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[:-len(suf)]
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"
            if stem in _NP_OBJECTS or _MASDAR_SHAPES.fullmatch(stem):
                return True
    return False


def _drop_addressee(t: str, src: tuple[int, int], f: Folded) -> tuple[int, int]:
    """"المدرب لاعبيه" -> "المدرب": a last word with a possessive pronoun is whom the cue addresses."""
    words = list(_WORD.finditer(t, *src))
    if len(words) >= 2:
        last = words[-1]
        orig = f.original[f.orig(last.start()):f.orig(last.end() - 1) + 1]
        if orig.endswith(("ه", "ها", "هم")) and not last.group(0).startswith("ال"):
            return src[0], words[-2].end()
    return src


def _np_content(t: str, word: str, cue_e: int, sent_end: int, regions, f: Folded) -> tuple | None:
    """(start, end, type, source_limit) of the noun phrase a cue governs, or None."""
    prep = _NP_PREP.get(word)
    if word in _ANNOUNCE:
        am = re.match(r"\s+عن\s+", t[cue_e:cue_e + 6])
        if am:  # "كما أعلن عن تخفيض ...": the subject is elided
            got = _clause(t, cue_e + am.end(), sent_end, regions, "indirect")
            return (*got, cue_e) if got else None
    prev = ""
    for n, m in enumerate(_WORD.finditer(t, cue_e, sent_end)):
        if n > 16:
            return None
        w = m.group(0)
        if COMP_RE.fullmatch(w) or w in ':"«':
            return None
        if _in_anon_clause(t, m.start()):
            prev = w
            continue
        start = None
        if n >= 1 and prep == "ب":
            if w.startswith("بال") and len(w) > 5 or w.startswith("ب") and (
                    _np_object(w[1:], w[1:]) or _MASDAR.fullmatch(w[1:]) and w[1:] not in _NOT_MASDAR):
                start = m.start()
        elif n >= 1 and prep is not None:
            if prep == "عن" and word in _PROCLITIC_ONLY and n > 5:
                return None  # "وعبر الحدود ... عن": عبر is "crossed", not "expressed"
            if w == prep and not t.startswith("طريق", m.end() + 1):
                j = m.end()
                while j < sent_end and t[j].isspace():
                    j += 1
                got = _clause(t, j, sent_end, regions, "indirect")
                return (*got, m.start()) if got else None
        elif n >= 1 and prev not in _TRUE_PREPS:
            orig = f.original[f.orig(m.start()):f.orig(m.end() - 1) + 1]
            if not w.startswith("ال") and _np_object(w, orig):
                start = m.start()
        if start is not None:
            got = _clause(t, start, sent_end, regions, "indirect")
            return (*got, start) if got else None
        prev = w
    return None


# ----- an attribution after its quote: "...، بحسب ما صرح به المدرب" ------------------------------------
_PP_VERBS = r"(?:صرح|قال|ذكر|افاد|اكد|اوضح|اعلن|كشف|اورد|نقل|كتب|نشر|اشار|افصح|جاء|اضاف|تحدث)"
# The whole match is the cue; no group or lookbehind in front, which would slow the scan down.
_POSTPOSED = re.compile(
    r"(?:بحسب|حسب|وفق|وفقا|طبقا|تبعا)\s+(?:ل?ما\s+" + _PP_VERBS +
    r"\w{0,4}(?:\s+(?:به|بها|عنه|عنها|فيه|علي\s+لسان))?|(?:تعبير|وصف|قول)(?!\w))(?!\w)"
    r"|علي\s+حد\s+(?:قول|تعبير|وصف)(?!\w)|كما\s+(?:قال|ذكر|اكد|اوضح|صرح|اشار|افاد|كتب)\w{0,2}(?!\w)")


def _postposed(t: str, m: re.Match, regions, f: Folded) -> tuple | None:
    cue = (m.start(), m.end())
    sent_end = _sentence_end(t, cue[1], regions)
    src = _parse_source(t, cue[1], sent_end, f)
    if src is None:
        return None
    if t.startswith("كما", cue[0]) and _find_opener(t, cue[1], sent_end, regions) is not None:
        return None  # "، كما قال الوزير إن ...": a cue before its content
    r = regions.closed_before(cue[0], 4)
    if r is not None and not r.used and not _is_term(t, r) and not t[r.close_at + 1:cue[0]].strip(" ،,"):
        r.used = True
        return r.start, r.end, "direct", cue, src, True, "quotes:postposed_attribution"
    s0 = _sentence_start(t, cue[0])
    got = _clause(t, _skip_conjunction(t, s0), cue[0], regions, "indirect")
    if not got or len(t[got[0]:got[1]].split()) < 3:
        return None
    return got[0], got[1], got[2], cue, src, True, "quotes:postposed_attribution"


_W_WORDS = ("وزار", "وزير", "وكال", "وفد", "وسائل", "وقت", "وضع", "وطن", "وحد", "وفا", "وقود", "وسط", "وصل",
            "وجه", "وجود", "ورق", "ولاي", "وثيق", "واشنط", "وادي", "وعد", "وقف", "وقع", "ولي", "وليد", "وائل")


def _skip_conjunction(t: str, s0: int) -> int:
    """Past the sentence's conjunction و, which is not part of what was said."""
    w0 = re.match(r"\w+", t[s0:])
    if w0 and w0.group(0).startswith("و") and len(w0.group(0)) >= 4 and (
            w0.group(0).startswith("وال") or not w0.group(0).startswith(_W_WORDS)):
        return s0 + 1
    return s0


def _according(t: str, m: re.Match, regions) -> tuple | None:
    src_word = m.group("src")
    if src_word not in _ACCORDING_SOURCES and src_word[2:] not in _ACCORDING_SOURCES:
        return None
    cue = (m.start("cue"), m.end("cue"))
    sent_end = _sentence_end(t, cue[1], regions)
    s0 = _sentence_start(t, cue[0])
    src_end = t.find("،", m.start("src"), sent_end)
    src_end = sent_end if src_end < 0 else src_end
    src = _trim_span(t, m.start("src"), src_end)
    if len(t[src[0]:src[1]].split()) > 10:
        return None
    head = t[s0:cue[0]].strip(" و")
    if m.group("cue") == "نقلا" and any(CUE_RE.fullmatch(w) or CUE_RE.fullmatch(w[1:]) for w in head.split()):
        return None  # "أفادت الوكالة نقلا عن مصدر بأن ...": the cue before owns the content
    if len(head.split()) <= 1:
        # "وبحسب البيان، فإن ...": the content follows
        j = src_end + 1
        mm = re.match(r"\s*(?:ف?ان(?:ه|ها|هم)?\s+)?", t[j:])
        j += mm.end() if mm else 0
        got = _clause(t, j, sent_end, regions, "indirect")
        if not got:
            return None
        return got[0], got[1], got[2], cue, src, True, "quotes:according"
    s1 = s0
    w0 = re.match(r"\w+", t[s0:])
    if w0 and w0.group(0).startswith("و") and (w0.group(0).startswith("وال") or len(w0.group(0)) >= 5) \
            and not w0.group(0).startswith(("وزار", "وكال", "وفد", "وسائل", "وقت", "وضع", "وطن", "وحد")):
        s1 += 1  # the sentence's conjunction و is not part of what was said
    got = _clause(t, s1, cue[0], regions, "indirect")
    if not got:
        return None
    return got[0], got[1], got[2], cue, src, True, "quotes:according"


_HEADLINE = re.compile(r"^(?P<src>[^\n:.،]{2,60}?)[ \t]*:[ \t]*(?P<body>[^\n]+)$", re.M)


def _headlines(t: str, regions, claimed) -> list[tuple]:
    out = []
    for m in _HEADLINE.finditer(t):
        src_text, body = m.group("src"), m.group("body")
        words = src_text.split()
        if not 1 <= len(words) <= 7 or len(body.split()) < 3 or CUE_RE.search(src_text):
            continue
        if _SENT_END.search(body.rstrip(" .")) or any(w in _PREPS for w in words[:1]):
            continue
        bs, be = _trim_span(t, m.start("body"), m.end("body"))
        credit = re.search(r"\s*\([^()]{1,30}\)\s*$", t[bs:be])
        if credit:
            be = bs + credit.start()  # a photo credit "(الأناضول)" closes captions
        if claimed.overlaps(bs, be):
            continue
        # An addressee in the speaker's line ("... للناتو") is not the speaker.
        ss, se = m.start("src"), m.end("src")
        cut = re.search(r"\s+لل\w+\s*$", t[ss:se])
        if cut:
            se = ss + cut.start()
        src = _trim_span(t, ss, se)
        typ = "direct"
        if bs < len(t) and t[bs] in _OPEN or t[m.start("body"):bs].count('"'):
            r = _region_at(regions, m.start("body") + t[m.start("body"):].find('"'))
            if r is not None:
                r.used = True
        for r in regions.opening_in(bs, be):
            if bs <= r.open_at < be:
                r.used = True
                typ = "mixed" if r.start > bs else "direct"
        out.append((bs, be, typ, None, src, True, "quotes:headline"))
        claimed.add(bs, be)
    return out
