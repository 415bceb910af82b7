"""What kind of source a SOURCE phrase names, read from the phrase's head and shape, and the
descriptions that keep a source anonymous ("مسؤول رفض الكشف عن اسمه").

Kinds (the default scheme's): person, organization, group, anonymous, document.
- anonymous: a source kept unnamed on purpose: a head like مصدر / مصادر / أوساط, a description
  "رفض الكشف عن اسمه", or an indefinite role noun without a name (مسؤول في الوزارة، دبلوماسي غربي);
- document: the text quoted, not its author (بيان، بلاغ، تقرير، تدوينة ...);
- organization: an institution (وزارة، الحكومة، نقابة، نادي ...);
- group: people who are not an institution (خبراء، سكان، محامو الدفاع، محللون رياضيون);
- person: anything else with a human head (titles, names, الوزير, المدرب).
Words are folded (arabic.fold); a definite article is stripped from the head before lookup.
"""

from __future__ import annotations

import re

from annotator.core.suggest.arabic import fold


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# "رفض الكشف عن اسمه", "طلب عدم ذكر اسمه", "فضل عدم الكشف عن هويته", "لم يكشف عن اسمه"
_NAME = r"(?:اسمه|اسمها|اسمهم|اسمائهم|اسماءهم|هويته|هويتها|هويتهم|هوياتهم)"
ANON_CLAUSE = re.compile(
    r"(?:(?:رفض|رفضت|رفضوا|طلب|طلبت|طلبوا|فضل|فضلت|فضلوا|اشترط|اشترطت|اشترطوا)\s+(?:عدم\s+)?"
    r"(?:الكشف\s+عن|كشف|ذكر|نشر|الافصاح\s+عن|الاشاره\s+الي|الاشاره\s+الى|التكتم\s+على|التكتم\s+علي|حجب)"
    r"|لم\s+[يت]كشف(?:\s+عن)?|عدم\s+الكشف\s+عن)\s+" + _NAME + r"(?!\w)")

_NAME_RX = re.compile(_NAME + r"(?!\w)")


def anon_clauses(t: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the "رفض الكشف عن اسمه" descriptions in folded t[start:end], found from the
    name word backwards (a cheap literal scan) rather than by running the whole pattern everywhere."""
    end = len(t) if end is None else end
    out = []
    for m in _NAME_RX.finditer(t, start, end):
        a = ANON_CLAUSE.search(t, max(start, m.start() - 45), m.end())
        if a and a.end() == m.end():
            out.append((a.start(), a.end()))
    return out


ANON_HEADS = _set("مصدر مصادر أوساط جهات")
# Role nouns that, indefinite and without a name, leave the speaker unnamed.
ANON_ROLES = _set("مسؤول مسؤولة مسؤولون مسؤولين دبلوماسي دبلوماسية دبلوماسيون ضابط موظف موظفة عضو لاعب "
                  "قيادي مقرب محقق")
DOC_HEADS = _set("بيان بلاغ تقرير تدوينة تغريدة منشور رسالة وثيقة دراسة مذكرة حكم قرار نص تصريح مرسوم "
                 "استطلاع إحصاءات أرقام معطيات بيانات")
ORG_HEADS = _set(
    "وزارة وكالة قيادة جيش حكومة تحالف مكتب بعثة خلية رئاسة شرطة مرصد منظمة أمم حركة حزب هيئة مجلس برلمان "
    "سفارة قوات خارجية داخلية بيت كرملين بنتاغون مفوضية لجنة شركة جماعة تنظيم ناتو حلف اتحاد جامعة محكمة "
    "دفاع أركان نقابة جمعية صندوق نادي بنك مصرف مجموعة إدارة مديرية ولاية بلدية سلطات سلطة نيابة مؤسسة "
    "مركز معهد جهاز مصلحة فريق منتخب كونفدرالية فيدرالية رابطة مرصد غرفة بورصة هيئات أكاديمية "
    "صحيفة جريدة مجلة قناة إذاعة موقع نقابات أحزاب جمعيات منظمات شركات وزارات حكومات بلديات مؤسسات")
GROUP_HEADS = _set(
    "خبراء محللون محللين سكان أهالي شهود عمال محامو محامون محامين نشطاء ناشطون ناشطين مواطنون مواطنين "
    "مراقبون مراقبين نواب برلمانيون متظاهرون محتجون مزارعون فلاحون تجار أطباء معلمون أساتذة طلاب طلبة "
    "باحثون باحثين مشجعون جماهير لاعبون لاعبو مستثمرون اقتصاديون سياسيون علماء أعضاء ممثلو ممثلون "
    "معارضة معارضون أولياء آباء أسر عائلات ضحايا مرضى ركاب")


def head(phrase: str) -> tuple[str, bool]:
    """The head word of a folded phrase without its article, and whether it had one."""
    words = phrase.split()
    if not words:
        return "", False
    w = words[0]
    if w.startswith("ال") and len(w) > 3:
        return w[2:], True
    return w, False


def source_kind(phrase: str, folded: bool = False) -> str | None:
    """The kind of the source a phrase names, or None when the phrase is empty."""
    if not folded:
        phrase = fold(phrase)
    if not phrase.strip():
        return None
    if ("اسم" in phrase or "هوي" in phrase) and ANON_CLAUSE.search(phrase):
        return "anonymous"
    h, definite = head(phrase)
    if h in ANON_HEADS:
        return "anonymous"
    if h in DOC_HEADS:
        return "document"
    if h in ORG_HEADS:
        return "organization"
    if h in GROUP_HEADS:
        return "group"
    if h in ANON_ROLES and not definite and "،" not in phrase and "," not in phrase:
        return "anonymous"
    if not definite and len(h) > 5 and h.endswith(("ون", "ين")) and not h.endswith("يين"):
        return "group"  # a sound plural of people: "محللون رياضيون"
    return "person"


def is_anon_head(word: str) -> bool:
    """An indefinite head after which "في / من ..." still describes the source: "مسؤول في الوزارة"
    (after a definite one, "اللاعب يوسف العلمي في تدوينة", it starts an adjunct)."""
    return not word.startswith("ال") and (word in ANON_HEADS or word in ANON_ROLES or word in GROUP_HEADS)
