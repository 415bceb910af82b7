"""Builds press.jsonl and press_heldout.jsonl: a second hand-written development gold set, in the
styles the first one lacks (Maghrebi and Gulf press, economy, sport, court reporting, statements on
social media), aimed at the error classes of issue 17: Moroccan فاتح and Hijri غرة before a month,
a month or day anchored by a year phrase (من العام الماضي / من العام نفسه ...), second reporting
clauses joined by بينما / في حين / فيما, cues that take a noun phrase (نفى وجود، طالب بـ، دعا إلى),
anonymous sources, and quotes placed before their attribution (بحسب ما صرح به، على حد قول).

Every sentence is original text written for this set; the markup is build_own.py's, and a SOURCE
carries its kind: ⟦S#n k=person|...⟧ (person / organization / group / anonymous / document).

Decisions the gold follows, beyond build_own.py's:
- "فاتح دجنبر", "غرة رمضان": the day word is in the span; the value is the month's first day.
- "24 نونبر من العام الماضي", "ديسمبر من العام نفسه": one DATE, anchored by the year phrase;
  العام نفسه / ذاته is the last year written out earlier in the document.
- A Hijri month without a day ("شهر رمضان", "رمضان 1444 هـ") has the Gregorian month of its first day.
- A cue taking a noun phrase: the content is that phrase; a separate preposition (إلى، عن، على)
  stays out, an attached بـ stays in (طالب بالإفراج -> "بالإفراج ...").
- A post-posed attribution phrase is the CUE: "بحسب ما صرح به", "على حد قول", "وفق ما قاله".
- An anonymous source keeps its description: "مسؤول رفض الكشف عن اسمه", "مصادر مقربة من الفريق".
- group: people not an institution (خبراء، محللون، سكان، شهود); anonymous: a source kept unnamed
  on purpose (مصدر، مصادر، مسؤول without a name).

HELDOUT was written first and committed before any rule for these classes; it is scored once,
when the rules are done, and never tuned on.
Run: python tests/data/devgold/build_press.py  (rewrites both files next to this file)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_own import build  # noqa: E402

HDCT = "2023-06-20"  # a Tuesday
HELDOUT: list[tuple[str | None, str]] = [
    # ----- dates -----------------------------------------------------------------------------------
    (HDCT, "وتدخل الزيادة في أسعار المحروقات حيز التنفيذ ابتداء من ⟦D 2023-07-01|فاتح يوليوز المقبل⟧ في كل "
           "محطات المملكة."),
    (HDCT, "وسجلت بورصة الدار البيضاء أكبر تراجع لها منذ ⟦D 2022-03-08|8 مارس من العام الماضي⟧."),
    (HDCT, "وانطلقت عملية تسجيل الحجاج في ⟦D 2023-01-23|غرة رجب⟧ واستمرت ⟦D P3W t=DURATION|ثلاثة أسابيع⟧."),
    (HDCT, "وتتوقف جلسات المحاكم الشرعية خلال ⟦D 2023-06|شهر ذي الحجة⟧ إلا للقضايا المستعجلة."),
    (HDCT, "وارتفعت مبيعات التمور في ⟦D 2023-03|رمضان 1444 هـ⟧ بنحو الثلث مقارنة بالموسم السابق."),
    (HDCT, "وبلغ مؤشر مازي 12500 نقطة، فيما جرى تداول 1450 سهما بقيمة 2023 مليون درهم."),
    (HDCT, "وحقق المنتخب السعودي فوزه التاريخي على الأرجنتين في ⟦D 2022-11-22|22 نوفمبر من العام الماضي⟧."),
    (HDCT, "وكان النادي قد تعاقد مع المدرب في ⟦D 2021-10|أكتوبر 2021⟧، ثم أقاله في ⟦D 2021-12|ديسمبر من العام "
           "نفسه⟧ بعد سلسلة من الهزائم."),
    (HDCT, "وعقدت غرفة الجنايات أولى جلساتها في ⟦D 2023-02-14|14 فبراير من السنة الجارية⟧، وأجلت النطق بالحكم "
           "إلى ⟦D 2023-07-04|4 يوليوز⟧."),
    (HDCT, "ومن المنتظر أن يتراجع التضخم في ⟦D 2024-03|مارس من العام المقبل⟧ إلى 3 في المئة."),
    (HDCT, "ويحل ⟦D 2024-03-11|فاتح رمضان 1445⟧ في عز فصل الربيع."),
    (HDCT, "ووُقّع عقد الشراكة بتاريخ ⟦D 2023-04-03|03/04/2023⟧ بمدينة طنجة."),
    (HDCT, "وعاد اللاعب إلى التداريب في ⟦D 2022-08 mod=END|أواخر غشت من السنة الماضية⟧ بعد إصابة أبعدته "
           "⟦D P4M t=DURATION|أربعة أشهر⟧."),
    (HDCT, "وسجل الهداف 19 هدفا في 34 مباراة، ويحمل القميص رقم 9 منذ انضمامه إلى الفريق."),
    (HDCT, "وتستضيف الرياض المعرض في ⟦D 2023-10-01|الأول من أكتوبر المقبل⟧ ولمدة ⟦D P5D t=DURATION|خمسة أيام⟧."),
    (HDCT, "وتراجع سعر خام برنت إلى 75 دولارا للبرميل ⟦D 2023-06-19|أمس الاثنين⟧."),
    # ----- quotes ----------------------------------------------------------------------------------
    (HDCT, "و⟦C#1|نفى⟧ ⟦S#1 k=person|المتهم الرئيسي⟧ أمام هيئة المحكمة ⟦Q#1 indirect|أي علاقة له بشبكة "
           "تهريب المخدرات⟧."),
    (HDCT, "و⟦C#1|كشف⟧ ⟦S#1 k=anonymous|مصدر مطلع⟧ لـ\"هسبريس\" أن ⟦Q#1 indirect|الوزارة ستعلن لائحة "
           "المستفيدين قبل ⟦D 2023-06 mod=END|نهاية الشهر⟧⟧."),
    (HDCT, "و⟦C#1|قال⟧ ⟦S#1 k=person|رئيس الجامعة الملكية لكرة القدم⟧ إن ⟦Q#1 indirect|المنتخب جاهز للبطولة "
           "القارية⟧، في حين ⟦C#2|اعتبر⟧ ⟦S#2 k=group|محللون رياضيون⟧ أن ⟦Q#2 indirect|خط الدفاع ما زال يعاني "
           "من ثغرات واضحة⟧."),
    (HDCT, "⟦Q#1 indirect|الأسعار ستعرف استقرارا خلال ⟦D FUTURE_REF|الأشهر المقبلة⟧⟧، ⟦C#1|على حد قول⟧ "
           "⟦S#1 k=person|رئيس الجامعة المغربية لحقوق المستهلك⟧."),
    (HDCT, "و⟦C#1|طالبت⟧ ⟦S#1 k=organization|النقابة الوطنية للتعليم⟧ ⟦Q#1 indirect|بالزيادة في أجور الأساتذة "
           "وتحسين ظروف عملهم⟧."),
    (HDCT, "و⟦C#1|كتب⟧ ⟦S#1 k=person|اللاعب يوسف العلمي⟧ في تدوينة على حسابه بإنستغرام: \"⟦Q#1 direct|شكرا لكل "
           "من ساندني في هذه المرحلة الصعبة⟧\"."),
    (HDCT, "و⟦C#1|أوضح⟧ ⟦S#1 k=person|الرئيس التنفيذي للشركة⟧ أن ⟦Q#1 mixed|النتائج \"فاقت كل التوقعات\" بفضل "
           "ارتفاع الطلب في السوق المحلية⟧."),
    (HDCT, "و⟦C#1|أفادت⟧ ⟦S#1 k=anonymous|مصادر مقربة من الفريق⟧ بأن ⟦Q#1 indirect|المدرب سيغادر منصبه بعد "
           "نهاية الموسم⟧."),
    (HDCT, "وأطلقت الجماهير على اللاعب لقب \"الساحر الصغير\" بعد أدائه في المباراة النهائية، وصدرت عنه رواية "
           "\"الطريق إلى البحر البعيد\" عن دار نشر مغربية."),
    (HDCT, "و⟦Q#1 indirect|قضت المحكمة بسجن المتهمين ⟦D P3Y t=DURATION|ثلاث سنوات⟧ نافذة⟧، ⟦C#1|بحسب ما أفاد "
           "به⟧ ⟦S#1 k=person|محامي الدفاع⟧ لوسائل الإعلام."),
    (HDCT, "و⟦C#1|أكد⟧ ⟦S#1 k=person|وزير الخارجية الإماراتي⟧ خلال اتصال هاتفي ⟦Q#1 indirect|دعم بلاده الكامل "
           "للجهود الدولية⟧."),
    (HDCT, "و⟦C#1|قال⟧ ⟦S#1 k=organization|الاتحاد المحلي للشغل⟧ في بيان إن ⟦Q#1 indirect|نسبة المشاركة في "
           "الإضراب بلغت 80 في المئة⟧، فيما ⟦C#2|ذكرت⟧ ⟦S#2 k=organization|الحكومة⟧ أن ⟦Q#2 indirect|النسبة لم "
           "تتجاوز 30 في المئة⟧."),
    (HDCT, "و⟦C#1|دعا⟧ ⟦S#1 k=person|الداعية الكويتي⟧ عبر حسابه على منصة إكس إلى ⟦Q#1 indirect|التبرع "
           "لضحايا الزلزال⟧."),
    (HDCT, "وافتتحت في الدوحة ندوة بعنوان \"مستقبل الطاقة في الخليج العربي\" بمشاركة باحثين من ست دول."),
]

DCT = "2024-02-06"  # a Tuesday
DOCS: list[tuple[str | None, str]] = []


def main() -> None:
    for name, docs in (("press", DOCS), ("press_heldout", HELDOUT)):
        path = Path(__file__).with_name(f"{name}.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for rec in build(docs, name):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
