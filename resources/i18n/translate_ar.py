"""Arabic translations of the UI, written for annotator, and the step that puts them into
annotator_ar.ts (made by pyside6-lupdate) before pyside6-lrelease compiles the .qm.

    pyside6-lupdate annotator/gui/*.py -ts resources/i18n/annotator_ar.ts -target-language ar
    python resources/i18n/translate_ar.py
    pyside6-lrelease resources/i18n/annotator_ar.ts -qm resources/i18n/annotator_ar.qm
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

AR = {
    # --- annotating -------------------------------------------------------------------
    "The project is read-only: nothing was changed.": "المشروع للقراءة فقط: لم يُغيَّر شيء.",
    "Nothing to annotate in the selection (only spaces or punctuation).": "لا شيء يُوسَم في التحديد (مسافات أو علامات ترقيم فقط).",
    "That text already has this label.": "هذا النص يحمل هذا الوسم من قبل.",
    "Select some text first, or click a span to relabel it.": "حدّد نصاً أولاً، أو انقر مقطعاً لتغيير وسمه.",
    "Relabel as %1": "تغيير الوسم إلى %1",
    "No span selected.": "لا مقطع محدداً.",
    "Accept suggestion": "قبول الاقتراح",
    "Reject suggestion": "رفض الاقتراح",
    "Select a suggested span to accept it.": "حدّد مقطعاً مقترحاً لقبوله.",
    "Select a suggested span to reject it.": "حدّد مقطعاً مقترحاً لرفضه.",
    "No %1 suggestions in this document.": "لا اقتراحات %1 في هذه الوثيقة.",
    "Accept all %1 suggestions": "قبول كل اقتراحات %1",
    "Accepted %1 suggestions.": "قُبل %1 من الاقتراحات.",
    "Select a span to move its edges.": "حدّد مقطعاً لتحريك حدوده.",
    "Move span edge": "تحريك حدّ المقطع",
    "Mark done": "تعليم كمنجزة",
    "Mark in progress": "تعليم كقيد الإنجاز",
    "Mark to do": "تعليم كغير منجزة",
    "That was the last document in the list.": "كانت هذه آخر وثيقة في القائمة.",
    "Select a quote first, then press the link key.": "حدّد اقتباساً أولاً، ثم اضغط مفتاح الربط.",
    "A %1 span cannot take a %2 link.": "لا يقبل مقطع %1 رابطاً من نوع %2.",
    "No %1 span to link in this document: mark it first.": "لا مقطع %1 للربط في هذه الوثيقة: وسِمه أولاً.",
    "Link %1: press a number, Enter for the nearest, or click a span; Esc cancels.":
        "ربط %1: اضغط رقماً، أو Enter للأقرب، أو انقر مقطعاً؛ Esc للإلغاء.",
    "That span cannot be linked here; pick one of the numbered spans.": "لا يمكن ربط هذا المقطع هنا؛ اختر أحد المقاطع المرقّمة.",
    # --- undo commands ----------------------------------------------------------------
    "Add %1 span": "إضافة مقطع %1",
    "Delete span": "حذف المقطع",
    "Set %1": "تعيين %1",
    "Link %1": "ربط %1",
    "Remove link": "إزالة الرابط",
    "Set document %1": "تعيين %1 للوثيقة",
    # --- document list ------------------------------------------------------------------
    "To do": "غير منجزة",
    "In progress": "قيد الإنجاز",
    "Done": "منجزة",
    "ID": "المعرّف",
    "Title": "العنوان",
    "Status": "الحالة",
    "Spans": "المقاطع",
    "Filter by text, id or title…": "تصفية بالنص أو المعرّف أو العنوان…",
    "All": "الكل",
    "Status filter": "تصفية بالحالة",
    "%1 of %2 done": "أُنجز %1 من %2",
    "%1 shown": "المعروض %1",
    # --- find bar -----------------------------------------------------------------------
    "Find in document": "بحث في الوثيقة",
    "Ignore harakat and letter forms": "تجاهل الحركات وأشكال الحروف",
    "Arabic-aware: ignore harakat and tatweel; أ إ آ match ا, ى matches ي, ة matches ه":
        "بحث يراعي العربية: تُتجاهل الحركات والتطويل؛ أ إ آ تطابق ا، وى تطابق ي، وة تطابق ه",
    "Match case": "مطابقة حالة الأحرف",
    "Previous": "السابق",
    "Previous match (Shift+F3)": "المطابقة السابقة (Shift+F3)",
    "Next": "التالي",
    "Next match (F3 or Enter)": "المطابقة التالية (F3 أو Enter)",
    "Close (Escape)": "إغلاق (Escape)",
    "No matches": "لا مطابقات",
    "{0} matches": "{0} مطابقة",
    "{0} of {1}": "{0} من {1}",
    # --- inspector ------------------------------------------------------------------------
    "Selected span": "المقطع المحدد",
    "Accept": "قبول",
    "Reject": "رفض",
    "Label:": "الوسم:",
    "Text:": "النص:",
    "Status:": "الحالة:",
    "Annotator:": "الموسِّم:",
    "Times:": "الأوقات:",
    "Attributes": "الخصائص",
    "Links": "الروابط",
    "Span to link": "المقطع المراد ربطه",
    "Link": "ربط",
    "No span selected. Select text and press a label key, or click a span.":
        "لا مقطع محدداً. حدّد نصاً واضغط مفتاح وسم، أو انقر مقطعاً.",
    "Document": "الوثيقة",
    "ID:": "المعرّف:",
    "Title:": "العنوان:",
    "Date (dct):": "تاريخ الوثيقة (dct):",
    "Other:": "أخرى:",
    "created %1": "أُنشئ %1",
    "modified %1": "عُدّل %1",
    "by %1": "بواسطة %1",
    "Not a valid value: %1": "قيمة غير صالحة: %1",
    "Not a date like 2021-12-09": "ليس تاريخاً بصيغة 2021-12-09",
    "The date the document was written: relative dates are read from it.":
        "تاريخ كتابة الوثيقة: تُحسب منه التواريخ النسبية.",
    # --- palette --------------------------------------------------------------------------
    "Labels": "الوسوم",
    "Key: %1 (Alt+%1: exact characters)": "المفتاح: %1 (Alt+%1: أحرف بالضبط)",
    # --- main window ----------------------------------------------------------------------
    "This document contains bidi control characters: the displayed order may differ from the stored text":
        "تحتوي هذه الوثيقة على محارف تحكم باتجاه النص: قد يختلف الترتيب المعروض عن النص المخزَّن",
    "Project in use": "المشروع قيد الاستخدام",
    "Open it read-only?": "هل تفتحه للقراءة فقط؟",
    "No project is open. Use File › Open, File › New, or open the sample project.":
        "لا مشروع مفتوحاً. استخدم ملف › فتح، أو ملف › مشروع جديد، أو افتح مشروع المثال.",
    "&File": "&ملف",
    "New project…": "مشروع جديد…",
    "Open…": "فتح…",
    "Open recent": "فتح مشروع حديث",
    "Open the sample project": "فتح مشروع المثال",
    "Import documents…": "استيراد وثائق…",
    "Export…": "تصدير…",
    "Close project": "إغلاق المشروع",
    "Settings…": "الإعدادات…",
    "Quit": "خروج",
    "&Edit": "&تحرير",
    "Undo": "تراجع",
    "Redo": "إعادة",
    "Find…": "بحث…",
    "Find next": "البحث عن التالي",
    "Find previous": "البحث عن السابق",
    "&Annotate": "&توسيم",
    "&Document": "&وثيقة",
    "Next document": "الوثيقة التالية",
    "Previous document": "الوثيقة السابقة",
    "Mark done and go to next": "تعليم كمنجزة والانتقال إلى التالية",
    "Filter documents": "تصفية الوثائق",
    "&View": "&عرض",
    "Zoom in": "تكبير",
    "Zoom out": "تصغير",
    "Reset text size": "إعادة حجم النص",
    "Show invisible characters": "إظهار المحارف غير المرئية",
    "Next pane": "اللوحة التالية",
    "Previous pane": "اللوحة السابقة",
    "&Tools": "&أدوات",
    "Accept all suggestions of label": "قبول كل اقتراحات الوسم",
    "&Help": "&مساعدة",
    "Keyboard shortcuts": "اختصارات لوحة المفاتيح",
    "About annotator": "عن annotator",
    "Character precision": "دقة الحرف",
    "Snap to exact characters instead of whole words (Ctrl+Shift+P)": "الالتزام بالأحرف بالضبط بدل الكلمات الكاملة (Ctrl+Shift+P)",
    "Annotation": "التوسيم",
    "Label %1": "وسم %1",
    "Link %1…": "ربط %1…",
    "Move start →": "تحريك البداية →",
    "Move start ←": "تحريك البداية ←",
    "Move end →": "تحريك النهاية →",
    "Move end ←": "تحريك النهاية ←",
    "Bidi controls in this document": "محارف تحكم بالاتجاه في هذه الوثيقة",
    "Read-only: %1": "للقراءة فقط: %1",
    "Annotator: %1": "الموسِّم: %1",
    "No changes possible": "لا تعديل ممكن",
    "All changes saved (%1)": "حُفظت كل التعديلات (%1)",
    "All changes saved": "حُفظت كل التعديلات",
    "Cannot open": "تعذّر الفتح",
    "Open project": "فتح مشروع",
    "Annotator projects (*.annot);;All files (*)": "مشاريع annotator (*.annot);;كل الملفات (*)",
    "(none)": "(لا شيء)",
    "New project": "مشروع جديد",
    "Annotator projects (*.annot)": "مشاريع annotator (*.annot)",
    "Cannot create": "تعذّر الإنشاء",
    "Import documents": "استيراد وثائق",
    "Documents (*.jsonl *.txt *.json);;All files (*)": "وثائق (*.jsonl *.txt *.json);;كل الملفات (*)",
    "Import refused: nothing was imported": "رُفض الاستيراد: لم يُستورد شيء",
    "Export": "تصدير",
    "Native JSONL (*.jsonl)": "JSONL الأصلي (*.jsonl)",
    "Export failed": "فشل التصدير",
    "annotator %1: quotes, sources, cues and dates in Arabic news.":
        "annotator %1: الاقتباسات ومصادرها وأفعال القول والتواريخ في الأخبار العربية.",
    # --- settings -------------------------------------------------------------------------
    "Your name": "اسمك",
    "Your name as an annotator (it is recorded with every edit you make):": "اسمك موسِّماً (يُسجَّل مع كل تعديل تجريه):",
    "Settings": "الإعدادات",
    "Annotator name:": "اسم الموسِّم:",
    "Follow the system": "لغة النظام",
    "Language:": "اللغة:",
    "Text font:": "خط النص:",
    "Text size:": "حجم النص:",
    "Whole words": "كلمات كاملة",
    "Exact characters": "أحرف بالضبط",
    "Snap selections to:": "ضبط التحديد على:",
    "A change of language rebuilds the window; your work is already saved.": "تغيير اللغة يعيد بناء النافذة؛ عملك محفوظ أصلاً.",
    # --- shortcuts help ---------------------------------------------------------------------
    "Annotating": "التوسيم",
    "Documents": "الوثائق",
    "Viewing and finding": "العرض والبحث",
    "Files": "الملفات",
    "Moving around": "التنقل",
    "Label the selection %1 (whole words), or relabel the selected span": "وسم التحديد بـ %1 (كلمات كاملة)، أو تغيير وسم المقطع المحدد",
    "Label the selection %1 with exact characters": "وسم التحديد بـ %1 بالأحرف بالضبط",
    "Link the selected span by %1: then press 1–9 or Enter (nearest), or click the span; Esc cancels":
        "ربط المقطع المحدد برابط %1: ثم اضغط 1–9 أو Enter (الأقرب)، أو انقر المقطع؛ Esc للإلغاء",
    "Accept the selected suggestion": "قبول الاقتراح المحدد",
    "Reject the selected suggestion": "رفض الاقتراح المحدد",
    "Delete the selected span (and its links)": "حذف المقطع المحدد (وروابطه)",
    "Move the start of the selected span one word the way the arrow points. In right-to-left (Arabic) text → extends the start backward (earlier in the text) and ← shrinks it forward; in left-to-right text the other way round":
        "تحريك بداية المقطع المحدد كلمةً في اتجاه السهم. في النص العربي (من اليمين إلى اليسار) يمدّ → البداية إلى الخلف (إلى ما قبلها في النص) ويقلّصها ← إلى الأمام؛ وفي النص من اليسار إلى اليمين العكس",
    "Move the end of the selected span the same way. In Arabic text ← extends the end forward (later in the text) and → shrinks it backward":
        "تحريك نهاية المقطع المحدد بالطريقة نفسها. في النص العربي يمدّ ← النهاية إلى الأمام (إلى ما بعدها في النص) ويقلّصها → إلى الخلف",
    "Character precision: snap to characters instead of whole words (for labels and edge moves)":
        "دقة الحرف: الالتزام بالأحرف بدل الكلمات الكاملة (للوسم وتحريك الحدود)",
    "Deselect the span, or cancel linking": "إلغاء تحديد المقطع، أو إلغاء الربط",
    "Mark the document done and go to the next": "تعليم الوثيقة كمنجزة والانتقال إلى التالية",
    "Filter the document list": "تصفية قائمة الوثائق",
    "Find in the document (Esc closes)": "البحث في الوثيقة (Esc للإغلاق)",
    "Next / previous match": "المطابقة التالية / السابقة",
    "Bigger / smaller text": "تكبير / تصغير النص",
    "Text size from the settings": "حجم النص من الإعدادات",
    "Show invisible characters (bidi marks, joiners, special spaces)": "إظهار المحارف غير المرئية (علامات الاتجاه، والوصل، والمسافات الخاصة)",
    "Next / previous pane or control": "اللوحة أو عنصر التحكم التالي / السابق",
    "Next / previous pane: documents, text, spans, inspector": "اللوحة التالية / السابقة: الوثائق، النص، المقاطع، المفتش",
    "In the text: select (logical order follows the arrows as seen)": "في النص: التحديد (يتبع الترتيبُ المنطقي الأسهمَ كما تُرى)",
    "Open a project": "فتح مشروع",
    "Export the project": "تصدير المشروع",
    "Close the project": "إغلاق المشروع",
    "This list": "هذه القائمة",
    "Where": "أين",
    "Keys": "المفاتيح",
    "What it does": "الوظيفة",
    "Everything works from the keyboard. Offsets are stored in logical (reading) order whatever the display direction.":
        "كل شيء يعمل من لوحة المفاتيح. تُخزَّن المواضع بترتيب القراءة المنطقي أيّاً كان اتجاه العرض.",
    # --- span list ------------------------------------------------------------------------
    "accepted": "مقبول",
    "suggested": "مقترح",
    "rejected": "مرفوض",
    "Label": "الوسم",
    "Text": "النص",
    "Spans of the document": "مقاطع الوثيقة",
    # --- TIMEX3 hints ---------------------------------------------------------------------
    "%1 year(s)": "%1 سنة",
    "%1 month(s)": "%1 شهر",
    "%1 week(s)": "%1 أسبوع",
    "%1 day(s)": "%1 يوم",
    "%1 hour(s)": "%1 ساعة",
    "%1 minute(s)": "%1 دقيقة",
    "%1 second(s)": "%1 ثانية",
    "not a real calendar day": "ليس يوماً موجوداً في التقويم",
    "morning": "صباحاً",
    "afternoon": "بعد الظهر",
    "evening": "مساءً",
    "night": "ليلاً",
    "there is no month %1": "لا يوجد شهر %1",
    "week %1 of %2": "الأسبوع %1 من %2",
    "quarter %1 of %2": "الربع %1 من %2",
    "half %1 of %2": "النصف %1 من %2",
    "the year %1": "سنة %1",
    "the decade %1": "عقد %1",
    "the century %1": "القرن %1",
    "a duration of %1": "مدة %1",
    "now (the present)": "الآن (الحاضر)",
    "some time in the past": "وقت ما في الماضي",
    "some time in the future": "وقت ما في المستقبل",
    "a date without a year": "تاريخ بلا سنة",
    # --- crash dialog ---------------------------------------------------------------------
    "Unexpected error": "خطأ غير متوقع",
    "Something went wrong: {error}\n\nYour saved work is safe: every edit was stored when you made it.\nDetails are in the log file:\n{path}":
        "حدث خطأ: {error}\n\nعملك المحفوظ في أمان: خُزّن كل تعديل لحظة إجرائه.\nالتفاصيل في ملف السجل:\n{path}",
}


def fill(ts: Path) -> list[str]:
    """Fill every <translation> of `ts`; return the sources that have no Arabic yet."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        tr = message.find("translation")
        if source in AR:
            tr.text = AR[source]
            tr.attrib.pop("type", None)
        elif tr.attrib.get("type") != "vanished":
            missing.append(source)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("annotator_ar.ts")
    left = fill(path)
    for s in left:
        print(f"untranslated: {s!r}", file=sys.stderr)
    sys.exit(1 if left else 0)
