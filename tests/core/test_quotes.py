"""Quote attribution suggestions (annotator.core.suggest.quotes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.suggest.quotes import find_quotes


def q(text):
    out = []
    for a in find_quotes(text):
        out.append((text[slice(*a.content)], a.type, text[slice(*a.source)] if a.source else None,
                    text[slice(*a.cue)] if a.cue else None))
    return out


CASES = [
    # verb-first with إن, bounded source
    ("وقال وزير الصحة سامي العلي، في مؤتمر صحفي، إن الوزارة ستوزع اللقاحات.",
     [("الوزارة ستوزع اللقاحات", "indirect", "وزير الصحة سامي العلي", "قال")]),
    # apposition after a comma, a preposition inside the title
    ("قال المتحدث باسم هيئة الموانئ في المنطقة الشمالية، العميد سالم الراشد، إن القوة غادرت.",
     [("القوة غادرت", "indirect", "المتحدث باسم هيئة الموانئ في المنطقة الشمالية، العميد سالم الراشد", "قال")]),
    # direct quotation after إنه
    ('وقال الوزير إنه "تم إنجاز المرحلة الأولى بالكامل".',
     [("تم إنجاز المرحلة الأولى بالكامل", "direct", "الوزير", "قال")]),
    # mixed: a quoted part inside an indirect clause
    ('واعتبر النائب علي الحسن أن القانون "خطوة في الاتجاه الصحيح".',
     [('القانون "خطوة في الاتجاه الصحيح"', "mixed", "النائب علي الحسن", "اعتبر")]),
    # colon
    ('وكتب الروائي خالد منصور على صفحته: "لن أتوقف عن الكتابة".',
     [("لن أتوقف عن الكتابة", "direct", "الروائي خالد منصور", "كتب")]),
    ("وقالت الناشطة ليلى حداد: «سنواصل الاحتجاج حتى النهاية».",
     [("سنواصل الاحتجاج حتى النهاية", "direct", "الناشطة ليلى حداد", "قالت")]),
    ("وأضاف المدير: ستستمر الأعمال في المصنع طوال الشتاء.",
     [("ستستمر الأعمال في المصنع طوال الشتاء", "direct", "المدير", "أضاف")]),
    # curly quotes and an unbalanced mark
    ("وصرح مدير المستشفى بأن “المرضى يتلقون العلاج ولا داعي للقلق”.",
     [("المرضى يتلقون العلاج ولا داعي للقلق", "direct", "مدير المستشفى", "صرح")]),
    ('وصرح مدير المستشفى بأن "المرضى يتلقون العلاج ولا داعي للقلق.',
     [("المرضى يتلقون العلاج ولا داعي للقلق", "direct", "مدير المستشفى", "صرح")]),
    # quote before its cue
    ('"نحن مستعدون للحوار دون شروط"، قال المتحدث باسم الحركة.',
     [("نحن مستعدون للحوار دون شروط", "direct", "المتحدث باسم الحركة", "قال")]),
    # subject-first
    ("وكان رئيس البلدية قد أكد أن الطريق سيفتح قريبا.",
     [("الطريق سيفتح قريبا", "indirect", "رئيس البلدية", "أكد")]),
    ("الوزير يقول إن الموازنة لن تتأخر.",
     [("الموازنة لن تتأخر", "indirect", "الوزير", "يقول")]),
    # conduit: نقلت ... عن ... قوله
    ("ونقلت الوكالة عن مسؤول في وزارة المالية قوله إن العجز سينخفض.",
     [("العجز سينخفض", "indirect", "مسؤول في وزارة المالية", "قوله")]),
    # بحسب / وفقا لـ with a source noun
    ("وارتفع عدد الضحايا إلى 12 شخصا، بحسب بيان للدفاع المدني.",
     [("ارتفع عدد الضحايا إلى 12 شخصا", "indirect", "بيان للدفاع المدني", "بحسب")]),
    ("ووفقا لـمصادر محلية، فإن الاشتباكات تجددت.",
     [("الاشتباكات تجددت", "indirect", "مصادر محلية", "وفقا")]),
    # other cues
    ("ونفى المتحدث أن تكون الحكومة قد رفعت الأسعار.",
     [("تكون الحكومة قد رفعت الأسعار", "indirect", "المتحدث", "نفى")]),
    ("وحذرت منظمة الصحة العالمية من أن الموجة المقبلة قد تكون أشد.",
     [("الموجة المقبلة قد تكون أشد", "indirect", "منظمة الصحة العالمية", "حذرت")]),
    ("وبين الخبير الاقتصادي أن التضخم سيتراجع.",
     [("التضخم سيتراجع", "indirect", "الخبير الاقتصادي", "بين")]),
    ("وشدد رئيس الوزراء على أن الحكومة لن تتراجع.",
     [("الحكومة لن تتراجع", "indirect", "رئيس الوزراء", "شدد")]),
    # a verbal noun as what was announced
    ("أعلن مستشار الأمن القومي قاسم الأعرجي انتهاء المهام القتالية للتحالف.",
     [("انتهاء المهام القتالية للتحالف", "indirect", "مستشار الأمن القومي قاسم الأعرجي", "أعلن")]),
    # headline
    ("وزير الخارجية: لا تراجع عن الاتفاق مع الجيران\nتفاصيل الخبر.",
     [("لا تراجع عن الاتفاق مع الجيران", "direct", "وزير الخارجية", None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_quotes_table(text, expected):
    assert q(text) == expected


def test_elided_subject_and_adverbial_cues_take_the_last_source():
    text = ('وقال المتحدث باسم الجيش العميد حسن الراشد إن القوات تقدمت. وأضاف أن "العملية مستمرة"، '
            "مشيرا إلى أن الخسائر محدودة. ولفت إلى أن المدنيين بخير.")
    got = find_quotes(text)
    assert [(text[slice(*a.content)], text[slice(*a.source)], a.source_explicit) for a in got] == [
        ("القوات تقدمت", "المتحدث باسم الجيش العميد حسن الراشد", True),
        ("العملية مستمرة", "المتحدث باسم الجيش العميد حسن الراشد", False),
        ("الخسائر محدودة", "المتحدث باسم الجيش العميد حسن الراشد", False),
        ("المدنيين بخير", "المتحدث باسم الجيش العميد حسن الراشد", False),
    ]
    assert [text[slice(*a.cue)] for a in got] == ["قال", "أضاف", "مشيرا", "لفت"]
    assert len({a.source for a in got}) == 1  # one SOURCE span, several links


def test_adverbial_after_a_cue_without_content():
    text = 'وتحدث المدرب عن المباراة، قائلا: "سنلعب من أجل الفوز".'
    assert q(text) == [("سنلعب من أجل الفوز", "direct", "المدرب", "قائلا")]


@pytest.mark.parametrize("text", [
    'وتبنى تنظيم "داعش" الهجوم.',
    'ضد تنظيم "الدولة" في العراق وسوريا.',
    'قائد "فيلق القدس" في الحرس الثوري.',
    "يذكر أن المدينة شهدت احتجاجات مماثلة.",
    "ووقعت اشتباكات بين الجيش والمسلحين قرب الحدود.",
    "ووزعت المساعدات بحسب الأولويات التي حددتها اللجنة.",
    "جاء الانسحاب وفقا لمخرجات الحوار.",
    "مشاركة :",
])
def test_not_quotes(text):
    assert q(text) == []


def test_offsets_survive_harakat_tatweel_and_clitics():
    text = "وَقَالَ الشَّيْخُ إِنَّ الصُّلْحَ خَيْرٌ."
    assert q(text) == [("الصُّلْحَ خَيْرٌ", "indirect", "الشَّيْخُ", "قَالَ")]
    text = "وقـــال الوزير إن الخطة جاهزة."
    assert q(text) == [("الخطة جاهزة", "indirect", "الوزير", "قـــال")]


def test_long_quote_with_inner_punctuation():
    text = ('وتابع: "الانسحاب يجري وفق الخطة. وعددهم سيكون حسب تقدير القيادة، وما تحتاجه القوات". '
            "وقال آخر إن الأمر انتهى.")
    got = q(text)
    assert got[0][0] == "الانسحاب يجري وفق الخطة. وعددهم سيكون حسب تقدير القيادة، وما تحتاجه القوات"
    assert got[1][0] == "الأمر انتهى"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("وقال الوزيرإنأن\"«»“”:،.\nَُِّـبحسبمصادرتنظيمأكدمشيرا")), max_size=150))
def test_spans_are_inside_and_trimmed(text):
    for a in find_quotes(text):
        for span in (a.content, a.source, a.cue):
            if span is None:
                continue
            s, e = span
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()


# ----- issue 17: forms measured on independent text (sentences written for these tests) -----------
def kinds(text):
    return [(text[slice(*a.source)], a.source_kind) for a in find_quotes(text) if a.source]


SECOND_CLAUSE = [
    ("وقال رئيس النادي إن الفريق سيتعاقد مع مدافع، بينما رأى المدرب أن الهجوم أولى بالتدعيم.",
     [("الفريق سيتعاقد مع مدافع", "indirect", "رئيس النادي", "قال"),
      ("الهجوم أولى بالتدعيم", "indirect", "المدرب", "رأى")]),
    ("وأكدت الوزارة أن المخزون كاف، في حين قال التجار إن الرفوف فارغة.",
     [("المخزون كاف", "indirect", "الوزارة", "أكدت"), ("الرفوف فارغة", "indirect", "التجار", "قال")]),
    ("وذكرت النقابة أن الإضراب ناجح، فيما كانت الحكومة قد أعلنت أن الدراسة عادية.",
     [("الإضراب ناجح", "indirect", "النقابة", "ذكرت"), ("الدراسة عادية", "indirect", "الحكومة", "أعلنت")]),
    ("وقال الخبير إن السوق مستقرة، غير أن المحلل اعتبر أن الأسعار سترتفع.",
     [("السوق مستقرة", "indirect", "الخبير", "قال"), ("الأسعار سترتفع", "indirect", "المحلل", "اعتبر")]),
]


@pytest.mark.parametrize("text,expected", SECOND_CLAUSE, ids=[c[0][:30] for c in SECOND_CLAUSE])
def test_second_reporting_clause_after_a_contrastive_join(text, expected):
    assert q(text) == expected


def test_contrastive_join_without_a_cue_stays_in_the_content():
    text = "وقال المدير إن الإنتاج ارتفع بينما تراجعت الصادرات."
    assert q(text) == [("الإنتاج ارتفع بينما تراجعت الصادرات", "indirect", "المدير", "قال")]


NP_CUES = [
    ("ونفى المدير الجهوي للصحة وجود حالات جديدة في الإقليم.",
     [("وجود حالات جديدة في الإقليم", "indirect", "المدير الجهوي للصحة", "نفى")]),
    ("وأكد الاتحاد الإفريقي دعمه لجهود الوساطة.",
     [("دعمه لجهود الوساطة", "indirect", "الاتحاد الإفريقي", "أكد")]),
    ("وطالب أولياء التلاميذ بتوفير النقل المدرسي.",
     [("بتوفير النقل المدرسي", "indirect", "أولياء التلاميذ", "طالب")]),
    ("ودعا البنك المركزي إلى ترشيد الاستهلاك.",
     [("ترشيد الاستهلاك", "indirect", "البنك المركزي", "دعا")]),
    ("وأعربت الرابطة عن قلقها من تراجع المستوى.",
     [("قلقها من تراجع المستوى", "indirect", "الرابطة", "أعربت")]),
    ("وأبدت الشركة استعدادها لتعويض الزبائن.",
     [("استعدادها لتعويض الزبائن", "indirect", "الشركة", "أبدت")]),
]


@pytest.mark.parametrize("text,expected", NP_CUES, ids=[c[0][:30] for c in NP_CUES])
def test_cues_that_take_a_noun_phrase(text, expected):
    assert q(text) == expected


ANONYMOUS = [
    ("وكشف مسؤول في البلدية رفض الكشف عن اسمه أن المشروع توقف.",
     [("المشروع توقف", "indirect", "مسؤول في البلدية رفض الكشف عن اسمه", "كشف")], "anonymous"),
    ("وأفاد مصدر مطلع بأن الصفقة ألغيت.", [("الصفقة ألغيت", "indirect", "مصدر مطلع", "أفاد")], "anonymous"),
    ("وأوضحت مصادر مقربة من الرئاسة أن الزيارة تأجلت.",
     [("الزيارة تأجلت", "indirect", "مصادر مقربة من الرئاسة", "أوضحت")], "anonymous"),
    ("وقال موظف طلب عدم ذكر اسمه إن الرواتب تأخرت.",
     [("الرواتب تأخرت", "indirect", "موظف طلب عدم ذكر اسمه", "قال")], "anonymous"),
]


@pytest.mark.parametrize("text,expected,kind", ANONYMOUS, ids=[c[0][:30] for c in ANONYMOUS])
def test_anonymous_sources(text, expected, kind):
    assert q(text) == expected
    assert [k for _, k in kinds(text)] == [kind]


POSTPOSED = [
    ("وتراجعت المبيعات بشكل كبير، بحسب ما صرح به المدير التجاري للصحيفة.",
     [("تراجعت المبيعات بشكل كبير", "indirect", "المدير التجاري", "بحسب ما صرح به")]),
    ('"لن أغادر النادي"، على حد قول الحارس.', [("لن أغادر النادي", "direct", "الحارس", "على حد قول")]),
    ("والمدينة تعيش أزمة سكن خانقة، وفقا لما ذكره رئيس الجمعية.",
     [("المدينة تعيش أزمة سكن خانقة", "indirect", "رئيس الجمعية", "وفقا لما ذكره")]),
]


@pytest.mark.parametrize("text,expected", POSTPOSED, ids=[c[0][:30] for c in POSTPOSED])
def test_attribution_placed_after_the_quote(text, expected):
    assert q(text) == expected


def test_source_kind_is_read_from_the_phrase():
    text = ("وقال بيان للوزارة إن الطريق مغلق. وأكد سكان القرية أن الماء مقطوع. وأعلنت نقابة الأطباء أن "
            "الإضراب مستمر. وقال الطبيب إن الحالة مستقرة. وأوضح دبلوماسي غربي أن المفاوضات متعثرة.")
    assert [k for _, k in kinds(text)] == ["document", "group", "organization", "person", "anonymous"]


@pytest.mark.parametrize("text", [
    'ونظمت الجمعية ندوة بعنوان "دور الشباب في التنمية المحلية" بقاعة البلدية.',
    'وصدرت للكاتب رواية "رحلة إلى آخر الصحراء الكبرى" هذا الشهر.',
    'ويرفع المهرجان شعار "الفن للجميع في كل مكان".',
    "وخرج المتظاهرون دون أن يتدخل الأمن.",
    "ونقل الجرحى عبر سيارات الإسعاف إلى المستشفى.",
])
def test_titles_and_look_alike_words_are_not_quotes(text):
    assert q(text) == []


NEIGHBOURS = [
    ("والأزمة ستنتهي قريبا، كما قال وزير الطاقة.",
     [("الأزمة ستنتهي قريبا", "indirect", "وزير الطاقة", "كما قال")]),
    ("وقالت الحكومة إن الأسعار ستنخفض، أما النقابات فقد أكدت أن الغلاء مستمر.",
     [("الأسعار ستنخفض", "indirect", "الحكومة", "قالت"), ("الغلاء مستمر", "indirect", "النقابات", "أكدت")]),
    ("وأفادت وكالة الأنباء نقلا عن مصدر أمني بأن المشتبه به اعتقل.",
     [("المشتبه به اعتقل", "indirect", "وكالة الأنباء", "أفادت")]),
    ('وتساءل الكاتب في مقاله: "إلى متى يستمر هذا الصمت؟"',
     [("إلى متى يستمر هذا الصمت؟", "direct", "الكاتب", "تساءل")]),
    ("وأعلن النادي رسميا تعاقده مع المهاجم.", [("تعاقده مع المهاجم", "indirect", "النادي", "أعلن")]),
    ("وقال إن الفريق لعب كما قال المدرب.", [("الفريق لعب كما قال المدرب", "indirect", None, "قال")]),
]


@pytest.mark.parametrize("text,expected", NEIGHBOURS, ids=[c[0][:30] for c in NEIGHBOURS])
def test_neighbouring_forms(text, expected):
    assert q(text) == expected


def test_a_named_source_does_not_take_the_adjunct_after_it():
    # found by the held-out set (its only SOURCE boundary error): the source ended on "في"
    text = 'وكتب اللاعب سعيد الناصري في تغريدة على حسابه: "شكرا للجماهير على الدعم الكبير".'
    assert q(text) == [("شكرا للجماهير على الدعم الكبير", "direct", "اللاعب سعيد الناصري", "كتب")]
    assert q("وقال مسؤول في البلدية إن الطريق مغلق.") == [("الطريق مغلق", "indirect", "مسؤول في البلدية", "قال")]


@pytest.mark.parametrize("text", [
    "وحصل طالب على منحة للدراسة بالخارج.",  # طالب: a student
    "وعبر الحدود آلاف اللاجئين هربا من الحرب عن طريق البحر.",  # عبر: crossed
    'ويعرف المدرب بلقب "الثعلب العجوز في الملاعب" منذ سنوات.',  # a nickname after بـلقب
    'واستخدم المتظاهرون شعارات مثل "الشعب يريد إسقاط الفساد" في الساحات.',
])
def test_new_cue_words_and_titles_make_no_false_quotes(text):
    assert q(text) == []


def test_addressee_and_elided_subject_of_noun_phrase_cues():
    assert q("وحث المدرب لاعبيه على القتال حتى النهاية.") == [
        ("القتال حتى النهاية", "indirect", "المدرب", "حث")]
    assert q("وأكد الاتحاد أن المباراة في موعدها، كما أعلن عن تخفيض أسعار التذاكر.") == [
        ("المباراة في موعدها", "indirect", "الاتحاد", "أكد"), ("تخفيض أسعار التذاكر", "indirect", "الاتحاد", "أعلن")]


def test_article_words_that_look_like_verbal_nouns_stay_in_the_source():
    # العام / العامة have the shape of a verbal noun only because of the article
    assert q("وقال المدير العام للشركة إن الأرباح ارتفعت.") == [
        ("الأرباح ارتفعت", "indirect", "المدير العام للشركة", "قال")]
    assert q("وأوضح وكيل النيابة العامة أن التحقيق مستمر.") == [
        ("التحقيق مستمر", "indirect", "وكيل النيابة العامة", "أوضح")]


def test_report_showed_and_scare_quotes():
    assert q("وأظهرت دراسة حديثة أن الشباب يقرؤون أقل من آبائهم.") == [
        ("الشباب يقرؤون أقل من آبائهم", "indirect", "دراسة حديثة", "أظهرت")]
    assert q('وتحدث الكاتب عن سياسة "الأرض المحروقة في الحروب الحديثة" في كتابه.') == []
    assert q('وصرح الوزير بـ"لن نتراجع عن هذا القرار أبدا".') == [
        ("لن نتراجع عن هذا القرار أبدا", "direct", "الوزير", "صرح")]
