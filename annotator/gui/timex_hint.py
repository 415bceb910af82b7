"""A plain-language reading of a TIMEX3 value ("2021-12-09" -> "9 December 2021"), in the
UI's language, so an annotator sees at once whether the value says what they meant."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def _unit(code: str, n: str) -> str:
    names = {
        "Y": QCoreApplication.translate("Timex", "%1 year(s)"), "M": QCoreApplication.translate("Timex", "%1 month(s)"), "W": QCoreApplication.translate("Timex", "%1 week(s)"),
        "D": QCoreApplication.translate("Timex", "%1 day(s)"), "H": QCoreApplication.translate("Timex", "%1 hour(s)"), "TM": QCoreApplication.translate("Timex", "%1 minute(s)"),
        "S": QCoreApplication.translate("Timex", "%1 second(s)"),
    }
    return names[code].replace("%1", n)


def describe(value: str, locale: QLocale | None = None) -> str:
    """A short description of a valid TIMEX3 value; '' when there is nothing to say."""
    loc = locale or QLocale()
    v = value.strip()
    if not v:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(.+))?", v)
    if m:
        d = QDate(int(m[1]), int(m[2]), int(m[3]))
        if not d.isValid():
            return QCoreApplication.translate("Timex", "not a real calendar day")
        text = loc.toString(d, "dddd d MMMM yyyy")
        part = {"MO": QCoreApplication.translate("Timex", "morning"), "AF": QCoreApplication.translate("Timex", "afternoon"), "EV": QCoreApplication.translate("Timex", "evening"),
                "NI": QCoreApplication.translate("Timex", "night")}.get(m[4] or "")
        if part:
            text += " — " + part
        elif m[4]:
            text += " " + m[4]
        return text
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if m:
        if not 1 <= int(m[2]) <= 12:
            return QCoreApplication.translate("Timex", "there is no month %1").replace("%1", m[2])
        return f"{loc.standaloneMonthName(int(m[2]))} {m[1]}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if m:
        return QCoreApplication.translate("Timex", "week %1 of %2").replace("%1", str(int(m[2]))).replace("%2", m[1])
    m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if m:
        return QCoreApplication.translate("Timex", "quarter %1 of %2").replace("%1", m[2]).replace("%2", m[1])
    m = re.fullmatch(r"(\d{4})-H([12])", v)
    if m:
        return QCoreApplication.translate("Timex", "half %1 of %2").replace("%1", m[2]).replace("%2", m[1])
    if re.fullmatch(r"\d{4}", v):
        return QCoreApplication.translate("Timex", "the year %1").replace("%1", v)
    if re.fullmatch(r"\d{3}", v):
        return QCoreApplication.translate("Timex", "the decade %1").replace("%1", v + "0s")
    if re.fullmatch(r"\d{2}", v):
        return QCoreApplication.translate("Timex", "the century %1").replace("%1", v + "00s")
    m = re.fullmatch(r"P(T?)(.+)", v)
    if m:
        parts = re.findall(r"(\d+(?:\.\d+)?|X)([YMWDHS])", m[2])
        if parts:
            words = [_unit(("T" + u if m[1] and u == "M" else u), n if n != "X" else "?") for n, u in parts]
            return QCoreApplication.translate("Timex", "a duration of %1").replace("%1", ", ".join(words))
    refs = {"PRESENT_REF": QCoreApplication.translate("Timex", "now (the present)"), "PAST_REF": QCoreApplication.translate("Timex", "some time in the past"),
            "FUTURE_REF": QCoreApplication.translate("Timex", "some time in the future")}
    if v in refs:
        return refs[v]
    if v.startswith("XXXX"):
        return QCoreApplication.translate("Timex", "a date without a year")
    return ""
