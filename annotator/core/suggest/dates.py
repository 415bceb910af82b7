"""Arabic date, time and duration recognition with TIMEX3 values.

find_dates(text, dct) returns DateMatch records whose offsets refer to the text as given.
Rules match on a folded copy (see arabic.py). Relative expressions are resolved against
the document creation date (dct); without one they keep no value (never a guess), except
a day and month without a year, which become XXXX-MM-DD.

Span decisions (the gold set follows them): a proclitic و/ف/ب/ل/ك stays outside the span
(وعام 2014 -> "عام 2014"); a preceding preposition (في، منذ، خلال، قبل نهاية) stays out; a
modifier word (مطلع، أواخر، نهاية) and a following الماضي/المقبل/الجاري stay in; a weekday
in apposition stays in (اليوم (الخميس), الخميس 9 ديسمبر); "بين عامي 2014 و2017" is two
spans, "عامي 2014" and "2017". فاتح / غرة / أول أيام before a month are day 1 and in the span;
a year phrase after a day or month is part of it ("24 نوفمبر من العام الماضي", "مارس من العام
نفسه"): deictic phrases are placed from dct, نفسه/ذاته by the last year the document wrote before
(no value when there is none). A Hijri month without a day has the Gregorian month of its first day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from annotator.core.suggest.arabic import Disjoint, Folded, fold
from annotator.core.suggest.patterns import trie_pattern

# ----- vocabulary (written in plain Arabic; folded when compiled) -------------------------------
_GREG_MONTHS = {
    1: ["يناير", "جانفي", "كانون الثاني", "كانون ثاني", "كانون 2", "January", "Jan"],
    2: ["فبراير", "فيفري", "شباط", "February", "Feb"],
    3: ["مارس", "آذار", "اذار", "March"],
    4: ["أبريل", "ابريل", "إبريل", "أفريل", "افريل", "نيسان", "April"],
    5: ["مايو", "ماي", "أيار", "ايار", "May"],
    6: ["يونيو", "يونيه", "يونية", "جوان", "حزيران", "June"],
    7: ["يوليو", "يوليه", "يولية", "جويلية", "يوليوز", "تموز", "July"],
    8: ["أغسطس", "اغسطس", "أوت", "غشت", "أغشت", "آب", "اب", "August"],
    9: ["سبتمبر", "شتنبر", "شتمبر", "أيلول", "ايلول", "September", "Sept", "Sep"],
    10: ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول", "تشرين 1", "October", "Oct"],
    11: ["نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "تشرين 2", "November", "Nov"],
    12: ["ديسمبر", "دجنبر", "دجمبر", "كانون الأول", "كانون أول", "كانون 1", "December", "Dec"],
}
_HIJRI_MONTHS = {
    1: ["محرم", "المحرم"], 2: ["صفر"], 3: ["ربيع الأول", "ربيع أول"], 4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول"], 6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"], 7: ["رجب"],
    8: ["شعبان"], 9: ["رمضان"], 10: ["شوال"], 11: ["ذو القعدة", "ذي القعدة"], 12: ["ذو الحجة", "ذي الحجة"],
}
_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_PARTS = {"صباح": "MO", "فجر": "MO", "ظهر": "AF", "ظهيره": "AF", "عصر": "AF", "مساء": "EV", "ليله": "NI",
          "ليل": "NI", "منتصف ليل": "NI"}
_MODS = {"مطلع": "START", "اوائل": "START", "بدايه": "START", "مستهل": "START", "اول": "START",
         "منتصف": "MID", "اواسط": "MID", "وسط": "MID",
         "اواخر": "END", "نهايه": "END", "اخر": "END", "ختام": "END", "خواتيم": "END"}
_PAST = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "الفارط", "الفارطه", "السابق", "السابقه"}
_NEXT = {"المقبل", "المقبله", "القادم", "القادمه"}
_THIS = {"الجاري", "الجاريه", "الحالي", "الحاليه"}
_ORD_UNITS = {"الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
              "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "اول": 1}
_NUM_WORDS = {"واحد": 1, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
              "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
              "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "خمسين": 50, "ستين": 60,
              "بضع": None, "بضعه": None, "عده": None}
# unit word -> (TIMEX unit, dual?)  P..D/W/M/Y, PT..H/M
_UNITS = {
    "يوم": "D", "يوما": "D", "ايام": "D", "يومين": "D2",
    "اسبوع": "W", "اسبوعا": "W", "اسابيع": "W", "اسبوعين": "W2",
    "شهر": "M", "شهرا": "M", "اشهر": "M", "شهور": "M", "شهرين": "M2",
    "عام": "Y", "عاما": "Y", "اعوام": "Y", "عامين": "Y2", "سنه": "Y", "سنوات": "Y", "سنين": "Y", "سنتين": "Y2",
    "ساعه": "H", "ساعات": "H", "ساعتين": "H2", "دقيقه": "m", "دقائق": "m", "دقيقتين": "m2",
}
_DECADES = {"العشرينيات": 2, "الثلاثينيات": 3, "الاربعينيات": 4, "الخمسينيات": 5, "الستينيات": 6,
            "السبعينيات": 7, "الثمانينيات": 8, "التسعينيات": 9}


def _alt(words) -> str:
    """The words (folded) as one alternation, written as a trie: the longest word first at each
    position, like a length-sorted list, but one branch tried per letter, which is faster."""
    return trie_pattern({re.sub(r"\s+", " ", fold(w)) for w in words}).replace(r"\ ", r"\s+")


_MONTH_OF: dict[str, int] = {}
for _n, _names in _GREG_MONTHS.items():
    for _w in _names:
        _MONTH_OF[re.sub(r"\s+", " ", fold(_w)).lower()] = _n
_HMONTH_OF: dict[str, int] = {}
for _n, _names in _HIJRI_MONTHS.items():
    for _w in _names:
        _HMONTH_OF[fold(_w)] = _n

# A word start, or the start after proclitics (و ف ب ل ك), or digits after ال (الـ24 ساعة).
B = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك])|(?<=(?<!\w)ال)(?=\d)|(?<=(?<!\w)[وفب]ال)(?=\d))"
_B_RE = re.compile(B)


def _matches(rx: re.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    """rx.finditer, keeping matches that start a word (or follow proclitics only)."""
    n = len(text) if endpos is None else endpos
    search = rx.search
    at_start = _B_RE.match
    while pos <= n:
        m = search(text, pos, n)
        if m is None:
            return
        if at_start(text, m.start()):
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
        else:
            pos = m.start() + 1
E = r"(?!\w)"
MON = rf"(?i:{_alt(w for ws in _GREG_MONTHS.values() for w in ws)}){E}"
MONP = rf"(?P<mon>{MON}(?:\s*[/\\-]\s*{MON}|\s*\(\s*{MON}\s*\))?)"
HMON = rf"(?P<hmon>{_alt(w for ws in _HIJRI_MONTHS.values() for w in ws)}){E}"
WD = rf"(?:{_alt(_WEEKDAYS)}){E}(?!\s+عشر)"
REL_ALL = _PAST | _NEXT | _THIS
REL = rf"(?P<rel>{_alt(REL_ALL)}){E}"
MODW = rf"(?P<modw>{_alt(_MODS)}){E}"
PART = rf"(?P<part>{_alt(_PARTS)}){E}"
YEAR = r"(?P<year>(?<!\d)\d{4}(?!\d))(?:\s*(?:م|ميلادي|ميلاديه)(?!\w))?"
DAY = r"(?P<day>(?<![\d/.-])\d{1,2})(?![\d/])"
ORD = (r"(?P<ord>(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s+عشر"
       r"|(?:الحادي|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s+و\s*(?:العشرين|الثلاثين)"
       r"|العشرين|الثلاثين|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)(?!\w)")
WDPRE = rf"(?:(?P<wdpre>(?:يوم\s+)?{WD})[\s،,]+)?"
UNIT = rf"(?P<unit>{_alt(_UNITS)}){E}"
NUMW = rf"(?P<num>\d{{1,4}}|{_alt(_NUM_WORDS)})"
YEAR_WORD = r"(?:عام|العام|سنه|السنه|عامي|العامين|سنتي)"
# "the first (day) of": Moroccan فاتح, Hijri غرة, أول أيام; the day word is part of the DATE.
FIRST = r"(?:فاتح|غره|اول(?:\s+(?:ايام|يوم))?)\s+(?:من\s+)?"
# A year named by a phrase: "من العام الماضي" (deictic, from dct), "من العام نفسه" (anaphoric: the last
# year the document wrote before), "العام السابق" (the year before that one).
_SAME = {"نفسه", "نفسها", "ذاته", "ذاتها"}
_ANA_PREV = {"السابق", "السابقه", "الذي سبقه"}
_ANA_NEXT = {"التالي", "التاليه", "الموالي", "الذي تلاه"}
YP = (rf"(?P<yp>(?:العام|السنه)\s+(?P<yrel>{_alt(REL_ALL | _SAME | _ANA_NEXT | {'الذي سبقه'})}){E}"
      rf"|(?P<ysame>نفس|ذات)\s+(?:العام|السنه){E}|(?P<ythis>هذا\s+العام|هذه\s+السنه){E})")

_FUTURE = re.compile(r"(?<!\w)(?:[وف]?سوف|[وف]?س[يتن]\w{3,}|المقبل\w?|القادم\w?|من\s+المقرر|من\s+المنتظر|"
                     r"من\s+المتوقع|[يت]عتزم|غدا)(?!\w)")
_NOT_FUTURE = ("سيا", "سيط", "سيد", "سينا", "سيول", "سيف", "سيس", "سيم", "سير", "سيل", "سته", "ستين", "ستار", "ستو",
               "سنه", "سنو", "سنين", "سنت", "ستما", "ستمئ", "سنا", "سند", "سني", "سنغ", "سيك", "ستراتيج", "ستان")
_CLAUSE_END = re.compile(r"[.!?؟\n،,؛;]")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str | None
    mod: str | None
    rule: str

    def attrs(self) -> dict:
        out = {"type": self.type}
        if self.value:
            out["value"] = self.value
        if self.mod:
            out["mod"] = self.mod
        return out


@dataclass
class _Ctx:
    folded: str
    dct: date | None
    f: Folded | None = None


# ----- calendar helpers -------------------------------------------------------------------------
def _month_num(s: str) -> int | None:
    m = re.match(MON, s)
    return _MONTH_OF.get(re.sub(r"\s+", " ", m.group(0)).lower()) if m else None


def _months_in(s: str) -> list[int]:
    return [_MONTH_OF[re.sub(r"\s+", " ", m.group(0)).lower()] for m in re.finditer(MON, s)]


def _iso(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def _future(ctx: _Ctx, start: int, end: int) -> bool:
    """Is the clause around [start, end) about the future (سـ، سوف، المقبل ...)?"""
    t = ctx.folded
    lo = max(0, start - 120)
    ends = [m.end() for m in _CLAUSE_END.finditer(t, lo, start)]
    if ends:
        lo = ends[-1]
    m = _CLAUSE_END.search(t, end, min(len(t), end + 60))
    hi = m.start() if m else min(len(t), end + 60)
    for f in _FUTURE.finditer(t, lo, hi):
        w = f.group(0).lstrip("وف")
        if w.startswith(_NOT_FUTURE):
            continue
        if start <= f.start() < end:
            continue  # the expression's own word (الخميس المقبل) is read by its rule
        return True
    return False


def _resolve_md(ctx: _Ctx, month: int, day: int | None, rel: str | None, start: int, end: int) -> str | None:
    """A day and month (or a month) without a year, placed by rel or tense relative to dct."""
    dct = ctx.dct
    if dct is None:
        return f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
    key = (month, day or 0)
    now_key = (dct.month, dct.day if day else 0)
    y = dct.year
    if rel in _PAST:
        if key >= now_key:
            y -= 1
    elif rel in _NEXT:
        if key <= now_key:
            y += 1
    elif rel in _THIS:
        pass
    elif _future(ctx, start, end):
        if key < now_key:
            y += 1
    else:
        # Nearest occurrence: news mostly looks back, a little ahead.
        cands = []
        for yy in (y - 1, y, y + 1):
            if day and not _valid(yy, month, day):
                continue
            d = date(yy, month, day or 15)
            cands.append((abs((d - dct).days), yy))
        if not cands:
            return None
        y = min(cands)[1]
    if day:
        return _iso(date(y, month, day)) if _valid(y, month, day) else None
    return f"{y:04d}-{month:02d}"


def _year_phrase(ctx: _Ctx, m: re.Match, rest: str) -> str | None:
    """The value of a date whose year is a phrase: deictic ones from dct, anaphoric ones deferred
    (see _ANAPHOR) to the last year the document wrote before them."""
    yrel = m.group("yrel")
    if m.group("ysame") or yrel in _SAME:
        return f"{_ANAPHOR}0|{rest}|"
    if yrel in _ANA_PREV or yrel in _ANA_NEXT:
        step = -1 if yrel in _ANA_PREV else 1
        fallback = f"{ctx.dct.year + step:04d}{rest}" if ctx.dct else ""
        return f"{_ANAPHOR}{step}|{rest}|{fallback}"
    if ctx.dct is None:
        return None
    step = -1 if yrel in _PAST else 1 if yrel in _NEXT else 0
    return f"{ctx.dct.year + step:04d}{rest}"


# A deferred anaphoric value "@STEP|REST|FALLBACK", resolved by find_dates once all dates are known.
_ANAPHOR = "@"


def _ord_day(s: str) -> int | None:
    words = re.sub(r"\s+", " ", s).replace("و ", "و").split(" ")
    if len(words) == 1:
        w = words[0]
        return {"العشرين": 20, "الثلاثين": 30}.get(w, _ORD_UNITS.get(w))
    unit = _ORD_UNITS.get(words[0])
    if unit is None:
        return None
    if words[1] == "عشر":
        return 10 + unit
    return unit + (20 if words[1].endswith("العشرين") else 30)


def _weekday_date(ctx: _Ctx, wd: int, rel: str | None, start: int, end: int) -> date | None:
    dct = ctx.dct
    if dct is None:
        return None
    future = rel in _NEXT or (rel not in _PAST and _future(ctx, start, end))
    if future:
        delta = (wd - dct.weekday()) % 7
        if delta == 0 and rel in _NEXT:
            delta = 7
        return dct + timedelta(days=delta)
    delta = (dct.weekday() - wd) % 7
    if delta == 0 and rel in _PAST:
        delta = 7
    return dct - timedelta(days=delta)


def _wd_num(s: str) -> int | None:
    for w, n in _WEEKDAYS.items():
        if w in s:
            return n
    return None


# ----- rules: each a regex over the folded text and a handler -------------------------------------
Handler = Callable[[re.Match, _Ctx], "list[tuple] | tuple | None"]
_RULES: list[tuple[str, re.Pattern, Handler, str | None]] = []

# Rules built around a month name run only in windows around month names (found by a cheap
# literal scan): their patterns open with optional words, which regex engines cannot skip fast.
_ANCHORS = {
    "month": re.compile(_alt(w for ws in _GREG_MONTHS.values() for w in ws if not w.isascii() and fold(w) != "اب")
                        + r"|اب(?!\w)|[JFMASONDjfmasond][a-zA-Z]{2}"),
    "digits": re.compile(r"\d{4}"),
    "weekday": re.compile(_alt(_WEEKDAYS)),
    "period": re.compile("الاسبوع|الشهر|العام|السنه"),
    "unit": re.compile(_alt(_UNITS)),
    "ago": re.compile("قبل|منذ"),
    "hmonth": re.compile(_alt(w for ws in _HIJRI_MONTHS.values() for w in ws)),
}
_WINDOW_BEFORE, _WINDOW_AFTER = 70, 90


def _windows(text: str, anchor: str) -> list[tuple[int, int]]:
    if anchor == "dayref" and anchor not in _ANCHORS:
        _ANCHORS[anchor] = re.compile(_alt(_DAYREF) + "|" + _alt(_PARTS))
    out: list[list[int]] = []
    n = len(text)
    for m in _ANCHORS[anchor].finditer(text):
        a, b = max(0, m.start() - _WINDOW_BEFORE), min(n, m.end() + _WINDOW_AFTER)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def rule(name: str, pattern: str, anchor: str | None = None):
    # No lookbehind at the front: it would defeat the regex engine's first-character scan. The
    # word-start test (B) is made on each match instead (see _matches).
    compiled = re.compile(fold(pattern))

    def deco(fn: Handler) -> Handler:
        _RULES.append((name, compiled, fn, anchor))
        return fn

    return deco


def _mod(m: re.Match) -> str | None:
    w = m.groupdict().get("modw")
    return _MODS.get(w) if w else None


@rule("dates:day_month", rf"{WDPRE}(?:{DAY}\s*(?:من\s+)?|{ORD}\s+(?:من\s+)?|(?P<first>{FIRST}))(?:شهر\s+)?{MONP}"
      rf"(?:\s+(?:من\s+)?(?:{YEAR_WORD}\s+)?{YEAR}|\s+(?:من\s+)?{YP}|\s+{REL})?", anchor="month")
def _day_month(m, ctx):
    months = _months_in(m.group("mon"))
    month = months[0]
    if m.group("day"):
        day = int(m.group("day"))
    elif m.group("ord"):
        day = _ord_day(m.group("ord"))
    else:
        day = 1
    if not day or not 1 <= day <= 31:
        return None
    rule_name = "dates:paired_month" if len(months) > 1 else ("dates:ordinal_day" if m.group("ord") else "dates:day_month")
    if m.group("year"):
        y = int(m.group("year"))
        value = _iso(date(y, month, day)) if _valid(y, month, day) else None
        if value is None:
            return None
        return m.start(), m.end(), "DATE", value, None, rule_name + "_year"
    if not _valid(2000, month, day):
        return None
    if m.group("yp"):
        return m.start(), m.end(), "DATE", _year_phrase(ctx, m, f"-{month:02d}-{day:02d}"), None, \
            rule_name + "_year_phrase"
    return m.start(), m.end(), "DATE", _resolve_md(ctx, month, day, m.group("rel"), m.start(), m.end()), None, rule_name


@rule("dates:month_year", rf"(?:{MODW}\s+)?(?:شهر\s+)?{MONP}\s+(?:(?:من\s+)?(?:{YEAR_WORD}\s+)?{YEAR}|(?:من\s+)?{YP}|{REL})",
      anchor="month")
def _month_year(m, ctx):
    month = _months_in(m.group("mon"))[0]
    if m.group("yp"):
        return m.start(), m.end(), "DATE", _year_phrase(ctx, m, f"-{month:02d}"), _mod(m), "dates:month_year_phrase"
    if m.group("year"):
        return m.start(), m.end(), "DATE", f"{int(m.group('year')):04d}-{month:02d}", _mod(m), "dates:month_year"
    return m.start(), m.end(), "DATE", _resolve_md(ctx, month, None, m.group("rel"), m.start(), m.end()), _mod(m), \
        "dates:month_rel"


@rule("dates:month_bare", rf"(?:(?P<trig>في|منذ|خلال|حتى|حتي|بحلول|الى)\s+|{MODW}\s+|(?=شهر\s))"
      rf"(?P<body>(?:شهر\s+)?{MONP})(?!\s*\d)", anchor="month")
def _month_bare(m, ctx):
    text = m.group("body")
    months = _months_in(m.group("mon"))
    if len(months) == 1 and "شهر" not in text:
        name = re.sub(r"\s+", " ", re.match(MON, m.group("mon")).group(0)).lower()
        if name == "اب":
            s, _ = ctx.f.span(m.start("mon"), m.end("mon"))
            if ctx.f.original[s] != "آ":
                return None  # أب/اب alone is "father"; the month is written آب
    start = m.start("body") if m.group("trig") else m.start()
    return start, m.end(), "DATE", _resolve_md(ctx, months[0], None, None, start, m.end()), _mod(m), \
        "dates:month_bare"


@rule("dates:numeric_dmy", r"(?P<d>(?<![\d/.-])\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/.-]\d)", anchor="digits")
def _numeric_dmy(m, ctx):
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not _valid(y, mo, d):
        return None
    return m.start(), m.end(), "DATE", _iso(date(y, mo, d)), None, "dates:numeric"


@rule("dates:numeric_ymd", r"(?P<y>(?<![\d/.-])\d{4})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/.-]?\d)", anchor="digits")
def _numeric_ymd(m, ctx):
    d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not _valid(y, mo, d):
        return None
    return m.start(), m.end(), "DATE", _iso(date(y, mo, d)), None, "dates:numeric"


@rule("dates:year", rf"(?:{MODW}\s+(?:(?P<yw>{YEAR_WORD})\s+)?|(?P<yw2>{YEAR_WORD})\s+){YEAR}"
      rf"|(?P<trig>في|منذ|حتى|حتي|قبل|بعد|خلال|بحلول|الى)\s(?P<y2>\d{{4}})(?!\d)(?:\s*(?:م|ميلادي)(?!\w))?", anchor="digits")
def _year(m, ctx):
    y = int(m.group("year") or m.group("y2"))
    if not (1900 <= y <= 2100 if m.group("y2") else 1000 <= y <= 2199):
        return None
    start = m.start("y2") if m.group("y2") else m.start()
    return start, m.end(), "DATE", str(y), _mod(m), "dates:year"


@rule("dates:year_pair", rf"(?:(?:بين|من)\s+)?(?P<yw>عامي|سنتي|العامين|عام|العام|سنه|السنه)?\s*(?P<a>(?<!\d)\d{{4}})(?!\d)\s+"
      rf"(?:و|الى|حتى|حتي)\s*(?:(?:عام|سنه)\s+)?(?P<b>\d{{4}})(?!\d)", anchor="digits")
def _year_pair(m, ctx):
    a, b = int(m.group("a")), int(m.group("b"))
    text = m.group(0)
    if not (1900 <= a <= 2100 and 1900 <= b <= 2100) or not (m.group("yw") or text.startswith(("بين", "من"))):
        return None
    first_start = m.start("yw") if m.group("yw") else m.start("a")
    second_start = m.start("b")
    tail = ctx.folded[m.end("a"):m.start("b")]
    w = re.search(r"(?:عام|سنه)\s+$", tail)
    if w:
        second_start = m.end("a") + w.start()
    return [(first_start, m.end("a"), "DATE", str(a), None, "dates:year_pair"),
            (second_start, m.end("b"), "DATE", str(b), None, "dates:year_pair")]


@rule("dates:decade", rf"(?P<dec>{_alt(_DECADES)}){E}(?:\s+(?:من\s+)?القرن\s+(?P<c>الماضي|العشرين|الحادي\s+والعشرين|الحالي))?")
def _decade(m, ctx):
    n = _DECADES[m.group("dec")]
    c = m.group("c")
    century = 20 if c and "الحادي" in c or c == "الحالي" else 19
    if not c and n in (2, 3, 4):
        return None  # العشرينيات alone could be either century
    return m.start(), m.end(), "DATE", f"{century}{n}", None, "dates:decade"


@rule("dates:hijri", rf"(?:(?P<hday>\d{{1,2}})\s+(?:من\s+)?|(?P<hfirst>{FIRST})|(?P<hlast>سلخ)\s+|{MODW}\s+(?:من\s+)?)?"
      rf"(?:شهر\s+)?{HMON}(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+)?"
      rf"(?P<hy>\d{{3,4}})(?!\d)(?:\s*(?P<era>ه|هجري|هجريه|للهجره)(?!\w))?|\s+{REL})?", anchor="hmonth")
def _hijri(m, ctx):
    from hijridate import Gregorian, Hijri

    hm = _HMONTH_OF[re.sub(r"\s+", " ", m.group("hmon"))]
    day = int(m.group("hday")) if m.group("hday") else 1 if m.group("hfirst") else None
    last = bool(m.group("hlast"))
    hy = int(m.group("hy")) if m.group("hy") else None
    text = m.group(0)
    rel = m.group("rel")
    if hy is None and day is None and not last and not text.startswith("شهر") and not rel and not m.group("modw"):
        return None
    if hy is not None and not m.group("era") and not 1300 <= hy <= 1500:
        return None
    if day is not None and not 1 <= day <= 30:
        return None
    if hy is None:
        if ctx.dct is None:
            return m.start(), m.end(), "DATE", None, None, "dates:hijri"
        # The occurrence of this month nearest the document date.
        hy0 = Gregorian(ctx.dct.year, ctx.dct.month, ctx.dct.day).to_hijri().year
        best = None
        for y in (hy0 - 1, hy0, hy0 + 1):
            try:
                g = Hijri(y, hm, day or 15).to_gregorian()
                g1 = Hijri(y, hm, 1).to_gregorian()
                g29 = Hijri(y, hm, 29).to_gregorian()
            except (ValueError, OverflowError):
                continue
            gd = date(g.year, g.month, g.day)
            if rel in _PAST and date(g29.year, g29.month, g29.day) >= ctx.dct:
                continue  # "رمضان الماضي": one that is over
            if rel in _NEXT and date(g1.year, g1.month, g1.day) <= ctx.dct:
                continue
            if best is None or abs((gd - ctx.dct).days) < abs((best[0] - ctx.dct).days):
                best = gd, y
        if best is None:
            return None
        hy = best[1]
    mod = _mod(m)
    if day is None and not last and mod in _PART_DAY:
        # "أواخر شعبان 1445" is 2-10 March 2024: the month of the first day with END would
        # say late February. The part's middle day gives the Gregorian month, and where it
        # falls in that month gives the mod.
        try:
            g = Hijri(hy, hm, _PART_DAY[mod]).to_gregorian()
        except (ValueError, OverflowError):
            return m.start(), m.end(), "DATE", None, mod, "dates:hijri"
        part = "START" if g.day <= 10 else "MID" if g.day <= 20 else "END"
        return m.start(), m.end(), "DATE", f"{g.year:04d}-{g.month:02d}", part, "dates:hijri"
    value = _hijri_value(hy, hm, day, last)
    return m.start(), m.end(), "DATE", value, mod, "dates:hijri"


_PART_DAY = {"START": 5, "MID": 15, "END": 25}  # the middle day of a Hijri month's first, middle, last ten


def _hijri_value(hy: int, hm: int, day: int | None, last: bool) -> str | None:
    """A Hijri day as its Gregorian day; a Hijri month as the Gregorian month of its first day (a
    Hijri month straddles two Gregorian ones, and TIMEX3 has no value for such a range)."""
    from hijridate import Hijri

    try:
        if last:
            for d in (30, 29):
                try:
                    g = Hijri(hy, hm, d).to_gregorian()
                    break
                except ValueError:
                    continue
            else:
                return None
            return _iso(date(g.year, g.month, g.day))
        g = Hijri(hy, hm, day or 1).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _iso(date(g.year, g.month, g.day)) if day else f"{g.year:04d}-{g.month:02d}"


_DAYREF = {"اليوم": 0, "الليله": 0, "امس": -1, "الامس": -1, "البارحه": -1, "اول من امس": -2, "اول امس": -2,
           "امس الاول": -2, "غدا": 1, "الغد": 1, "غد": 1, "بعد غد": 2}


@rule("dates:day_ref", rf"(?:{PART}\s+)?(?:يوم\s+)?(?P<ref>{_alt(_DAYREF)}){E}"
      rf"(?!\s+(?:التالي|الاول|الثاني|الثالث|العالمي|الوطني|الدولي|السابق|الذي|الموعود))"
      rf"(?:\s*(?P<wdp>\(\s*(?:يوم\s+)?{WD}\s*\))|\s*[،,]?\s*(?P<wd>(?:يوم\s+)?{WD}))?", anchor="dayref")
def _day_ref(m, ctx):
    ref = re.sub(r"\s+", " ", m.group("ref"))
    part = m.group("part")
    if ref == "غد" and not (part or m.group(0).startswith("يوم")):
        return None
    offset = _DAYREF[ref]
    if ref == "الليله":
        part = part or "ليله"
    end = m.end()
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return m.start(), end, kind, None, None, "dates:day_ref"
    d = ctx.dct + timedelta(days=offset)
    value = _iso(d) + ("T" + _PARTS[" ".join(part.split())] if part else "")
    return m.start(), end, kind, value, None, "dates:day_ref"


@rule("dates:weekday", rf"(?:(?P<part>{_alt(_PARTS)}){E}\s+|(?P<yom>يوم)\s+)?(?P<wdw>{WD})(?:\s+{REL})?", anchor="weekday")
def _weekday(m, ctx):
    wdw = m.group("wdw")
    rel = m.group("rel")
    if rel in _THIS:
        return None
    if wdw == "الاثنين" and not (m.group("part") or m.group("yom") or rel):
        # الاثنين is also "the two": accept it alone only beside a date word.
        before = ctx.folded[max(0, m.start() - 12):m.start()]
        after = ctx.folded[m.end():m.end() + 6]
        if not (re.search(r"(?:اليوم|امس|\()\s*$", before) or re.match(r"\s*\)", after)):
            return None
    part = m.group("part")
    kind = "TIME" if part else "DATE"
    d = _weekday_date(ctx, _WEEKDAYS[wdw], rel, m.start(), m.end())
    if d is None:
        return m.start(), m.end(), kind, None, None, "dates:weekday"
    value = _iso(d) + ("T" + _PARTS[" ".join(part.split())] if part else "")
    return m.start(), m.end(), kind, value, None, "dates:weekday"


_UNIT_NAMES = {"الاسبوع": "W", "الشهر": "M", "العام": "Y", "السنه": "Y"}


@rule("dates:relative_period", rf"(?:(?P<first>{FIRST})|{MODW}\s+)?(?:(?P<this>هذا|هذه)\s+)?"
      rf"(?P<u>الاسبوع|الشهر|العام|السنه)(?:\s+{REL}|\s+(?P<ana>{_alt(_SAME | _ANA_NEXT)}){E})?"
      rf"(?:\s+(?P<year>\d{{4}})(?!\d))?", anchor="period")
def _relative_period(m, ctx):
    rel = m.group("rel")
    first = bool(m.group("first"))
    if not rel and not m.group("this") and not m.group("modw") and not m.group("ana") and not first:
        return None
    if m.group("ana"):
        if m.group("u") not in ("العام", "السنه") or first:
            return None  # "الشهر نفسه": which month is not written
        ana = m.group("ana")
        step = 0 if ana in _SAME else 1
        fallback = f"{ctx.dct.year + step:04d}" if ctx.dct and step else ""
        return m.start(), m.end("ana"), "DATE", f"{_ANAPHOR}{step}||{fallback}", _mod(m), "dates:relative_period"
    if m.group("year") and m.group("u") in ("العام", "السنه") and (rel in _THIS or m.group("this") or not rel):
        return m.start(), m.end(), "DATE", m.group("year"), _mod(m), "dates:relative_period"
    end = m.end() if not m.group("year") else m.end("rel") if rel else m.end("u")
    unit = _UNIT_NAMES[m.group("u")]
    step = -1 if rel in _PAST else 1 if rel in _NEXT else 0
    if unit == "Y" and rel in ("السابق", "السابقه") and not m.group("modw"):
        # "مقارنة بالعام السابق": the year before the one the text is about, dct's when none is written
        fallback = f"{ctx.dct.year - 1:04d}" if ctx.dct else ""
        return m.start(), end, "DATE", f"{_ANAPHOR}-1||{fallback}", None, "dates:relative_period"
    mod = _mod(m) or ("START" if first and unit == "W" else None)
    if ctx.dct is None:
        return m.start(), end, "DATE", None, mod, "dates:relative_period"
    d = ctx.dct
    if unit == "W":
        value = _week(d + timedelta(weeks=step))
    elif unit == "M":
        y, mo = _add_months(d.year, d.month, step)
        value = f"{y:04d}-{mo:02d}" + ("-01" if first else "")  # "فاتح الشهر المقبل": its first day
    else:
        value = f"{d.year + step:04d}" + ("-01-01" if first else "")
    return m.start(), end, "DATE", value, mod, "dates:relative_period"


_PART_OF_YEAR = {"الربع": "Q", "النصف": "H", "الثلاثي": "Q", "السداسي": "H"}  # الثلاثي: Maghrebi "quarter"
_NTH = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 0}


@rule("dates:quarter", rf"(?P<p>الربع|النصف|الثلاثي|السداسي)\s+(?P<n>الاول|الثاني|الثالث|الرابع|الاخير){E}\s+(?:من\s+)?"
      rf"(?:(?:{YEAR_WORD}\s+)?(?P<year>\d{{4}})(?!\d)|(?:العام|السنه)(?:\s+{REL})?(?:\s+(?P<y2>\d{{4}})(?!\d))?)")
def _quarter(m, ctx):
    kind = _PART_OF_YEAR[m.group("p")]
    n = _NTH[m.group("n")]
    top = 4 if kind == "Q" else 2
    if n == 0:
        n = top
    if n > top:
        return None
    y = m.group("year") or m.group("y2")
    if y:
        year = int(y)
    elif ctx.dct is None:
        return m.start(), m.end(), "DATE", None, None, "dates:quarter"
    else:
        rel = m.group("rel")
        year = ctx.dct.year + (-1 if rel in _PAST else 1 if rel in _NEXT else 0)
    return m.start(), m.end(), "DATE", f"{year:04d}-{kind}{n}", None, "dates:quarter"


@rule("dates:week_of_month", rf"الاسبوع\s+(?P<n>الاول|الثاني|الثالث|الرابع|الاخير){E}\s+من\s+(?:شهر\s+)?{MONP}"
      rf"(?:\s+(?:{YEAR_WORD}\s+)?{YEAR}|\s+(?:من\s+)?{YP}|\s+{REL})?", anchor="month")
def _week_of_month(m, ctx):
    month = _months_in(m.group("mon"))[0]
    n = _NTH[m.group("n")]
    if m.group("yp"):
        v = _year_phrase(ctx, m, "")
        if v is None or v.startswith(_ANAPHOR):
            return m.start(), m.end(), "DATE", None, None, "dates:week_of_month"
        y = int(v)
    elif m.group("year"):
        y = int(m.group("year"))
    else:
        v = _resolve_md(ctx, month, None, m.group("rel"), m.start(), m.end())
        if v is None or v.startswith("X"):
            return m.start(), m.end(), "DATE", None, None, "dates:week_of_month"
        y = int(v[:4])
    if n == 0:
        nxt = date(*_add_months(y, month, 1), 1)
        d = nxt - timedelta(days=4)
    else:
        d = date(y, month, 1) + timedelta(days=3 + 7 * (n - 1))
    return m.start(), m.end(), "DATE", _week(d), None, "dates:week_of_month"


@rule("dates:ago", rf"(?P<w>قبل|منذ){E}\s+(?:(?P<num>\d{{1,3}}|{_alt(_NUM_WORDS)})\s+)?{UNIT}(?!\s+من\s)", anchor="ago")
def _ago(m, ctx):
    u = _UNITS[m.group("unit")]
    n = 2 if u.endswith("2") else None
    u = u[0]
    num = m.group("num")
    if num:
        n = int(num) if num.isdigit() else _NUM_WORDS.get(num)
        if n is None:
            return m.start(), m.end(), "DATE", "PAST_REF", None, "dates:ago"
    if n is None:
        if m.group("unit") in ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "سنين", "اعوام", "ساعات", "دقائق"):
            return m.start(), m.end(), "DATE", "PAST_REF", None, "dates:ago"
        return None  # قبل يوم / منذ شهر alone: too often not a date
    if ctx.dct is None:
        return m.start(), m.end(), "DATE", None, None, "dates:ago"
    d = ctx.dct
    if u == "D":
        value = _iso(d - timedelta(days=n))
    elif u == "W":
        value = _week(d - timedelta(weeks=n))
    elif u == "M":
        y, mo = _add_months(d.year, d.month, -n)
        value = f"{y:04d}-{mo:02d}"
    elif u == "Y":
        value = f"{d.year - n:04d}"
    else:
        return m.start(), m.end(), "DATE", "PAST_REF", None, "dates:ago"
    return m.start(), m.end(), "DATE", value, None, "dates:ago"


@rule("dates:duration", rf"(?:(?P<num>\d{{1,4}}|{_alt(_NUM_WORDS)})\s+{UNIT}|(?P<dual>يومين|اسبوعين|شهرين|عامين|سنتين|ساعتين|دقيقتين){E})", anchor="unit")
def _duration(m, ctx):
    if m.group("dual"):
        u = _UNITS[m.group("dual")][0]
        n = 2
    else:
        u = _UNITS[m.group("unit")]
        if u.endswith("2"):
            return None  # "3 يومين" is not a phrase
        num = m.group("num")
        n = int(num) if num.isdigit() else _NUM_WORDS.get(num)
        if num.isdigit() and len(num) == 4 and u == "Y":
            return None  # "2014 عام" is not a duration
    n_s = "X" if n is None else str(n)
    if u in ("H", "m"):
        if n is None:
            return None
        value = f"PT{n_s}{'H' if u == 'H' else 'M'}"
    else:
        value = f"P{n_s}{u}"
    return m.start(), m.end(), "DURATION", value, None, "dates:duration"


@rule("dates:vague_period", r"(?P<u>الايام|الاسابيع|الاشهر|الشهور|السنوات|الاعوام|الساعات)\s+(?P<r>المقبله|القادمه|الماضيه|الاخيره|المنصرمه|الفائته)(?!\w)", anchor="unit")
def _vague(m, ctx):
    value = "FUTURE_REF" if m.group("r") in ("المقبله", "القادمه") else "PAST_REF"
    return m.start(), m.end(), "DATE", value, None, "dates:vague_period"


_SET_UNITS = {"يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "يوم": "P1D", "اسبوع": "P1W",
              "شهر": "P1M", "عام": "P1Y", "سنه": "P1Y"}


@rule("dates:set", rf"(?:(?P<adv>يوميا|اسبوعيا|شهريا|سنويا)|كل\s+(?:(?P<u>يوم|اسبوع|شهر|عام|سنه)|(?:يوم\s+)?(?P<wd>"
      rf"{_alt(['جمعه', 'سبت', 'احد', 'اثنين', 'ثلاثاء', 'اربعاء', 'خميس', 'الجمعه', 'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس'])})))(?!\w)")
def _set(m, ctx):
    if m.group("wd"):
        w = m.group("wd")
        n = _WEEKDAYS.get(w if w.startswith("ال") else "ال" + w)
        return m.start(), m.end(), "SET", f"XXXX-WXX-{n + 1}", None, "dates:set"
    return m.start(), m.end(), "SET", _SET_UNITS[m.group("adv") or m.group("u")], None, "dates:set"


_HOURS_WORDS = {"الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6, "السابعه": 7,
                "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه عشره": 11, "الثانيه عشره": 12}


@rule("dates:clock", rf"الساعه\s+(?:(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?|(?P<hw>{_alt(_HOURS_WORDS)}))(?!\w)"
      rf"(?:\s+(?:و\s*(?P<half>النصف|الربع))?)?(?:\s*(?P<ap>صباحا|مساء|ليلا|عصرا|ظهرا|فجرا)(?!\w))?")
def _clock(m, ctx):
    h = int(m.group("h")) if m.group("h") else _HOURS_WORDS[re.sub(r"\s+", " ", m.group("hw"))]
    mi = int(m.group("mi")) if m.group("mi") else {"النصف": 30, "الربع": 15}.get(m.group("half") or "", 0)
    ap = m.group("ap")
    if (ap in ("مساء", "ليلا", "عصرا") and h < 12) or (ap == "ظهرا" and h < 6):
        h += 12
    if h > 24 or mi > 59:
        return None
    end = m.end()
    if not ap and not m.group("half"):
        end = m.end("mi") if m.group("mi") else m.end("h") if m.group("h") else m.end("hw")
    if ctx.dct is None:
        return m.start(), end, "TIME", None, None, "dates:clock"
    return m.start(), end, "TIME", f"{ctx.dct.isoformat()}T{h:02d}:{mi:02d}", None, "dates:clock"


# ----- driver ------------------------------------------------------------------------------------
def _parse_dct(dct) -> date | None:
    if dct is None or isinstance(dct, date):
        return dct
    from annotator.core.dates_iso import check_dct

    return check_dct(dct)


def find_dates(text: str, dct: date | str | None = None, folded: Folded | None = None) -> list[DateMatch]:
    """Dates, times, durations and sets in text, longest match first, sorted by start."""
    f = folded or Folded(text)
    ctx = _Ctx(f.text, _parse_dct(dct), f)
    cands: list[tuple[int, int, int, tuple]] = []
    windows: dict[str, list[tuple[int, int]]] = {}
    for prio, (name, rx, handler, anchor) in enumerate(_RULES):
        if anchor is None:
            spans = [(0, len(f.text))]
        else:
            if anchor not in windows:
                windows[anchor] = _windows(f.text, anchor)
            spans = windows[anchor]
        for m in (m for a, b in spans for m in _matches(rx, f.text, a, b)):
            got = handler(m, ctx)
            if not got:
                continue
            for c in got if isinstance(got, list) else [got]:
                s, e = c[0], c[1]
                while e > s and f.text[e - 1].isspace():
                    e -= 1
                if e > s:
                    cands.append((s, e, prio, c))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = Disjoint()
    out: list[DateMatch] = []
    for s, e, _, c in cands:
        if taken.overlaps(s, e):
            continue
        taken.add(s, e)
        os_, oe = f.span(s, e)
        out.append(DateMatch(os_, oe, c[2], c[3], c[4], c[5]))
    out.sort(key=lambda d: d.start)
    # Pairs found by one rule (year_pair) must not swallow each other; overlaps were resolved above.
    return _resolve_anaphora(out)


_NO_ANCHOR = ("dates:day_ref", "dates:weekday", "dates:clock", "dates:ago")


def _resolve_anaphora(out: list[DateMatch]) -> list[DateMatch]:
    """"من العام نفسه": the year of the last date before it that names one (not أمس or a weekday)."""
    year = None
    res = []
    for d in out:
        v = d.value
        if v and v.startswith(_ANAPHOR):
            step, rest, fallback = v[1:].split("|")
            if year is not None:
                v = f"{year + int(step):04d}{rest}"
            else:
                v = fallback or None
            d = DateMatch(d.start, d.end, d.type, v, d.mod, d.rule)
        if d.type == "DATE" and v and re.match(r"\d{4}(?:-|$)", v) \
                and d.rule not in _NO_ANCHOR:
            year = int(v[:4])
        res.append(d)
    return res
