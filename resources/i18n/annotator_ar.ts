<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="21" />
        <source>Krippendorff's α</source>
        <translation>ألفا كريبندورف (α)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="22" />
        <source>F1 exact</source>
        <translation>F1 (مطابقة تامة)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="23" />
        <source>F1 overlap</source>
        <translation>F1 (تداخل)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="24" />
        <source>Cohen's κ</source>
        <translation>كابا كوهين (κ)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="25" />
        <source>Cohen's κ (mean of the pairs)</source>
        <translation>كابا كوهين (κ)، متوسط الأزواج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="123" />
        <source>Recompute</source>
        <translation>إعادة الحساب</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="125" />
        <location filename="../../annotator/gui/review/dashboard.py" line="126" />
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="126" />
        <location filename="../../annotator/gui/review/dashboard.py" line="128" />
        <source>pair</source>
        <translation>الزوج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="128" />
        <source>attribute</source>
        <translation>الخاصية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="128" />
        <source>agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="128" />
        <source>matched</source>
        <translation>متطابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="133" />
        <source>Pair of annotators in the confusion table</source>
        <translation>زوج الموسِّمين في جدول الالتباس</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="138" />
        <source>document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="138" />
        <source>disagreement</source>
        <translation>الاختلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="138" />
        <source>disputed</source>
        <translation>محل خلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="139" />
        <source>spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="139" />
        <source>attributes differ</source>
        <translation>خصائص مختلفة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="141" />
        <source>Documents by disagreement</source>
        <translation>الوثائق حسب الاختلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="147" />
        <source>All annotators, per label</source>
        <translation>كل الموسِّمين، حسب الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="148" />
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="148" />
        <source>Attributes and relations</source>
        <translation>الخصائص والروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="157" />
        <source>Label confusion (overlapping spans)</source>
        <translation>التباس الوسوم (المقاطع المتداخلة)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="264" />
        <source>Rows: %1's label. Columns: %2's label. (nothing): the other marked nothing overlapping.</source>
        <translation>الصفوف: وسم %1. الأعمدة: وسم %2. (لا شيء): لم يعلّم الآخر شيئاً متداخلاً.</translation>
    </message>
    <message>
        <source>Label confusion (overlapping spans, all pairs)</source>
        <translation>الخلط بين الوسوم (مقاطع متداخلة، كل الأزواج)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="158" />
        <source>Documents, most disagreement first (double-click to review)</source>
        <translation>الوثائق، الأكثر اختلافاً أولاً (انقر مرتين للمراجعة)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="167" />
        <source>all labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="177" />
        <source>Fewer than two annotators have marked documents done: nothing to compare.</source>
        <translation>أقل من موسِّمَين أنجزا وثائق: لا شيء للمقارنة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="179" />
        <source>Annotators: %1. Documents done by all: %2. Only accepted spans count.</source>
        <translation>الموسِّمون: %1. الوثائق التي أنجزها الجميع: %2. تُحسب المقاطع المقبولة وحدها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="184" />
        <source>Matched spans (same edges and label) whose attributes differ: %1.</source>
        <translation>مقاطع متطابقة (الحدود والوسم نفسها) تختلف خصائصها: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="185" />
        <source>%1 / %2: %3 of %4</source>
        <translation>%1 / %2: %3 من %4</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="188" />
        <source>Matched spans (same edges and label) all agree in their attributes.</source>
        <translation>المقاطع المتطابقة (الحدود والوسم نفسها) متفقة كلها في خصائصها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="222" />
        <source>all links (F1)</source>
        <translation>كل الروابط (F1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="224" />
        <source>link %1 (F1)</source>
        <translation>الرابط %1 (F1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/dashboard.py" line="259" />
        <source>(nothing)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="28" />
        <source>Agreement — %1</source>
        <translation>الاتفاق — %1</translation>
    </message>
</context>
<context>
    <name>Annotate</name>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="498" />
        <location filename="../../annotator/gui/undo.py" line="111" />
        <source>The project is read-only: nothing was changed.</source>
        <translation>المشروع للقراءة فقط: لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/undo.py" line="121" />
        <source>Not saved: nothing was changed.</source>
        <translation>لم يُحفظ: لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="223" />
        <source>Nothing to annotate in the selection (only spaces or punctuation).</source>
        <translation>لا شيء يُوسَم في التحديد (مسافات أو علامات ترقيم فقط).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="229" />
        <source>That text already has this label.</source>
        <translation>هذا النص يحمل هذا الوسم من قبل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="233" />
        <source>Select some text first, or click a span to relabel it.</source>
        <translation>حدّد نصاً أولاً، أو انقر مقطعاً لتغيير وسمه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="237" />
        <source>Relabel as %1</source>
        <translation>تغيير الوسم إلى %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="284" />
        <source>No span selected.</source>
        <translation>لا مقطع محدداً.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="295" />
        <location filename="../../annotator/gui/annotate.py" line="317" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="295" />
        <location filename="../../annotator/gui/annotate.py" line="318" />
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="301" />
        <source>Select a suggested span to accept it.</source>
        <translation>حدّد مقطعاً مقترحاً لقبوله.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="308" />
        <source>Select a suggested span to reject it.</source>
        <translation>حدّد مقطعاً مقترحاً لرفضه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="330" />
        <source>No suggestions left in this document.</source>
        <translation>لم يبقَ اقتراح في هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="355" />
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="369" />
        <source>No %1 suggestions in this document.</source>
        <translation>لا اقتراحات %1 في هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="372" />
        <source>Accept all %1 suggestions</source>
        <translation>قبول كل اقتراحات %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="376" />
        <source>Accepted %1 suggestions.</source>
        <translation>قُبل %1 من الاقتراحات.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="384" />
        <source>Suggest in this document</source>
        <translation>اقتراح في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="388" />
        <source>No new suggestions in this document.</source>
        <translation>لا اقتراحات جديدة في هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="390" />
        <source>%1 new suggestions: Enter or A accepts the selected one, R rejects it.</source>
        <translation>%1 اقتراحاً جديداً: Enter أو A يقبل المحدد، وR يرفضه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="400" />
        <source>Select a span to move its edges.</source>
        <translation>حدّد مقطعاً لتحريك حدوده.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="413" />
        <source>Move span edge</source>
        <translation>تحريك حدّ المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="453" />
        <source>Mark done</source>
        <translation>تعليم كمنجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="453" />
        <source>Mark in progress</source>
        <translation>تعليم كقيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="453" />
        <source>Mark to do</source>
        <translation>تعليم كغير منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="464" />
        <source>That was the last document in the list.</source>
        <translation>كانت هذه آخر وثيقة في القائمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="480" />
        <source>Replace %1 link</source>
        <translation>استبدال رابط %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="484" />
        <source>The %1 link was replaced (one per %2 in this scheme); Ctrl+Z brings the old one back.</source>
        <translation>استُبدل رابط %1 (رابط واحد لكل %2 في هذا المخطط)؛ يعيد Ctrl+Z الرابط القديم.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="495" />
        <source>Select a quote first, then press the link key.</source>
        <translation>حدّد اقتباساً أولاً، ثم اضغط مفتاح الربط.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="502" />
        <source>A %1 span cannot take a %2 link.</source>
        <translation>لا يقبل مقطع %1 رابطاً من نوع %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="508" />
        <source>No %1 span to link in this document: mark it first.</source>
        <translation>لا مقطع %1 للربط في هذه الوثيقة: وسِمه أولاً.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="518" />
        <source>Link %1: press a number, Enter for the nearest, or click a span; Esc cancels.</source>
        <translation>ربط %1: اضغط رقماً، أو Enter للأقرب، أو انقر مقطعاً؛ Esc للإلغاء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate.py" line="530" />
        <source>That span cannot be linked here; pick one of the numbered spans.</source>
        <translation>لا يمكن ربط هذا المقطع هنا؛ اختر أحد المقاطع المرقّمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dct_command.py" line="35" />
        <source>Document date set: %1 suggested dates took their values from it.</source>
        <translation>ضُبط تاريخ الوثيقة: أخذت %1 من التواريخ المقترحة قيمها منه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/dct_command.py" line="38" />
        <source>Document date removed: %1 suggested dates lost the values it gave them.</source>
        <translation>أُزيل تاريخ الوثيقة: فقدت %1 من التواريخ المقترحة القيم التي أعطاها إياها.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="31" />
        <source>Assign documents to annotators</source>
        <translation>توزيع الوثائق على الموسِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="33" />
        <source>names, separated by commas</source>
        <translation>أسماء مفصولة بفواصل</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="45" />
        <source>every document not yet assigned</source>
        <translation>كل وثيقة لم تُسند بعد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="46" />
        <source>documents nobody has begun</source>
        <translation>الوثائق التي لم يبدأها أحد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="49" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="55" />
        <source>Annotators:</source>
        <translation>الموسِّمون:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="56" />
        <source>Shared for agreement:</source>
        <translation>المشتركة لقياس الاتفاق:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="57" />
        <source>Annotators per shared document:</source>
        <translation>عدد الموسِّمين لكل وثيقة مشتركة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="58" />
        <source>Seed of the draw:</source>
        <translation>بذرة السحب:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="59" />
        <source>Documents:</source>
        <translation>الوثائق:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="60" />
        <source>Packages folder:</source>
        <translation>مجلد الحزم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="61" />
        <source>Each annotator gets one project file with their documents, the scheme and the suggestions. Send it to them; bring it back with Tools › Collect packages.</source>
        <translation>يتلقى كل موسِّم ملف مشروع واحداً فيه وثائقه والمخطط والاقتراحات. أرسله إليه، واجمعه بعد ذلك من أدوات › جمع الحزم.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="72" />
        <source>Packages folder</source>
        <translation>مجلد الحزم</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="148" />
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="186" />
        <source>Could not make a backup: %1</source>
        <translation>تعذّر إنشاء نسخة احتياطية: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="190" />
        <source>Backup made: %1</source>
        <translation>أُنشئت نسخة احتياطية: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="205" />
        <location filename="../../annotator/gui/backup_actions.py" line="222" />
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="206" />
        <source>Replace the project with the backup from %1? The current file is kept as a backup first, so this can be reversed the same way.</source>
        <translation>أتستبدل بالمشروع النسخة الاحتياطية المأخوذة في %1؟ يُحفظ الملف الحالي نسخةً احتياطية أولاً، فيمكن عكس ذلك بالطريقة نفسها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="215" />
        <source>Restore failed: nothing was changed</source>
        <translation>فشلت الاستعادة: لم يُغيَّر شيء</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="24" />
        <source>automatic</source>
        <translation>تلقائية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="25" />
        <source>kept before a restore</source>
        <translation>محفوظة قبل استعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="26" />
        <source>damaged file, moved aside</source>
        <translation>ملف تالف، نُقل جانباً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="41" />
        <source>Damaged project</source>
        <translation>مشروع تالف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="42" />
        <source>The latest backup is from %1. Restoring it moves the damaged file aside (nothing is deleted) and opens the backup.</source>
        <translation>أحدث نسخة احتياطية مأخوذة في %1. استعادتها تنقل الملف التالف جانباً (لا يُحذف شيء) وتفتح النسخة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="47" />
        <source>Restore the latest backup</source>
        <translation>استعادة أحدث نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="58" />
        <source>Restored the backup from %1.</source>
        <translation>استُعيدت النسخة الاحتياطية المأخوذة في %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="61" />
        <source>The replaced file was kept as %1.</source>
        <translation>حُفظ الملف المستبدَل باسم %1.</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../annotator/gui/commands.py" line="81" />
        <source>Add %1 span</source>
        <translation>إضافة مقطع %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="97" />
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="127" />
        <source>Set %1</source>
        <translation>تعيين %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="140" />
        <source>Link %1</source>
        <translation>ربط %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="156" />
        <source>Remove link</source>
        <translation>إزالة الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/commands.py" line="174" />
        <location filename="../../annotator/gui/dct_command.py" line="15" />
        <source>Set document %1</source>
        <translation>تعيين %1 للوثيقة</translation>
    </message>
</context>
<context>
    <name>CurveDialog</name>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="117" />
        <source>Recommender learning curve</source>
        <translation>منحنى تعلّم المقترِح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="121" />
        <source>F1 on held-out documents for every trained version, against the number of done documents it learnt from.</source>
        <translation>قيمة F1 على الوثائق المحجوزة للاختبار لكل إصدار مدرَّب، مقابل عدد الوثائق المنجزة التي تعلّم منها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="131" />
        <location filename="../../annotator/gui/recommender_actions.py" line="177" />
        <source>Version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="133" />
        <source>Compute from the done documents</source>
        <translation>احسبه من الوثائق المنجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="148" />
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="163" />
        <source>Training on the first 10, 25, 50, 100 and 200 done documents…</source>
        <translation>جارٍ التدريب على أول 10 و25 و50 و100 و200 وثيقة منجزة…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="172" />
        <source>Too few done documents for a curve: the first point needs 10 outside the held-out ones.</source>
        <translation>الوثائق المنجزة أقل من أن تكفي لمنحنى: تحتاج النقطة الأولى إلى 10 وثائق غير المحجوزة للاختبار.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="175" />
        <source>F1 on the held-out documents after training on the first n done documents.</source>
        <translation>قيمة F1 على الوثائق المحجوزة للاختبار بعد التدريب على أول n وثيقة منجزة.</translation>
    </message>
</context>
<context>
    <name>DctDialog</name>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="23" />
        <source>Import documents: their date</source>
        <translation>استيراد الوثائق: تاريخها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="25" />
        <source>Relative dates such as "yesterday" or "last July" get their values from the date the document was written (dct). Documents that bring a date of their own keep it; you can also set or change it later in the document fields.</source>
        <translation>تأخذ التواريخ النسبية مثل «أمس» أو «يوليو الماضي» قيمها من تاريخ كتابة الوثيقة (dct). الوثائق التي تحمل تاريخها تحتفظ به؛ ويمكنك أيضاً ضبطه أو تغييره لاحقاً في حقول الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="29" />
        <source>Take it from each text's first line, where that line holds a full date</source>
        <translation>خذه من السطر الأول لكل نص، حيث يحمل ذلك السطر تاريخاً كاملاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="35" />
        <source>Date for the other documents (empty: none):</source>
        <translation>تاريخ بقية الوثائق (فارغ: بلا تاريخ):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="55" />
        <source>Not a date like 2021-12-09</source>
        <translation>ليس تاريخاً بصيغة 2021-12-09</translation>
    </message>
</context>
<context>
    <name>DocList</name>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="26" />
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="27" />
        <source>In progress</source>
        <translation>قيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="28" />
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
</context>
<context>
    <name>DocListModel</name>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="109" />
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="109" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="109" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="109" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>DocListPanel</name>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="143" />
        <source>Filter by text, id or title…</source>
        <translation>تصفية بالنص أو المعرّف أو العنوان…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="146" />
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="149" />
        <source>Status filter</source>
        <translation>تصفية بالحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="150" />
        <source>Assigned to me</source>
        <translation>المُسندة إليّ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="176" />
        <source>In progress</source>
        <translation>قيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="213" />
        <source>%1 of %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/doc_list.py" line="216" />
        <source>%1 shown</source>
        <translation>المعروض %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="29" />
        <source>Export — %1</source>
        <translation>تصدير — %1</translation>
    </message>
    <message>
        <source>Native JSONL: everything, lossless (re-import, backup, review)</source>
        <translation>JSONL الأصلي: كل شيء بلا فقد (لإعادة الاستيراد والنسخ الاحتياطي والمراجعة)</translation>
    </message>
    <message>
        <source>Prodigy JSONL (spans and relations)</source>
        <translation>Prodigy JSONL (المقاطع والروابط)</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>doccano JSONL (صيغة دوكانو)</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks</source>
        <translation>مهام Label Studio بصيغة JSON</translation>
    </message>
    <message>
        <source>brat standoff (a folder of .txt and .ann files)</source>
        <translation>صيغة brat المنفصلة (مجلد ملفات ‎.txt و‎.ann)</translation>
    </message>
    <message>
        <source>Hugging Face token classification (BIO tags, JSONL)</source>
        <translation>تصنيف الرموز لـ Hugging Face (وسوم BIO، ‏JSONL)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="35" />
        <source>All annotators</source>
        <translation>كل الموسِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="37" />
        <source>Gold (adjudicated)</source>
        <translation>المرجعي (المحسوم)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="41" />
        <source>Only documents marked done</source>
        <translation>الوثائق المعلَّمة كمنجزة فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="42" />
        <source>Include suggestions that nobody accepted yet</source>
        <translation>تضمين الاقتراحات التي لم يقبلها أحد بعد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="44" />
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="52" />
        <source>Split into train / dev / test files</source>
        <translation>التقسيم إلى ملفات تدريب / تطوير / اختبار</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="57" />
        <source>Train:</source>
        <translation>التدريب:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="57" />
        <source>Dev:</source>
        <translation>التطوير:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="57" />
        <source>Test:</source>
        <translation>الاختبار:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="68" />
        <source>Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="69" />
        <source>Documents are assigned by a hash of their id and the seed: the same seed gives the same split every time.</source>
        <translation>تُوزَّع الوثائق ببصمة معرّفها والبذرة: البذرة نفسها تعطي التقسيم نفسه في كل مرة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="72" />
        <source>Where to write the export</source>
        <translation>أين يُكتب التصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="73" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="81" />
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="82" />
        <source>Layer:</source>
        <translation>الطبقة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="85" />
        <source>Save to:</source>
        <translation>الحفظ في:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="87" />
        <location filename="../../annotator/gui/export_dialog.py" line="166" />
        <location filename="../../annotator/gui/export_dialog.py" line="170" />
        <location filename="../../annotator/gui/export_dialog.py" line="187" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="127" />
        <source>A native export of all annotators is a full copy: suggested and rejected spans go out too, with their status.</source>
        <translation>التصدير الأصلي لكل الموسِّمين نسخة كاملة: تخرج المقاطع المقترحة والمرفوضة أيضاً مع حالتها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="130" />
        <source>Accepted spans go out; rejected spans never; suggestions only when ticked.</source>
        <translation>تخرج المقاطع المقبولة؛ والمرفوضة لا تخرج أبداً؛ والاقتراحات فقط عند التأشير.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="148" />
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="151" />
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="152" />
        <source>Export files (*%1);;All files (*)</source>
        <translation>ملفات التصدير (*%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="166" />
        <source>Choose at least one label.</source>
        <translation>اختر وسماً واحداً على الأقل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="173" />
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Export cancelled: the folder holds only part of the documents.</source>
        <translation>أُلغي التصدير: في المجلد جزء من الوثائق فقط.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="174" />
        <source>Export cancelled: no file was written (an existing one is unchanged).</source>
        <translation>أُلغي التصدير: لم يُكتب أي ملف (والملف الموجود بقي كما هو).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="173" />
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="178" />
        <source>Exported %1 documents to %2.</source>
        <translation>صُدِّرت %1 وثيقة إلى %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="184" />
        <source>%1 problems (below): those spans could not be expressed in this format.</source>
        <translation>%1 مشكلة (أدناه): تعذّر التعبير عن تلك المقاطع في هذه الصيغة.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="34" />
        <source>Find in document</source>
        <translation>بحث في الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="35" />
        <source>Ignore harakat and letter forms</source>
        <translation>تجاهل الحركات وأشكال الحروف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="37" />
        <source>Arabic-aware: ignore harakat and tatweel; أ إ آ match ا, ى matches ي, ة matches ه</source>
        <translation>بحث يراعي العربية: تُتجاهل الحركات والتطويل؛ أ إ آ تطابق ا، وى تطابق ي، وة تطابق ه</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="40" />
        <source>Match case</source>
        <translation>مطابقة حالة الأحرف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="45" />
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="46" />
        <source>Previous match (Shift+F3)</source>
        <translation>المطابقة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="48" />
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="49" />
        <source>Next match (F3 or Enter)</source>
        <translation>المطابقة التالية (F3 أو Enter)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="52" />
        <source>Close (Escape)</source>
        <translation>إغلاق (Escape)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="177" />
        <source>No matches</source>
        <translation>لا مطابقات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="179" />
        <source>{0} matches</source>
        <translation>{0} مطابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/find_bar.py" line="181" />
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../annotator/core/formats/native_jsonl.py" line="51" />
        <source>Native JSONL: everything, lossless (re-import, backup, review)</source>
        <translation>JSONL الأصلي: كل شيء بلا فقد (لإعادة الاستيراد والنسخ الاحتياطي والمراجعة)</translation>
    </message>
    <message>
        <location filename="../../annotator/core/formats/labelstudio.py" line="352" />
        <source>Label Studio JSON tasks</source>
        <translation>مهام Label Studio بصيغة JSON</translation>
    </message>
    <message>
        <location filename="../../annotator/core/formats/hfbio.py" line="188" />
        <source>Hugging Face token classification (BIO tags, JSONL)</source>
        <translation>تصنيف الرموز لـ Hugging Face (وسوم BIO، ‏JSONL)</translation>
    </message>
    <message>
        <location filename="../../annotator/core/formats/prodigy.py" line="314" />
        <source>Prodigy JSONL (spans and relations)</source>
        <translation>Prodigy JSONL (المقاطع والروابط)</translation>
    </message>
    <message>
        <location filename="../../annotator/core/formats/doccano.py" line="171" />
        <source>doccano JSONL</source>
        <translation>doccano JSONL (صيغة دوكانو)</translation>
    </message>
    <message>
        <location filename="../../annotator/core/formats/plain_text.py" line="33" />
        <source>Plain text (.txt files, or a folder of them)</source>
        <translation>نص عادي (ملفات .txt أو مجلد منها)</translation>
    </message>
    <message>
        <location filename="../../annotator/core/formats/brat.py" line="683" />
        <source>brat standoff (a folder of .txt and .ann files)</source>
        <translation>صيغة brat المنفصلة (مجلد ملفات ‎.txt و‎.ann)</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="72" />
        <location filename="../../annotator/gui/import_actions.py" line="97" />
        <location filename="../../annotator/gui/import_actions.py" line="109" />
        <source>Import documents</source>
        <translation>استيراد وثائق</translation>
    </message>
    <message>
        <source>Documents and other tools' exports (*.txt *.jsonl *.json *.ann);;All files (*)</source>
        <translation>الوثائق وملفات الأدوات الأخرى (*.txt *.jsonl *.json *.ann);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="78" />
        <source>Import a folder of .txt files or a brat folder</source>
        <translation>استيراد مجلد ملفات .txt أو مجلد brat</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="100" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="101" />
        <source>Import cancelled: nothing was imported.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="100" />
        <source>Import refused: nothing was imported</source>
        <translation>رُفض الاستيراد: لم يُستورد شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="73" />
        <source>Documents and other tools' exports (%1);;All files (*)</source>
        <translation>الوثائق وملفات الأدوات الأخرى (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_actions.py" line="107" />
        <source>not a .txt file, not imported: %1</source>
        <translation>ليس ملف .txt، لم يُستورد: %1</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="109" />
        <source>Selected span</source>
        <translation>المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="116" />
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="117" />
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="128" />
        <source>Label:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="129" />
        <source>Text:</source>
        <translation>النص:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="130" />
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="131" />
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="132" />
        <source>Times:</source>
        <translation>الأوقات:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="133" />
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="135" />
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="139" />
        <source>Remove link</source>
        <translation>إزالة الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="141" />
        <source>Span to link</source>
        <translation>المقطع المراد ربطه</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="142" />
        <source>Link</source>
        <translation>ربط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="149" />
        <source>No span selected. Select text and press a label key, or click a span.</source>
        <translation>لا مقطع محدداً. حدّد نصاً واضغط مفتاح وسم، أو انقر مقطعاً.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="151" />
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="156" />
        <source>YYYY-MM-DD</source>
        <translation>سنة-شهر-يوم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="159" />
        <source>ID:</source>
        <translation>المعرّف:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="160" />
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="161" />
        <source>Date (dct):</source>
        <translation>تاريخ الوثيقة (dct):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="163" />
        <source>Other:</source>
        <translation>أخرى:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="201" />
        <source>created %1</source>
        <translation>أُنشئ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="203" />
        <source>modified %1</source>
        <translation>عُدّل %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="213" />
        <source>by %1</source>
        <translation>بواسطة %1</translation>
    </message>
    <message>
        <source>Not a valid value: %1</source>
        <translation>قيمة غير صالحة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="295" />
        <source>Not a date like 2021-12-09</source>
        <translation>ليس تاريخاً بصيغة 2021-12-09</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/inspector.py" line="299" />
        <source>The date the document was written: relative dates are read from it.</source>
        <translation>تاريخ كتابة الوثيقة: تُحسب منه التواريخ النسبية.</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <location filename="../../annotator/gui/label_palette.py" line="33" />
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/label_palette.py" line="40" />
        <source>Key: %1 (Alt+%1: exact characters)</source>
        <translation>المفتاح: %1 (Alt+%1: أحرف بالضبط)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/label_palette.py" line="45" />
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/label_palette.py" line="48" />
        <source>Link %1</source>
        <translation>ربط %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/workspace.py" line="19" />
        <source>This document contains bidi control characters: the displayed order may differ from the stored text</source>
        <translation>تحتوي هذه الوثيقة على محارف تحكم باتجاه النص: قد يختلف الترتيب المعروض عن النص المخزَّن</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="40" />
        <source>Project in use</source>
        <translation>المشروع قيد الاستخدام</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="41" />
        <source>Open it read-only?</source>
        <translation>هل تفتحه للقراءة فقط؟</translation>
    </message>
    <message>
        <source>No project is open. Use File › Open, File › New, or open the sample project.</source>
        <translation>لا مشروع مفتوحاً. استخدم ملف › فتح، أو ملف › مشروع جديد، أو افتح مشروع المثال.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="100" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="101" />
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="102" />
        <source>Open…</source>
        <translation>فتح…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="103" />
        <source>Open recent</source>
        <translation>فتح مشروع حديث</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="105" />
        <source>Open the sample project</source>
        <translation>فتح مشروع المثال</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="110" />
        <source>Import documents…</source>
        <translation>استيراد وثائق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="111" />
        <source>Import a folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="114" />
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="118" />
        <source>Close project</source>
        <translation>إغلاق المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="119" />
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="120" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="121" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="122" />
        <location filename="../../annotator/gui/main_window.py" line="311" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="123" />
        <location filename="../../annotator/gui/main_window.py" line="312" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="125" />
        <source>Find…</source>
        <translation>بحث…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="126" />
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="127" />
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="130" />
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="131" />
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="132" />
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="134" />
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="135" />
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="136" />
        <source>&amp;Annotate</source>
        <translation>&amp;توسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="137" />
        <source>&amp;Document</source>
        <translation>&amp;وثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="138" />
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="139" />
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="141" />
        <source>Mark done and go to next</source>
        <translation>تعليم كمنجزة والانتقال إلى التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="145" />
        <source>Mark in progress</source>
        <translation>تعليم كقيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="145" />
        <source>Mark to do</source>
        <translation>تعليم كغير منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="146" />
        <source>Mark done</source>
        <translation>تعليم كمنجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="148" />
        <source>Filter documents</source>
        <translation>تصفية الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="149" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="150" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="151" />
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="152" />
        <source>Reset text size</source>
        <translation>إعادة حجم النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="153" />
        <source>Show invisible characters</source>
        <translation>إظهار المحارف غير المرئية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="157" />
        <source>Next pane</source>
        <translation>اللوحة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="158" />
        <source>Previous pane</source>
        <translation>اللوحة السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="160" />
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="162" />
        <source>Recommender</source>
        <translation>المقترِح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="163" />
        <source>Accept all suggestions of label</source>
        <translation>قبول كل اقتراحات الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="172" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="173" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="174" />
        <location filename="../../annotator/gui/main_window.py" line="451" />
        <source>About annotator</source>
        <translation>عن annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="175" />
        <source>Character precision</source>
        <translation>دقة الحرف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="177" />
        <source>Snap to exact characters instead of whole words (Ctrl+Shift+P)</source>
        <translation>الالتزام بالأحرف بالضبط بدل الكلمات الكاملة (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="180" />
        <source>Annotation</source>
        <translation>التوسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="202" />
        <source>Label %1</source>
        <translation>وسم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="210" />
        <source>Link %1…</source>
        <translation>ربط %1…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="215" />
        <source>Move start →</source>
        <translation>تحريك البداية →</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="215" />
        <source>Move start ←</source>
        <translation>تحريك البداية ←</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="216" />
        <source>Move end →</source>
        <translation>تحريك النهاية →</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="216" />
        <source>Move end ←</source>
        <translation>تحريك النهاية ←</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="230" />
        <source>Bidi controls in this document</source>
        <translation>محارف تحكم بالاتجاه في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="240" />
        <source>Read-only: %1</source>
        <translation>للقراءة فقط: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="242" />
        <source>Annotator: %1</source>
        <translation>الموسِّم: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="247" />
        <source>No changes possible</source>
        <translation>لا تعديل ممكن</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="249" />
        <source>All changes saved (%1)</source>
        <translation>حُفظت كل التعديلات (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="251" />
        <source>All changes saved</source>
        <translation>حُفظت كل التعديلات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="320" />
        <source>Checking the project file… (reading works already)</source>
        <translation>جارٍ فحص ملف المشروع… (القراءة متاحة الآن)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="338" />
        <location filename="../../annotator/gui/main_window.py" line="368" />
        <source>Cannot open</source>
        <translation>تعذّر الفتح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="347" />
        <source>Project file checked: editing is on</source>
        <translation>فُحص ملف المشروع: التحرير متاح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="376" />
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="377" />
        <source>Annotator projects (*.annot);;All files (*)</source>
        <translation>مشاريع annotator (*.annot);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="392" />
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Annotator projects (*.annot)</source>
        <translation>مشاريع annotator (*.annot)</translation>
    </message>
    <message>
        <source>Cannot create</source>
        <translation>تعذّر الإنشاء</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>استيراد وثائق</translation>
    </message>
    <message>
        <source>Documents (*.jsonl *.txt *.json);;All files (*)</source>
        <translation>وثائق (*.jsonl *.txt *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import refused: nothing was imported</source>
        <translation>رُفض الاستيراد: لم يُستورد شيء</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Native JSONL (*.jsonl)</source>
        <translation>JSONL الأصلي (*.jsonl)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="452" />
        <source>annotator %1: quotes, sources, cues and dates in Arabic news.</source>
        <translation>annotator %1: الاقتباسات ومصادرها وأفعال القول والتواريخ في الأخبار العربية.</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="19" />
        <location filename="../../annotator/gui/new_project.py" line="66" />
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="21" />
        <location filename="../../annotator/gui/new_project.py" line="35" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="27" />
        <source>News quotes and dates (QUOTE, SOURCE, CUE, DATE)</source>
        <translation>اقتباسات الأخبار وتواريخها (اقتباس، مصدر، فعل القول، تاريخ)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="28" />
        <source>A scheme file:</source>
        <translation>ملف مخطط:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="51" />
        <source>Project file:</source>
        <translation>ملف المشروع:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="52" />
        <source>Annotation scheme:</source>
        <translation>مخطط التوسيم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="67" />
        <source>Annotator projects (*.annot)</source>
        <translation>مشاريع annotator (*.annot)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="72" />
        <source>Annotation scheme</source>
        <translation>مخطط التوسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="72" />
        <source>Scheme (*.json)</source>
        <translation>مخطط (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="79" />
        <source>Choose where to save the project.</source>
        <translation>اختر مكان حفظ المشروع.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="86" />
        <source>Replace project?</source>
        <translation>استبدال المشروع؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/new_project.py" line="87" />
        <source>{path} exists. Replace it with a new, empty project?</source>
        <translation>الملف {path} موجود. أتستبدل به مشروعاً جديداً فارغاً؟</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../annotator/gui/operation.py" line="199" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="187" />
        <source>Team progress — %1</source>
        <translation>تقدم الفريق — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="188" />
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="188" />
        <source>Assigned</source>
        <translation>المُسندة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="188" />
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="189" />
        <source>In progress</source>
        <translation>قيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="189" />
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="189" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="189" />
        <source>Minutes</source>
        <translation>الدقائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="190" />
        <source>Progress</source>
        <translation>التقدم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="194" />
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="202" />
        <source>Agreement on the shared documents (span F1) as more of them are done:</source>
        <translation>الاتفاق على الوثائق المشتركة (F1 للمقاطع) كلما أُنجز المزيد منها:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="232" />
        <source>%1 of %2 documents are shared for agreement; none is done by two annotators yet.</source>
        <translation>%1 من %2 وثيقة مشتركة لقياس الاتفاق؛ ولم ينجز اثنان من الموسِّمين أياً منها بعد.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="234" />
        <source>%1 of %2 documents are shared for agreement; %3 are done by two annotators: span F1 %4.</source>
        <translation>%1 من %2 وثيقة مشتركة لقياس الاتفاق؛ أنجز اثنان من الموسِّمين %3 منها: F1 للمقاطع %4.</translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="94" />
        <source>Pull from team project</source>
        <translation>السحب من مشروع الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="96" />
        <source>a project file, or a server address (postgresql://…)</source>
        <translation>ملف مشروع، أو عنوان خادم (postgresql://…)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="97" />
        <location filename="../../annotator/gui/team_actions.py" line="101" />
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="103" />
        <source>Every document, not only those assigned to me</source>
        <translation>كل الوثائق، لا المسندة إليّ وحدها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="106" />
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="108" />
        <source>Team project:</source>
        <translation>مشروع الفريق:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="109" />
        <source>Annotator:</source>
        <translation>الموسِّم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="110" />
        <source>Save my copy as:</source>
        <translation>حفظ نسختي باسم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="111" />
        <source>Also take new documents:</source>
        <translation>خذ أيضاً وثائق جديدة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="113" />
        <source>Your copy holds your documents, the scheme, the suggestions and your work so far. Work in it anywhere; File › Push to team project brings your work back.</source>
        <translation>تضم نسختك وثائقك والمخطط والاقتراحات وما أنجزته حتى الآن. اعمل فيها أينما كنت؛ ملف › الدفع إلى مشروع الفريق يعيد عملك إليه.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="124" />
        <source>Team project</source>
        <translation>مشروع الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="125" />
        <source>Projects (*.annot);;All files (*)</source>
        <translation>مشاريع (*.annot);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="132" />
        <source>Save my copy as</source>
        <translation>حفظ نسختي باسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="133" />
        <source>Projects (*.annot)</source>
        <translation>مشاريع (*.annot)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="18" />
        <source>Drive</source>
        <translation>القرص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="19" />
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="20" />
        <source>File Folder</source>
        <translation>مجلد ملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="21" />
        <source>%1 File</source>
        <translation>ملف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="22" />
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="23" />
        <source>Alias</source>
        <translation>اسم مستعار</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="24" />
        <source>Shortcut</source>
        <translation>اختصار</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="25" />
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="16" />
        <source>&amp;Look in:</source>
        <translation>ا&amp;بحث في:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/i18n.py" line="17" />
        <source>Files of &amp;type:</source>
        <translation>الملفات من ال&amp;نوع:</translation>
    </message>
</context>
<context>
    <name>RecommenderActions</name>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="199" />
        <source>Train recommender…</source>
        <translation>تدريب المقترِح…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="200" />
        <source>Cancel training</source>
        <translation>إلغاء التدريب</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="203" />
        <source>Suggest with the recommender in this document</source>
        <translation>اقتراحات المقترِح في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="205" />
        <source>Suggest with the recommender in all documents…</source>
        <translation>اقتراحات المقترِح في كل الوثائق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="207" />
        <source>Next document the model learns most from</source>
        <translation>الوثيقة التالية التي يتعلّم منها النموذج أكثر</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="209" />
        <source>Order the to-do list by</source>
        <translation>ترتيب الوثائق غير المنجزة حسب</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="212" />
        <source>The model's uncertainty</source>
        <translation>عدم يقين النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="212" />
        <source>Expected gain</source>
        <translation>الفائدة المتوقعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="220" />
        <source>Learning curve…</source>
        <translation>منحنى التعلّم…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="221" />
        <source>Retrain automatically…</source>
        <translation>إعادة التدريب تلقائياً…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="269" />
        <location filename="../../annotator/gui/recommender_actions.py" line="272" />
        <location filename="../../annotator/gui/recommender_actions.py" line="495" />
        <source>Recommender</source>
        <translation>المقترِح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="273" />
        <source>No recommender has been trained in this project yet: Tools › Recommender › Train recommender… learns from the documents marked done.</source>
        <translation>لم يُدرَّب أي مقترِح في هذا المشروع بعد: أدوات › المقترِح › تدريب المقترِح… يتعلّم من الوثائق المعلَّمة كمنجزة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="307" />
        <location filename="../../annotator/gui/recommender_actions.py" line="315" />
        <location filename="../../annotator/gui/recommender_actions.py" line="349" />
        <source>Train recommender</source>
        <translation>تدريب المقترِح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="316" />
        <source>Training the recommender on %1 documents…</source>
        <translation>جارٍ تدريب المقترِح على %1 وثيقة…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="313" />
        <source>Retraining the recommender in the background…</source>
        <translation>جارٍ إعادة تدريب المقترِح في الخلفية…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="318" />
        <source>Training was cancelled: no model was stored.</source>
        <translation>أُلغي التدريب: لم يُحفَظ أي نموذج.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="381" />
        <source>Retrain automatically</source>
        <translation>إعادة التدريب تلقائياً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="382" />
        <source>Retrain the recommender after every how many newly done documents?</source>
        <translation>يُعاد تدريب المقترِح بعد كم وثيقة منجزة جديدة؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="419" />
        <source>Suggest with the recommender</source>
        <translation>اقتراحات المقترِح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="423" />
        <source>%1 new suggestions (rules and %2): Enter or A accepts, R rejects.</source>
        <translation>%1 اقتراحاً جديداً (القواعد و%2): Enter أو A للقبول، R للرفض.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="425" />
        <source>No new suggestions in this document.</source>
        <translation>لا اقتراحات جديدة في هذه الوثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="439" />
        <source>Suggest with the rules and %1 in all %2 documents? The suggestions go into your own layer (%3). Cancel during the run leaves the project unchanged.</source>
        <translation>أتقترح بالقواعد و%1 في كل الوثائق (%2)؟ تذهب الاقتراحات إلى طبقتك (%3). الإلغاء أثناء التشغيل يترك المشروع دون تغيير.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="442" />
        <location filename="../../annotator/gui/recommender_actions.py" line="445" />
        <source>Suggest in all documents</source>
        <translation>الاقتراح في كل الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="447" />
        <source>Suggesting…</source>
        <translation>جارٍ الاقتراح…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="448" />
        <source>Suggesting was cancelled: nothing was changed.</source>
        <translation>أُلغي الاقتراح: لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="486" />
        <source>Opened the to-do document the model learns most from.</source>
        <translation>فُتحت الوثيقة غير المنجزة التي يتعلّم منها النموذج أكثر.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="488" />
        <source>No document left to do.</source>
        <translation>لم تبقَ وثيقة غير منجزة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/recommender_actions.py" line="495" />
        <source>Ranking the to-do documents…</source>
        <translation>جارٍ ترتيب الوثائق غير المنجزة…</translation>
    </message>
    <message>
        <source>Recommender learning curve</source>
        <translation>منحنى تعلّم المقترِح</translation>
    </message>
    <message>
        <source>No recommender has been trained in this project yet.</source>
        <translation>لم يُدرَّب أي مقترِح في هذا المشروع بعد.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../annotator/gui/report_dialog.py" line="24" />
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="71" />
        <source>Restore a backup — %1</source>
        <translation>استعادة نسخة احتياطية — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="74" />
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="74" />
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="74" />
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="84" />
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="91" />
        <source>Backups are kept in %1. Restoring keeps the current file as a backup first: nothing is deleted.</source>
        <translation>تُحفظ النسخ الاحتياطية في %1. الاستعادة تحفظ الملف الحالي نسخةً احتياطية أولاً: لا يُحذف شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="93" />
        <source>This project has no backups yet. One is made when it opens after a change, and every %1 minutes while you work.</source>
        <translation>لا نسخ احتياطية لهذا المشروع بعد. تُنشأ نسخة عند فتحه بعد أي تغيير، وكل %1 دقائق أثناء العمل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="98" />
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="58" />
        <source>Import annotators' work…</source>
        <translation>استيراد عمل الموسِّمين…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="59" />
        <source>Review and adjudicate…</source>
        <translation>المراجعة والحسم…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="60" />
        <source>Agreement…</source>
        <translation>الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="73" />
        <location filename="../../annotator/gui/merge_actions.py" line="79" />
        <location filename="../../annotator/gui/merge_actions.py" line="96" />
        <source>Import annotators' work</source>
        <translation>استيراد عمل الموسِّمين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="74" />
        <source>Annotator projects (*.annot);;All files (*)</source>
        <translation>مشاريع annotator (*.annot);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="81" />
        <source>Importing annotators' work…</source>
        <translation>جارٍ استيراد عمل الموسِّمين…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="82" />
        <source>Import refused: nothing was changed</source>
        <translation>رُفض الاستيراد: لم يُغيَّر شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="83" />
        <source>Import cancelled: nothing was changed.</source>
        <translation>أُلغي الاستيراد: لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="88" />
        <source>Imported the work of %1 file(s); layers: %2.</source>
        <translation>استُورد عمل %1 ملف؛ الطبقات: %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="90" />
        <source>Documents: %1 matched, %2 added, %3 skipped (already here, with no work of these annotators).</source>
        <translation>الوثائق: %1 مطابَقة، %2 مضافة، %3 متخطّاة (موجودة هنا، بلا عمل لهؤلاء الموسِّمين).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="94" />
        <source>Nothing had changed since the last import.</source>
        <translation>لم يتغير شيء منذ آخر استيراد.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="112" />
        <source>Review and adjudicate</source>
        <translation>المراجعة والحسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/merge_actions.py" line="113" />
        <source>No annotator has marked a document done yet. Import the annotators' work first (File › Import annotators' work…); review shows the documents they marked done.</source>
        <translation>لم يعلّم أي موسِّم وثيقةً كمنجزة بعد. استورد عمل الموسِّمين أولاً (ملف › استيراد عمل الموسِّمين…)؛ تعرض المراجعة الوثائق التي علّموها كمنجزة.</translation>
    </message>
</context>
<context>
    <name>ReviewKeysDialog</name>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="26" />
        <source>Review: keyboard shortcuts</source>
        <translation>المراجعة: اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="29" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="29" />
        <source>What it does</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/keys.py" line="40" />
        <source>A cluster is decided when the reviewer accepts a version, rejects it, or draws gold there; only clusters whose versions agree in edges, labels, attribute values and links are accepted automatically. Alt+1, Alt+2 … take the version of the annotator with that number in the legend.</source>
        <translation>تُحسَم المجموعة حين يقبل المراجع نسخةً أو يرفضها أو يرسم فيها مقطعاً مرجعياً؛ ولا تُقبَل تلقائياً إلا المجموعة التي تتفق نسخها في الحدود والوسوم وقيم الخصائص والروابط. Alt+1 وAlt+2 … تأخذ نسخة الموسِّم الذي يحمل هذا الرقم في دليل الألوان.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="145" />
        <source>Review — %1</source>
        <translation>المراجعة — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="147" />
        <source>document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="147" />
        <source>disagreement</source>
        <translation>الاختلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="147" />
        <source>review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="148" />
        <source>Documents, most disagreement first</source>
        <translation>الوثائق، الأكثر اختلافاً أولاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="156" />
        <location filename="../../annotator/gui/review/window.py" line="160" />
        <source>who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="156" />
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="156" />
        <source>start–end</source>
        <translation>البداية–النهاية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="157" />
        <source>text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="156" />
        <source>attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="157" />
        <source>links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="158" />
        <source>Versions of the current cluster</source>
        <translation>نسخ المجموعة الحالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="160" />
        <source>link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="160" />
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="160" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="161" />
        <source>decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="162" />
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="171" />
        <source>What differs</source>
        <translation>ما يختلف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="174" />
        <source>What differs between the versions, side by side</source>
        <translation>ما يختلف بين النسخ، جنباً إلى جنب</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="189" />
        <source>Links (L accept, K reject)</source>
        <translation>الروابط (L قبول، K رفض)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="203" />
        <location filename="../../annotator/gui/review/window.py" line="592" />
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="204" />
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="227" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="228" />
        <source>Export the gold layer…</source>
        <translation>تصدير الطبقة المرجعية…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="229" />
        <source>Close review</source>
        <translation>إغلاق المراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="230" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="235" />
        <source>&amp;Review</source>
        <translation>&amp;مراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="236" />
        <source>Accept unanimous spans automatically</source>
        <translation>قبول المقاطع المتفق عليها تلقائياً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="239" />
        <source>Accept the selected version</source>
        <translation>قبول النسخة المحددة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="240" />
        <source>Accept and go to the next cluster</source>
        <translation>القبول والانتقال إلى المجموعة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="241" />
        <source>Reject: nothing here</source>
        <translation>رفض: لا شيء هنا</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="242" />
        <source>Next cluster</source>
        <translation>المجموعة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="243" />
        <source>Previous cluster</source>
        <translation>المجموعة السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="244" />
        <source>Next undecided cluster</source>
        <translation>المجموعة التالية غير المحسومة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="245" />
        <source>Previous undecided cluster</source>
        <translation>المجموعة السابقة غير المحسومة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="246" />
        <source>Gold span edges from the selection</source>
        <translation>حدود المقطع المرجعي من التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="247" />
        <source>Delete the gold span</source>
        <translation>حذف المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="248" />
        <source>Take the selected version's attributes</source>
        <translation>أخذ خصائص النسخة المحددة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="249" />
        <source>Accept the selected link</source>
        <translation>قبول الرابط المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="250" />
        <source>Reject the selected link</source>
        <translation>رفض الرابط المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="251" />
        <location filename="../../annotator/gui/review/window.py" line="727" />
        <source>Document reviewed</source>
        <translation>رُوجعت الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="252" />
        <source>Curated: nothing in this document</source>
        <translation>رُوجعت: لا شيء في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="253" />
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="254" />
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="260" />
        <source>Gold %1 span from the selection</source>
        <translation>مقطع %1 مرجعي من التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="264" />
        <source>Take the version of annotator %1 (the legend's number)</source>
        <translation>أخذ نسخة الموسِّم %1 (رقمه في دليل الألوان)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="269" />
        <source>Take a version</source>
        <translation>أخذ نسخة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="274" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="276" />
        <location filename="../../annotator/gui/review/window.py" line="290" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="277" />
        <location filename="../../annotator/gui/review/window.py" line="291" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="283" />
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="284" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="297" />
        <location filename="../../annotator/gui/review/window.py" line="348" />
        <source>Accept unanimous spans</source>
        <translation>قبول المقاطع المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="311" />
        <source> (+%1 attributes)</source>
        <translation> (+%1 خصائص)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="317" />
        <source>to do</source>
        <translation>غير منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="317" />
        <source>in progress</source>
        <translation>قيد الإنجاز</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="317" />
        <source>done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="388" />
        <location filename="../../annotator/gui/review/window.py" line="490" />
        <source>gold</source>
        <translation>المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="389" />
        <source>Colours: one per annotator; gold is the adjudicated layer. Alt+number takes that annotator's version of the cluster.</source>
        <translation>الألوان: لون لكل موسِّم؛ والمرجعي هو الطبقة المحسومة. Alt مع الرقم يأخذ نسخة ذلك الموسِّم من المجموعة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="421" />
        <source> — the same spans, but attributes or links differ: choose a version (Alt+1, Alt+2 …)</source>
        <translation> — المقاطع نفسها، لكن الخصائص أو الروابط تختلف: اختر نسخة (Alt+1، Alt+2 …)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="423" />
        <source> (it was accepted automatically before; the versions differ now)</source>
        <translation> (قُبل تلقائياً من قبل؛ والنسخ تختلف الآن)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="741" />
        <source>The review is not finished; undecided clusters are not in the gold layer:</source>
        <translation>لم تكتمل المراجعة؛ المجموعات غير المحسومة ليست في الطبقة المرجعية:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="742" />
        <source>Export anyway?</source>
        <translation>أتصدّر على أي حال؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="743" />
        <source>Export the gold layer</source>
        <translation>تصدير الطبقة المرجعية</translation>
    </message>
    <message>
        <source>Colours: one per annotator; gold is the adjudicated layer</source>
        <translation>الألوان: لون لكل موسِّم؛ والمرجعي هو الطبقة المحسومة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="410" />
        <source>No spans in this document: R or Ctrl+E records “curated: nothing here”.</source>
        <translation>لا مقاطع في هذه الوثيقة: R أو Ctrl+E يسجّل «رُوجعت: لا شيء هنا».</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="414" />
        <source>undecided</source>
        <translation>لم يُحسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="414" />
        <location filename="../../annotator/gui/review/window.py" line="537" />
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="414" />
        <source>rejected: nothing here</source>
        <translation>مرفوض: لا شيء هنا</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="415" />
        <source>edited by the reviewer</source>
        <translation>عدّله المراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="415" />
        <source>accepted automatically (unanimous)</source>
        <translation>قُبل تلقائياً (بالإجماع)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="416" />
        <source>Cluster %1 of %2, %3–%4: %5</source>
        <translation>المجموعة %1 من %2، %3–%4: %5</translation>
    </message>
    <message>
        <source> — attributes differ: %1</source>
        <translation> — الخصائص مختلفة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="438" />
        <source>gold (automatic)</source>
        <translation>مرجعي (تلقائي)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="440" />
        <source>(nothing here)</source>
        <translation>(لا شيء هنا)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="490" />
        <source>attribute or link</source>
        <translation>الخاصية أو الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="490" />
        <source>span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="504" />
        <location filename="../../annotator/gui/review/window.py" line="508" />
        <source>(no gold span)</source>
        <translation>(لا مقطع مرجعي)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="506" />
        <source>link %1</source>
        <translation>الرابط %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="513" />
        <source>(no such span)</source>
        <translation>(ليس لديه هذا المقطع)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="537" />
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="538" />
        <source>accepted automatically</source>
        <translation>مقبول تلقائياً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="539" />
        <source>in gold</source>
        <translation>في المرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="541" />
        <source> (made when both its spans are gold)</source>
        <translation> (يُنشأ حين يصبح طرفاه مرجعيين)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="549" />
        <source>Review of this document: %1 — %2 of %3 clusters decided</source>
        <translation>مراجعة هذه الوثيقة: %1 — حُسمت %2 من %3 مجموعات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="552" />
        <source> (curated: nothing here)</source>
        <translation> (رُوجعت: لا شيء هنا)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="580" />
        <source>Every cluster of this document is decided</source>
        <translation>حُسمت كل مجموعات هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="603" />
        <source>Select an annotator's version in the table first</source>
        <translation>حدّد نسخة أحد الموسِّمين في الجدول أولاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="606" />
        <source>Accept %1's version</source>
        <translation>قبول نسخة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="616" />
        <location filename="../../annotator/gui/review/window.py" line="635" />
        <source>Take %1's version</source>
        <translation>أخذ نسخة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="632" />
        <source>Take %1's %2</source>
        <translation>أخذ %2 من %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="649" />
        <source>Reject cluster</source>
        <translation>رفض المجموعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="665" />
        <source>Select text (or a gold span) first</source>
        <translation>حدّد نصاً (أو مقطعاً مرجعياً) أولاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="667" />
        <source>Relabel gold span</source>
        <translation>تغيير وسم المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="670" />
        <source>Add gold %1 span</source>
        <translation>إضافة مقطع %1 مرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="677" />
        <source>Select a gold span in the table and the new extent in the text</source>
        <translation>حدّد مقطعاً مرجعياً في الجدول والامتداد الجديد في النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="679" />
        <source>Move gold span edges</source>
        <translation>تحريك حدود المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="688" />
        <source>Set %1 of the gold span</source>
        <translation>ضبط %1 للمقطع المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="695" />
        <source>Delete gold span</source>
        <translation>حذف المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="704" />
        <source>No gold span with these edges and label: accept a version first</source>
        <translation>لا مقطع مرجعي بهذه الحدود وهذا الوسم: اقبل نسخة أولاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="706" />
        <source>Take %1's attributes</source>
        <translation>أخذ خصائص %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="718" />
        <source>Accept link</source>
        <translation>قبول الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="723" />
        <source>Reject link</source>
        <translation>رفض الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/review/window.py" line="732" />
        <source>Curated: nothing here</source>
        <translation>رُوجعت: لا شيء هنا</translation>
    </message>
</context>
<context>
    <name>SaveRetry</name>
    <message>
        <location filename="../../annotator/gui/save_retry.py" line="12" />
        <source>Could not save your change. Nothing was changed.</source>
        <translation>تعذّر حفظ تعديلك. لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_retry.py" line="14" />
        <source>Your change is kept: fix the problem (for example free some disk space), then press Retry. Cancel drops the change.</source>
        <translation>تعديلك محفوظ في الذاكرة: أصلح المشكلة (كأن تفرّغ بعض المساحة على القرص)، ثم اضغط إعادة المحاولة. الإلغاء يتخلّى عن التعديل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/save_retry.py" line="20" />
        <source>Could not save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../annotator/gui/settings.py" line="135" />
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="136" />
        <source>Your name as an annotator (it is recorded with every edit you make):</source>
        <translation>اسمك موسِّماً (يُسجَّل مع كل تعديل تجريه):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../annotator/gui/settings.py" line="151" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="155" />
        <source>Annotator name:</source>
        <translation>اسم الموسِّم:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="157" />
        <source>Follow the system</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="160" />
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="164" />
        <source>Text font:</source>
        <translation>خط النص:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="169" />
        <source>Text size:</source>
        <translation>حجم النص:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="171" />
        <source>Whole words</source>
        <translation>كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="172" />
        <source>Exact characters</source>
        <translation>أحرف بالضبط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="174" />
        <source>Snap selections to:</source>
        <translation>ضبط التحديد على:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/settings.py" line="175" />
        <source>A change of language rebuilds the window; your work is already saved.</source>
        <translation>تغيير اللغة يعيد بناء النافذة؛ عملك محفوظ أصلاً.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="14" />
        <source>Annotating</source>
        <translation>التوسيم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="14" />
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="14" />
        <source>Viewing and finding</source>
        <translation>العرض والبحث</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="14" />
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="14" />
        <source>Moving around</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="19" />
        <source>Label the selection %1 (whole words), or relabel the selected span</source>
        <translation>وسم التحديد بـ %1 (كلمات كاملة)، أو تغيير وسم المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="20" />
        <source>Label the selection %1 with exact characters</source>
        <translation>وسم التحديد بـ %1 بالأحرف بالضبط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="23" />
        <source>Link the selected span by %1: then press 1–9 or Enter (nearest), or click the span; Esc cancels</source>
        <translation>ربط المقطع المحدد برابط %1: ثم اضغط 1–9 أو Enter (الأقرب)، أو انقر المقطع؛ Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="30" />
        <source>Next value of %1 for the selected span (with Shift: the previous one)</source>
        <translation>القيمة التالية لـ %1 في المقطع المحدد (ومع Shift: السابقة)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="33" />
        <source>Accept the selected suggestion</source>
        <translation>قبول الاقتراح المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="34" />
        <source>Reject the selected suggestion</source>
        <translation>رفض الاقتراح المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="35" />
        <source>Next / previous suggestion (accepting or rejecting one also goes to the next)</source>
        <translation>الاقتراح التالي / السابق (قبول اقتراح أو رفضه ينتقل أيضاً إلى التالي)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="36" />
        <source>Delete the selected span (and its links)</source>
        <translation>حذف المقطع المحدد (وروابطه)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="37" />
        <source>Move the start of the selected span one word the way the arrow points. In right-to-left (Arabic) text → extends the start backward (earlier in the text) and ← shrinks it forward; in left-to-right text the other way round</source>
        <translation>تحريك بداية المقطع المحدد كلمةً في اتجاه السهم. في النص العربي (من اليمين إلى اليسار) يمدّ → البداية إلى الخلف (إلى ما قبلها في النص) ويقلّصها ← إلى الأمام؛ وفي النص من اليسار إلى اليمين العكس</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="38" />
        <source>Move the end of the selected span the same way. In Arabic text ← extends the end forward (later in the text) and → shrinks it backward</source>
        <translation>تحريك نهاية المقطع المحدد بالطريقة نفسها. في النص العربي يمدّ ← النهاية إلى الأمام (إلى ما بعدها في النص) ويقلّصها → إلى الخلف</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="39" />
        <source>Character precision: snap to characters instead of whole words (for labels and edge moves)</source>
        <translation>دقة الحرف: الالتزام بالأحرف بدل الكلمات الكاملة (للوسم وتحريك الحدود)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="40" />
        <source>Suggest dates and quotes in this document (Tools menu: what to suggest, all documents)</source>
        <translation>اقتراح التواريخ والأقوال في هذه الوثيقة (قائمة أدوات: ما يُقترح، كل الوثائق)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="41" />
        <source>Deselect the span, or cancel linking</source>
        <translation>إلغاء تحديد المقطع، أو إلغاء الربط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="42" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="43" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="44" />
        <source>Next document</source>
        <translation>الوثيقة التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="45" />
        <source>Previous document</source>
        <translation>الوثيقة السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="46" />
        <source>Mark the document done and go to the next</source>
        <translation>تعليم الوثيقة كمنجزة والانتقال إلى التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="47" />
        <source>Filter the document list</source>
        <translation>تصفية قائمة الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="48" />
        <source>Take my next document (mine first, then one nobody has)</source>
        <translation>خذ وثيقتي التالية (وثائقي أولاً، ثم وثيقة لم يأخذها أحد)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="49" />
        <source>Find in the document (Esc closes)</source>
        <translation>البحث في الوثيقة (Esc للإغلاق)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="50" />
        <source>Next / previous match</source>
        <translation>المطابقة التالية / السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="51" />
        <source>Bigger / smaller text</source>
        <translation>تكبير / تصغير النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="52" />
        <source>Text size from the settings</source>
        <translation>حجم النص من الإعدادات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="53" />
        <source>Show invisible characters (bidi marks, joiners, special spaces)</source>
        <translation>إظهار المحارف غير المرئية (علامات الاتجاه، والوصل، والمسافات الخاصة)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="54" />
        <source>Next / previous pane or control</source>
        <translation>اللوحة أو عنصر التحكم التالي / السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="55" />
        <source>Next / previous pane: documents, text, spans, inspector</source>
        <translation>اللوحة التالية / السابقة: الوثائق، النص، المقاطع، المفتش</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="56" />
        <source>In the text: select (logical order follows the arrows as seen)</source>
        <translation>في النص: التحديد (يتبع الترتيبُ المنطقي الأسهمَ كما تُرى)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="56" />
        <source>Shift+arrows</source>
        <translation>Shift+الأسهم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="57" />
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="58" />
        <source>Open a project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="59" />
        <source>Import documents</source>
        <translation>استيراد وثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="60" />
        <source>Export the project</source>
        <translation>تصدير المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="61" />
        <source>Close the project</source>
        <translation>إغلاق المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="62" />
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="63" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="64" />
        <source>This list</source>
        <translation>هذه القائمة</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="72" />
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="75" />
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="75" />
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="75" />
        <source>What it does</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/shortcuts_help.py" line="88" />
        <source>Everything works from the keyboard. Offsets are stored in logical (reading) order whatever the display direction.</source>
        <translation>كل شيء يعمل من لوحة المفاتيح. تُخزَّن المواضع بترتيب القراءة المنطقي أيّاً كان اتجاه العرض.</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="22" />
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="23" />
        <source>suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="24" />
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="38" />
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="102" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="102" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="102" />
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../annotator/gui/app.py" line="113" />
        <source>The last project, %1, no longer exists: the sample project is open instead.</source>
        <translation>آخر مشروع، %1، لم يعد موجوداً: فُتح مشروع العيّنة بدلاً منه.</translation>
    </message>
</context>
<context>
    <name>SuggestActions</name>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="28" />
        <location filename="../../annotator/gui/suggest_actions.py" line="51" />
        <source>Suggest dates and quotes in this document</source>
        <translation>اقتراح التواريخ والأقوال في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="30" />
        <location filename="../../annotator/gui/suggest_actions.py" line="54" />
        <source>Suggest dates and quotes in all documents…</source>
        <translation>اقتراح التواريخ والأقوال في كل الوثائق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="31" />
        <source>What to suggest</source>
        <translation>ما يُقترح</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="34" />
        <source>Dates and quotes</source>
        <translation>التواريخ والأقوال</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="34" />
        <source>Dates only</source>
        <translation>التواريخ فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="35" />
        <source>Quotes only</source>
        <translation>الأقوال فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="52" />
        <source>Suggest dates in this document</source>
        <translation>اقتراح التواريخ في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="53" />
        <source>Suggest quotes in this document</source>
        <translation>اقتراح الأقوال في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="55" />
        <source>Suggest dates in all documents…</source>
        <translation>اقتراح التواريخ في كل الوثائق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="56" />
        <source>Suggest quotes in all documents…</source>
        <translation>اقتراح الأقوال في كل الوثائق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="61" />
        <source>dates and quotes</source>
        <translation>التواريخ والأقوال</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="61" />
        <source>dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="61" />
        <source>quotes</source>
        <translation>الأقوال</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="81" />
        <location filename="../../annotator/gui/workspace.py" line="122" />
        <source>This document has no date (dct): %1 relative dates have no value. Set its date in the document fields; their values then fill in.</source>
        <translation>ليس لهذه الوثيقة تاريخ (dct): %1 من التواريخ النسبية بلا قيمة. اضبط تاريخها في حقول الوثيقة فتُملأ قيمها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="93" />
        <source>Suggest %1 in all %2 documents?</source>
        <translation>اقتراح %1 في كل الوثائق (%2)؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="94" />
        <source>The suggestions go into your own layer (%1) as suggested spans that you accept (Enter or A) or reject (R). Spans you already have are not suggested again. This cannot be undone with Ctrl+Z; Cancel during the run leaves the project unchanged.</source>
        <translation>تدخل الاقتراحات طبقتك أنت (%1) مقاطعَ مقترحة تقبلها (Enter أو A) أو ترفضها (R). لا يُقترح من جديد مقطع عندك. لا يُتراجع عن هذا بـ Ctrl+Z؛ والإلغاء أثناء التشغيل يترك المشروع كما هو.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="100" />
        <source>%1 of the documents have no date (dct): their relative dates will have no value until it is set (in each document's fields).</source>
        <translation>%1 من الوثائق بلا تاريخ (dct): ستبقى تواريخها النسبية بلا قيمة حتى يُضبط (في حقول كل وثيقة).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="102" />
        <location filename="../../annotator/gui/suggest_actions.py" line="107" />
        <location filename="../../annotator/gui/suggest_actions.py" line="138" />
        <source>Suggest in all documents</source>
        <translation>الاقتراح في كل الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="108" />
        <source>Suggesting %1…</source>
        <translation>جارٍ اقتراح %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="109" />
        <source>Suggesting was cancelled: nothing was changed.</source>
        <translation>أُلغي الاقتراح: لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="123" />
        <source>%1 new suggested spans and %2 links in %3 documents.</source>
        <translation>%1 مقطعاً مقترحاً جديداً و%2 رابطاً في %3 وثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="125" />
        <source>By label: %1</source>
        <translation>حسب الوسم: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="126" />
        <source>%1 suggested dates took their values from their document's date (dct).</source>
        <translation>أخذت %1 من التواريخ المقترحة قيمها من تاريخ وثيقتها (dct).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="128" />
        <source>%1 documents have no date (dct): %2 relative dates there have no value. Set a document's date in its document fields; its values then fill in.</source>
        <translation>%1 من الوثائق بلا تاريخ (dct): %2 من التواريخ النسبية فيها بلا قيمة. اضبط تاريخ الوثيقة في حقولها فتُملأ قيمها.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="131" />
        <source>Enter or A accepts the selected suggestion, R rejects it; Tools › Accept all suggestions of label accepts a whole label in a document.</source>
        <translation>Enter أو A يقبل الاقتراح المحدد، وR يرفضه؛ وأدوات › قبول كل اقتراحات الوسم يقبل وسماً كاملاً في وثيقة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/suggest_actions.py" line="135" />
        <source>%1 documents have no date (dct): their relative dates have no value.</source>
        <translation>%1 من الوثائق بلا تاريخ (dct): تواريخها النسبية بلا قيمة.</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="246" />
        <source>Assign documents to annotators…</source>
        <translation>توزيع الوثائق على الموسِّمين…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="247" />
        <source>Collect packages…</source>
        <translation>جمع الحزم…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="248" />
        <source>Team progress…</source>
        <translation>تقدم الفريق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="249" />
        <source>Pull from team project…</source>
        <translation>السحب من مشروع الفريق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="250" />
        <source>Push to team project…</source>
        <translation>الدفع إلى مشروع الفريق…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="251" />
        <location filename="../../annotator/gui/team_actions.py" line="287" />
        <source>Take my next document</source>
        <translation>خذ وثيقتي التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="275" />
        <source>%1: refused, nothing was changed</source>
        <translation>%1: رُفض الطلب، ولم يتغير شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="292" />
        <source>Nothing left for you: your documents are done and every other one is someone else's.</source>
        <translation>لم يبقَ لك شيء: أنجزت وثائقك، وكل وثيقة أخرى لغيرك.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="304" />
        <source>Your next document: %1</source>
        <translation>وثيقتك التالية: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="318" />
        <location filename="../../annotator/gui/team_actions.py" line="320" />
        <source>Pull from team project</source>
        <translation>السحب من مشروع الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="318" />
        <source>Name the team project and the file to write.</source>
        <translation>حدِّد مشروع الفريق والملف المراد كتابته.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="326" />
        <source>Pulled %1 documents into %2.</source>
        <translation>سُحبت %1 وثيقة إلى %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="340" />
        <location filename="../../annotator/gui/team_actions.py" line="347" />
        <location filename="../../annotator/gui/team_actions.py" line="354" />
        <location filename="../../annotator/gui/team_actions.py" line="371" />
        <source>Push to team project</source>
        <translation>الدفع إلى مشروع الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="341" />
        <source>This project is not a copy pulled from a team project (File › Pull from team project makes one).</source>
        <translation>هذا المشروع ليس نسخة مسحوبة من مشروع فريق (ملف › السحب من مشروع الفريق يصنع واحدة).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="348" />
        <source>Team project (a file or a server address):</source>
        <translation>مشروع الفريق (ملف أو عنوان خادم):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="359" />
        <source>Replace the team project's version of these documents with this copy's?</source>
        <translation>أتستبدل بنسخة مشروع الفريق من هذه الوثائق ما في نسختك هذه؟</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="368" />
        <source>Pushed your work to %1.</source>
        <translation>دُفع عملك إلى %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="369" />
        <source>Nothing new: %1 already holds this work.</source>
        <translation>لا جديد: %1 يحوي هذا العمل من قبل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="400" />
        <source>Writing packages…</source>
        <translation>جارٍ كتابة الحزم…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="390" />
        <location filename="../../annotator/gui/team_actions.py" line="397" />
        <location filename="../../annotator/gui/team_actions.py" line="409" />
        <source>Assign documents</source>
        <translation>توزيع الوثائق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="391" />
        <source>No document is left to assign: %1 are assigned already.</source>
        <translation>لم تبقَ وثيقة للتوزيع: %1 منها مُسندة من قبل.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="401" />
        <source>Assignment cancelled: no package was written.</source>
        <translation>أُلغي التوزيع: لم تُكتب أي حزمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="386" />
        <source>Assignment refused: nothing was written</source>
        <translation>رُفض التوزيع: لم يُكتب شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="405" />
        <source>Assigned %1 documents to %2 annotators; %3 of them are shared for agreement.</source>
        <translation>وُزّعت %1 وثيقة على %2 من الموسِّمين؛ %3 منها مشتركة لقياس الاتفاق.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="420" />
        <location filename="../../annotator/gui/team_actions.py" line="424" />
        <location filename="../../annotator/gui/team_actions.py" line="434" />
        <source>Collect packages</source>
        <translation>جمع الحزم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="421" />
        <source>Packages (*.annot);;All files (*)</source>
        <translation>الحزم (*.annot);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="426" />
        <source>Collecting packages…</source>
        <translation>جارٍ جمع الحزم…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="427" />
        <source>Collect refused: nothing was changed</source>
        <translation>رُفض الجمع: لم يتغير شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="428" />
        <source>Collecting cancelled: nothing was changed.</source>
        <translation>أُلغي الجمع: لم يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="432" />
        <source>Collected %1 package(s).</source>
        <translation>جُمعت %1 حزمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="444" />
        <source>Team progress</source>
        <translation>تقدم الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team_actions.py" line="445" />
        <source>No document is assigned yet: Tools › Assign documents to annotators hands them out.</source>
        <translation>لم تُسند أي وثيقة بعد: أدوات › توزيع الوثائق على الموسِّمين يوزّعها.</translation>
    </message>
</context>
<context>
    <name>Timex</name>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="13" />
        <source>%1 year(s)</source>
        <translation>%1 سنة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="13" />
        <source>%1 month(s)</source>
        <translation>%1 شهر</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="13" />
        <source>%1 week(s)</source>
        <translation>%1 أسبوع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="14" />
        <source>%1 day(s)</source>
        <translation>%1 يوم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="14" />
        <source>%1 hour(s)</source>
        <translation>%1 ساعة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="14" />
        <source>%1 minute(s)</source>
        <translation>%1 دقيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="15" />
        <source>%1 second(s)</source>
        <translation>%1 ثانية</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="30" />
        <source>not a real calendar day</source>
        <translation>ليس يوماً موجوداً في التقويم</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="32" />
        <source>morning</source>
        <translation>صباحاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="32" />
        <source>afternoon</source>
        <translation>بعد الظهر</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="32" />
        <source>evening</source>
        <translation>مساءً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="33" />
        <source>night</source>
        <translation>ليلاً</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="42" />
        <source>there is no month %1</source>
        <translation>لا يوجد شهر %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="46" />
        <source>week %1 of %2</source>
        <translation>الأسبوع %1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="49" />
        <source>quarter %1 of %2</source>
        <translation>الربع %1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="52" />
        <source>half %1 of %2</source>
        <translation>النصف %1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="54" />
        <source>the year %1</source>
        <translation>سنة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="56" />
        <source>the decade %1</source>
        <translation>عقد %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="58" />
        <source>the century %1</source>
        <translation>القرن %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="64" />
        <source>a duration of %1</source>
        <translation>مدة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="65" />
        <source>now (the present)</source>
        <translation>الآن (الحاضر)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="65" />
        <source>some time in the past</source>
        <translation>وقت ما في الماضي</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="66" />
        <source>some time in the future</source>
        <translation>وقت ما في المستقبل</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/timex_hint.py" line="70" />
        <source>a date without a year</source>
        <translation>تاريخ بلا سنة</translation>
    </message>
</context>
<context>
    <name>WarningBanner</name>
    <message>
        <location filename="../../annotator/gui/backup_actions.py" line="130" />
        <source>Dismiss</source>
        <translation>إخفاء</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="24" />
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="34" />
        <source>Mark quotes, their sources and cues, and dates in Arabic news text. Every edit is saved at once in the project file.</source>
        <translation>وسِّم الاقتباسات ومصادرها وأفعال القول، والتواريخ، في نصوص الأخبار العربية. يُحفَظ كل تعديل فوراً في ملف المشروع.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="38" />
        <source>Version {version}</source>
        <translation>الإصدار {version}</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="41" />
        <source>Open the sample project</source>
        <translation>فتح مشروع المثال</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="42" />
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="43" />
        <source>Open a project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="53" />
        <location filename="../../annotator/gui/welcome.py" line="56" />
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/welcome.py" line="85" />
        <source>(none yet)</source>
        <translation>(لا شيء بعد)</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../annotator/gui/workspace.py" line="71" />
        <source>Spans of the document</source>
        <translation>مقاطع الوثيقة</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../annotator/gui/crash.py" line="51" />
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/crash.py" line="53" />
        <source>Something went wrong: {error}

Your saved work is safe: every edit was stored when you made it.
Details are in the log file:
{path}</source>
        <translation>حدث خطأ: {error}

عملك المحفوظ في أمان: خُزّن كل تعديل لحظة إجرائه.
التفاصيل في ملف السجل:
{path}</translation>
    </message>
</context>
</TS>
