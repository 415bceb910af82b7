"""A plain-language reading of a TIMEX3 value ("2021-12-09" -> "9 December 2021"), in the
UI's language, so an annotator sees at once whether the value says what they meant."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def _unit(code: str, n: str) -> str:
    tr = QCoreApplication.translate
    names = {
        "Y": tr("Timex", "%1 year(s)"), "M": tr("Timex", "%1 month(s)"), "W": tr("Timex", "%1 week(s)"),
        "D": tr("Timex", "%1 day(s)"), "H": tr("Timex", "%1 hour(s)"), "TM": tr("Timex", "%1 minute(s)"),
        "S": tr("Timex", "%1 second(s)"),
    }
    return names[code].replace("%1", n)


def describe(value: str, locale: QLocale | None = None) -> str:
    """A short description of a valid TIMEX3 value; '' when there is nothing to say."""
    tr = QCoreApplication.translate
    loc = locale or QLocale()
    v = value.strip()
    if not v:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(.+))?", v)
    if m:
        d = QDate(int(m[1]), int(m[2]), int(m[3]))
        if not d.isValid():
            return tr("Timex", "not a real calendar day")
        text = loc.toString(d, "dddd d MMMM yyyy")
        part = {"MO": tr("Timex", "morning"), "AF": tr("Timex", "afternoon"), "EV": tr("Timex", "evening"),
                "NI": tr("Timex", "night")}.get(m[4] or "")
        if part:
            text += " — " + part
        elif m[4]:
            text += " " + m[4]
        return text
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m:
        if not 1 <= int(m[2]) <= 12:
            return tr("Timex", "there is no month %1").replace("%1", m[2])
        return f"{loc.standaloneMonthName(int(m[2]))} {m[1]}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if m:
        return tr("Timex", "week %1 of %2").replace("%1", str(int(m[2]))).replace("%2", m[1])
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        return tr("Timex", "quarter %1 of %2").replace("%1", m[2]).replace("%2", m[1])
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        return tr("Timex", "half %1 of %2").replace("%1", m[2]).replace("%2", m[1])
    if re.fullmatch(r"\d{4}", v):
        return tr("Timex", "the year %1").replace("%1", v)
    if re.fullmatch(r"\d{3}", v):
        return tr("Timex", "the decade %1").replace("%1", v + "0s")
    if re.fullmatch(r"\d{2}", v):
        return tr("Timex", "the century %1").replace("%1", v + "00s")
    m = re.fullmatch(r"P(T?)(.+)", v)
    if m:
        parts = re.findall(r"(\d+(?:\.\d+)?|X)([YMWDHS])", m[2])
        if parts:
            words = [_unit(("T" + u if m[1] and u == "M" else u), n if n != "X" else "?") for n, u in parts]
            return tr("Timex", "a duration of %1").replace("%1", ", ".join(words))
    refs = {"PRESENT_REF": tr("Timex", "now (the present)"), "PAST_REF": tr("Timex", "some time in the past"),
            "FUTURE_REF": tr("Timex", "some time in the future")}
    if v in refs:
        return refs[v]
    if v.startswith("XXXX"):
        return tr("Timex", "a date without a year")
    return ""
