"""Benchmark of the span recommender (annotator/core/recommender): learning curves, training time,
suggestion speed, against the rules on the development gold and on a custom-label scheme, and
spaCy's NER on a blank Arabic pipeline on the same data when spaCy is installed.

    python benchmarks/bench_recommender.py [--sizes 10 25 50 100 200] [--no-spacy] [--kb 400]

Data:
- devgold: tests/data/devgold own.jsonl + heldout.jsonl (+ the seed articles from ../shared when
  present), 5-fold cross-validation by document: the model trains on 4/5, both it and the rules
  are scored on the other 1/5.
- news (synthetic): attribution sentences written here (QUOTE/SOURCE/CUE/DATE), generated with a
  fixed seed: 200 training documents, 100 test documents with unseen names.
- entities (synthetic, custom scheme PERSON/ORG/PLACE): seed-like news sentences written here,
  names drawn so that most test names never occur in training.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# ----- synthetic data (also used by tests/core/test_recommender.py, tests/gui/test_recommender_gui.py) -----------------------------------------
_FIRST = ("أحمد محمد خالد سامي يوسف عمر ليلى سارة هدى مريم نادر كريم رامي طارق منى فاطمة زياد باسل "
          "حسن علي وليد نبيل سلمى رنا جميل فادي هشام إيمان عادل ماجد نور هالة").split()
_LAST = ("العلي الخطيب منصور حداد الشامي السعدي البزاز عثمان يونس الحسيني النجار الأحمد الكردي سليمان "
         "الزين الراشد العمري جابر القاسم درويش الصباغ التميمي الحلبي عيسى الخوري").split()
_TITLES = [t.replace("_", " ") for t in "الوزير المتحدث المدير الرئيس الخبير السفير النائب المحلل رئيس_البلدية الأمين_العام".split()]
_ORG_HEADS = ("وزارة هيئة شركة جامعة منظمة مؤسسة نقابة بنك مجلس جمعية").split()
_ORG_TAILS = ("الصحة التعليم الطاقة النقل الزراعة المياه الاتصالات الإسكان البيئة التجارة الاستثمار "
              "الثقافة السياحة العمل الشباب الإعلام الصناعة المالية").split()
_ORG_NAMES = ("الهلال الأحمر|الأمم المتحدة|البنك الدولي|صندوق النقد الدولي|الاتحاد الأفريقي|جامعة الدول العربية|"
              "منظمة الصحة العالمية|اليونسكو|الصليب الأحمر").split("|")
_PLACES = ("عمّان|دمشق|بيروت|القاهرة|الرباط|تونس|الجزائر|بغداد|الرياض|الدوحة|مسقط|صنعاء|الخرطوم|طرابلس|"
           "نواكشوط|القدس|غزة|حلب|الموصل|البصرة|الإسكندرية|أسوان|وهران|صفاقس|فاس|مراكش|إربد|الزرقاء|حمص|"
           "اللاذقية|صيدا|طرطوس|المنامة|الكويت|أبوظبي|دبي|جدة|الطائف|نابلس|الخليل").split("|")
_FILLER = ("وأشار التقرير إلى أن الأسعار ارتفعت خلال الأسبوع الماضي بنسبة طفيفة.|"
           "ولم تصدر أي تعليقات رسمية حتى الآن.|وتأتي هذه الخطوة في إطار خطة طويلة الأمد.|"
           "وشهدت الأسواق حركة نشطة مع اقتراب نهاية العام.|ويتوقع المراقبون تحسنا تدريجيا في الأوضاع.|"
           "وكانت الحكومة قد أعلنت عن حزمة إجراءات جديدة.|وتستمر الفعاليات حتى نهاية الشهر الجاري.").split("|")
_CLAUSES = ("الوضع تحت السيطرة|المشروع سيكتمل قبل نهاية العام|الأسعار ستنخفض قريبا|المفاوضات تسير في الاتجاه الصحيح|"
            "الخطة تحتاج إلى تمويل إضافي|العمل سيستأنف الأسبوع المقبل|النتائج فاقت التوقعات|"
            "الحكومة لن تتراجع عن قرارها|الطلب على الكهرباء تضاعف|الطرق ستفتح أمام الحركة").split("|")
_CUES = ("قال|أكد|أوضح|أضاف|أعلن|صرح|ذكر|شدد").split("|")
_DATES = ("أمس|اليوم|يوم الاثنين|الثلاثاء الماضي|الأسبوع الماضي|صباح اليوم|مساء الأحد|الشهر المقبل").split("|")


def _person(rng, pool_first, pool_last):
    return f"{rng.choice(pool_first)} {rng.choice(pool_last)}"


def _org(rng, unseen: bool):
    if rng.random() < 0.3:
        return rng.choice(_ORG_NAMES)
    tails = _ORG_TAILS[len(_ORG_TAILS) // 2:] if unseen else _ORG_TAILS[:len(_ORG_TAILS) // 2]
    return f"{rng.choice(_ORG_HEADS)} {rng.choice(tails)}"


def entity_records(n: int, seed: int = 1, unseen: bool = False) -> list[dict]:
    """Native records with PERSON, ORG and PLACE spans in seed-like news sentences. With unseen,
    names come from the other half of each list (what a model cannot have memorised)."""
    rng = random.Random(seed)
    half = lambda xs: xs[len(xs) // 2:] if unseen else xs[:len(xs) // 2]  # noqa: E731
    first, last, places = half(_FIRST), half(_LAST), half(_PLACES)
    templates = [
        "التقى {P} ب{P2} في {L} لبحث التعاون بين {O} و{O2}.",
        "وصل {P} إلى {L} على رأس وفد من {O}.",
        "أعلنت {O} أن {P} سيتولى إدارة المكتب الجديد في {L}.",
        "وقال {T} {P} إن {O} ستفتتح فرعا في {L} قريبا.",
        "زار {P} مقر {O} في {L} واطلع على سير العمل.",
        "وفي {L}، وقعت {O} اتفاقا مع {O2} بحضور {P}.",
        "من جهته، رحب {P} بقرار {O} نقل مكاتبها إلى {L}.",
        "ونقل مراسلنا في {L} عن {P} قوله إن الاجتماع كان مثمرا.",
    ]
    recs = []
    for i in range(n):
        parts: list[str] = []
        spans = []
        pos = 0
        for _ in range(rng.randint(3, 6)):
            if rng.random() < 0.35:
                sent = rng.choice(_FILLER)
                parts.append(sent)
                pos += len(sent) + 1
                continue
            tpl = rng.choice(templates)
            fill = {"P": (_person(rng, first, last), "PERSON"), "P2": (_person(rng, first, last), "PERSON"),
                    "O": (_org(rng, unseen), "ORG"), "O2": (_org(rng, unseen), "ORG"),
                    "L": (rng.choice(places), "PLACE"), "T": (rng.choice(_TITLES), None)}
            out = ""
            j = 0
            while j < len(tpl):
                if tpl[j] == "{":
                    k = tpl.index("}", j)
                    value, label = fill[tpl[j + 1:k]]
                    if label:
                        spans.append({"start": pos + len(out), "end": pos + len(out) + len(value), "label": label})
                    out += value
                    j = k + 1
                else:
                    out += tpl[j]
                    j += 1
            parts.append(out)
            pos += len(out) + 1
        text = " ".join(parts)
        for k, s in enumerate(spans, 1):
            s.update(id=k, text=text[s["start"]:s["end"]], attrs={}, annotator="gold", status="accepted")
        recs.append({"id": f"ent-{seed}-{i:04d}", "text": text, "meta": {}, "spans": spans, "relations": []})
    return recs


def news_records(n: int, seed: int = 1, unseen: bool = False, sentences: tuple[int, int] = (3, 6)) -> list[dict]:
    """Native records with QUOTE/SOURCE/CUE (and DATE) in attribution sentences and filler."""
    rng = random.Random(seed)
    half = lambda xs: xs[len(xs) // 2:] if unseen else xs[:len(xs) // 2]  # noqa: E731
    first, last = half(_FIRST), half(_LAST)
    recs = []
    for i in range(n):
        text = ""
        spans = []

        def put(s: str, label: str | None = None):
            nonlocal text
            if label:
                spans.append({"start": len(text), "end": len(text) + len(s), "label": label})
            text += s

        for _ in range(rng.randint(*sentences)):
            if text:
                put(" ")
            r = rng.random()
            src = f"{rng.choice(_TITLES)} {_person(rng, first, last)}" if rng.random() < 0.6 else _org(rng, unseen)
            cue = rng.choice(_CUES)
            clause = rng.choice(_CLAUSES)
            date = rng.choice(_DATES)
            if r < 0.3:
                put("و")
                put(cue, "CUE")
                put(" ")
                put(src, "SOURCE")
                put(" ")
                put(date, "DATE")
                put(" إن ")
                put(clause, "QUOTE")
                put(".")
            elif r < 0.55:
                put(src, "SOURCE")
                put(" ")
                put(cue, "CUE")
                put(": «")
                put(clause, "QUOTE")
                put("».")
            elif r < 0.7:
                put("«")
                put(clause, "QUOTE")
                put("»، ")
                put("بحسب", "CUE")
                put(" ")
                put(src, "SOURCE")
                put(".")
            else:
                put(rng.choice(_FILLER))
        for k, s in enumerate(spans, 1):
            s.update(id=k, text=text[s["start"]:s["end"]], attrs={}, annotator="gold", status="accepted")
        recs.append({"id": f"news-{seed}-{i:04d}", "text": text, "meta": {"dct": "2021-12-09"}, "spans": spans,
                     "relations": []})
    return recs


ENTITY_SCHEME = {"name": "entities", "labels": [{"name": "PERSON", "hotkey": "1"}, {"name": "ORG", "hotkey": "2"},
                                                {"name": "PLACE", "hotkey": "3"}]}


# ----- the benchmark ------------------------------------------------------------------------------------
def _examples(records):
    from annotator.core.recommender.train import Example

    return [Example(r["id"], r["text"], [(s["start"], s["end"], s["label"]) for s in r.get("spans", [])])
            for r in records]


def _data(records, labels):
    from annotator.core.recommender.train import TrainingData

    return TrainingData(sorted(labels), _examples(records))


def _rules_scores(test, labels):
    """The rule-based suggester scored like the model (exact match)."""
    from annotator.core.suggest import suggest_record

    counts = {l: [0, 0, 0] for l in labels}
    for ex in test:
        gold = {s for s in ex.spans if s[2] in counts}
        pred = {(s["start"], s["end"], s["label"]) for s in suggest_record(ex.text)[0] if s["label"] in counts}
        for s in gold:
            counts[s[2]][0] += 1
        for s in pred:
            counts[s[2]][1] += 1
            counts[s[2]][2] += s in gold
    return {l: _f1(*c) for l, c in counts.items()}


def _f1(g, p, r):
    prec = r / p if p else (1.0 if not g else 0.0)
    rec = r / g if g else (1.0 if not p else 0.0)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _devgold() -> list[dict]:
    from annotator.core.evaluate import load_offset_gold, read_jsonl

    gold = ROOT / "tests" / "data" / "devgold"
    recs = read_jsonl(gold / "own.jsonl") + read_jsonl(gold / "heldout.jsonl")
    for base in (ROOT.parent, ROOT.parent.parent):  # a checkout beside ../shared, or a worktree below it
        seeds = base / "shared" / "corpus" / "seeds"
        if seeds.is_dir():
            recs += load_offset_gold(gold / "seeds.json", seeds)
            break
    return recs


def curve_table(name, train_recs, test_recs, labels, sizes, rules: bool):
    from annotator.core.recommender.train import learning_curve

    data = _data(train_recs, labels)
    test = _examples(test_recs)
    rows = learning_curve(data, sizes, test=test)
    print(f"\n{name}: F1 (exact) per label after n training documents; {len(test)} test documents")
    print(f"{'docs':>6} {'train s':>8} " + " ".join(f"{l:>8}" for l in sorted(labels)))
    for r in rows:
        print(f"{r['docs']:>6} {r['seconds']:>8.2f} " + " ".join(f"{r['labels'][l]['f1']:>8.2f}" for l in sorted(labels)))
    if rules:
        rs = _rules_scores(test, labels)
        print(f"{'rules':>6} {'':>8} " + " ".join(f"{rs[l]:>8.2f}" for l in sorted(labels)))
    return rows


def devgold_cv(folds: int = 5, with_spacy: bool = True):
    from annotator.core.recommender.train import fit_model, score

    recs = _devgold()
    labels = ["CUE", "DATE", "QUOTE", "SOURCE"]
    rng = random.Random(16)
    order = list(range(len(recs)))
    rng.shuffle(order)
    model_c = {l: [0, 0, 0] for l in labels}
    rule_c = {l: [0, 0, 0] for l in labels}
    t_train = 0.0
    for k in range(folds):
        test_i = set(order[k::folds])
        train = _examples([r for i, r in enumerate(recs) if i not in test_i])
        test = _examples([r for i, r in enumerate(recs) if i in test_i])
        t0 = time.perf_counter()
        model = fit_model(train, labels)
        t_train += time.perf_counter() - t0
        s = score(model, test, labels)
        for l in labels:
            model_c[l][0] += s[l]["gold"]
            model_c[l][1] += s[l]["pred"]
            model_c[l][2] += round(s[l]["r"] * s[l]["gold"])
        from annotator.core.suggest import suggest_record

        for ex in test:
            gold = {x for x in ex.spans if x[2] in rule_c}
            pred = {(x["start"], x["end"], x["label"]) for x in suggest_record(ex.text)[0] if x["label"] in rule_c}
            for x in gold:
                rule_c[x[2]][0] += 1
            for x in pred:
                rule_c[x[2]][1] += 1
                rule_c[x[2]][2] += x in gold
    # The same folds without the rules' spans among the features: what the model learns alone.
    from annotator.core.recommender import features

    plain_c = {l: [0, 0, 0] for l in labels}
    saved = features._rule_marks
    features._rule_marks = lambda text, bounds, spans: [[] for _ in bounds]
    try:
        for k in range(folds):
            test_i = set(order[k::folds])
            model = fit_model(_examples([r for i, r in enumerate(recs) if i not in test_i]), labels)
            s = score(model, _examples([r for i, r in enumerate(recs) if i in test_i]), labels)
            for l in labels:
                plain_c[l] = [plain_c[l][0] + s[l]["gold"], plain_c[l][1] + s[l]["pred"],
                              plain_c[l][2] + round(s[l]["r"] * s[l]["gold"])]
    finally:
        features._rule_marks = saved
    sp_c = None
    if with_spacy:
        try:
            import spacy  # noqa: F401
            sp_c = {l: [0, 0, 0] for l in ("CUE", "QUOTE", "SOURCE")}
            for k in range(folds):
                test_i = set(order[k::folds])
                counts, *_ = spacy_fit_score([r for i, r in enumerate(recs) if i not in test_i],
                                             [r for i, r in enumerate(recs) if i in test_i], list(sp_c))
                for l in sp_c:
                    sp_c[l] = [x + y for x, y in zip(sp_c[l], counts[l])]
        except ImportError:
            pass
    n_train = len(recs) * (folds - 1) // folds
    print(f"\ndevgold ({len(recs)} documents), {folds}-fold cross-validation (about {n_train} training documents "
          f"per fold, {t_train / folds:.2f} s training per fold): F1 (exact)")
    print(f"{'':>12} " + " ".join(f"{l:>8}" for l in labels))
    print(f"{'recommender':>12} " + " ".join(f"{_f1(*model_c[l]):>8.2f}" for l in labels))
    print(f"{'rules':>12} " + " ".join(f"{_f1(*rule_c[l]):>8.2f}" for l in labels))
    print(f"{'no rule feat':>12} " + " ".join(f"{_f1(*plain_c[l]):>8.2f}" for l in labels)
          + "   (the recommender without the rules' spans as features)")
    if sp_c:
        print(f"{'spaCy NER':>12} " + " ".join(f"{_f1(*sp_c[l]):>8.2f}" if l in sp_c else f"{'-':>8}" for l in labels)
              + "   (blank('ar') on our units, 20 epochs; cannot nest, so no DATE)")


def speed(kb: int):
    """CPU seconds of this process (the machine may be shared: wall time is shown beside)."""
    from annotator.core.recommender.suggest import recommend_record
    from annotator.core.recommender.train import fit_model

    train = news_records(200, seed=3, sentences=(15, 25))  # about 1,000 characters each, like a short article
    labels = ["CUE", "DATE", "QUOTE", "SOURCE"]
    w0, c0 = time.perf_counter(), time.process_time()
    model = fit_model(_examples(train), labels)
    fit_wall, fit_cpu = time.perf_counter() - w0, time.process_time() - c0
    texts = [r["text"] for r in news_records(4000, seed=9, unseen=True, sentences=(15, 25))]
    total = 0
    chosen = []
    for t in texts:
        chosen.append(t)
        total += len(t.encode("utf-8"))
        if total >= kb * 1024:
            break
    rates = []
    for run in (lambda t: model.predict(t), lambda t: recommend_record(t, model)):
        w0, c0 = time.perf_counter(), time.process_time()
        for t in chosen:
            run(t)
        rates.append((total / 1024 / (time.process_time() - c0), total / 1024 / (time.perf_counter() - w0)))
    chars = sum(len(r["text"]) for r in train)
    print(f"\nspeed (one core; CPU time, wall time in brackets): training on 200 synthetic documents "
          f"({chars / 1000:.0f} k characters, 4 labels, held-out probe not included): {fit_cpu:.1f} s ({fit_wall:.1f} s)")
    print(f"  suggesting: model {rates[0][0]:.0f} KB/s ({rates[0][1]:.0f}), model + rules as stored "
          f"{rates[1][0]:.0f} KB/s ({rates[1][1]:.0f}); UTF-8 bytes of text, {total / 1024:.0f} KB")


def _spacy_nlp(labels, own_tokens: bool):
    import spacy
    from spacy.tokens import Doc

    from annotator.core.recommender.features import units

    nlp = spacy.blank("ar")
    if own_tokens:  # the recommender's units (clitics split), so both models see the same tokens
        def tokenizer(text):
            bounds, _ = units(text)
            words = [text[a:b] for a, b in bounds]
            spaces = [bool(bounds[i + 1][0] > b) if i + 1 < len(bounds) else False for i, (a, b) in enumerate(bounds)]
            doc = Doc(nlp.vocab, words=words, spaces=spaces)
            return doc
        nlp.tokenizer = tokenizer
    ner = nlp.add_pipe("ner")
    for l in labels:
        ner.add_label(l)
    return nlp


def _spacy_ents(r, labels):
    spans = sorted((s["start"], s["end"], s["label"]) for s in r["spans"] if s["label"] in labels)
    out, last = [], -1
    for s, e, l in spans:  # NER cannot nest: keep the first of overlapping spans
        if s >= last:
            out.append((s, e, l))
            last = e
    return out


def spacy_fit_score(train_recs, test_recs, labels, iters: int = 20, own_tokens: bool = True):
    """Train spaCy NER on a blank Arabic pipeline; (counts per label, train s, KB/s, entities lost
    because they do not fall on token edges)."""
    import warnings

    from spacy.training import Example as SpExample

    from spacy.util import fix_random_seed

    fix_random_seed(0)  # unseeded runs moved its F1 by up to 0.2
    nlp = _spacy_nlp(labels, own_tokens)
    examples, lost, total = [], 0, 0
    for r in train_recs:
        doc = nlp.make_doc(r["text"])
        ents = _spacy_ents(r, labels)
        with warnings.catch_warnings():  # spaCy warns about, and drops, spans off its token edges
            warnings.simplefilter("ignore")
            examples.append(SpExample.from_dict(doc, {"entities": ents}))
        total += len(ents)
        lost += sum(1 for a, b, _ in ents if doc.char_span(a, b) is None)
    t0 = time.perf_counter()
    opt = nlp.initialize(lambda: examples)
    rng = random.Random(1)
    for _ in range(iters):
        rng.shuffle(examples)
        for i in range(0, len(examples), 8):
            nlp.update(examples[i:i + 8], sgd=opt, drop=0.2)
    t_fit = time.perf_counter() - t0
    counts = {l: [0, 0, 0] for l in labels}
    t0 = time.perf_counter()
    nbytes = 0
    for r in test_recs:
        doc = nlp(r["text"])
        nbytes += len(r["text"].encode("utf-8"))
        gold = set(_spacy_ents(r, labels))
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for x in gold:
            counts[x[2]][0] += 1
        for x in pred:
            if x[2] in counts:
                counts[x[2]][1] += 1
                counts[x[2]][2] += x in gold
    return counts, t_fit, nbytes / 1024 / (time.perf_counter() - t0), (lost, total)


def spacy_compare(name, train_recs, test_recs, labels, iters: int = 20):
    """spaCy NER on a blank Arabic pipeline, trained on the same documents (no download)."""
    try:
        import spacy
    except ImportError:
        print("\nspaCy not installed: comparison skipped")
        return
    for own in (False, True):
        counts, t_fit, speed_kb, (lost, total) = spacy_fit_score(train_recs, test_recs, labels, iters, own)
        tok = "our units" if own else "its own tokenizer"
        print(f"  {name}: spaCy {spacy.__version__} blank('ar') NER ({tok}), {len(train_recs)} docs, {iters} epochs: "
              f"train {t_fit:.1f} s, tag {speed_kb:.0f} KB/s, training spans off token edges {lost}/{total}; F1 "
              + " ".join(f"{l} {_f1(*counts[l]):.2f}" for l in labels))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 25, 50, 100, 200])
    ap.add_argument("--kb", type=int, default=400, help="text suggested for the speed figure")
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args(argv)
    devgold_cv(with_spacy=not args.no_spacy)
    news_train, news_test = news_records(200, seed=1), news_records(100, seed=2, unseen=True)
    curve_table("news (synthetic attributions, unseen names in test)", news_train, news_test,
                ["CUE", "DATE", "QUOTE", "SOURCE"], args.sizes, rules=True)
    ent_train, ent_test = entity_records(200, seed=1), entity_records(100, seed=2, unseen=True)
    curve_table("entities (custom scheme PERSON/ORG/PLACE, unseen names in test)", ent_train, ent_test,
                ["ORG", "PERSON", "PLACE"], args.sizes, rules=False)
    if not args.no_spacy:
        spacy_compare("entities", ent_train[:100], ent_test, ["ORG", "PERSON", "PLACE"])
        spacy_compare("news", news_train[:100], news_test, ["CUE", "QUOTE", "SOURCE"])
    speed(args.kb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
