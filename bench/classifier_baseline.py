"""The classifier baseline for scripts/bench: scikit-learn TF-IDF over
character 1-3-grams + logistic regression, on exactly the folds Care Assist
uses (read from `care-pack examples`, tab-separated fold, lang, intent, text).
Prints accuracy per language, the expected calibration error of the top
probability (10 bins) and the mean time to classify one utterance."""

import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

rows = [line.rstrip("\n").split("\t", 3) for line in sys.stdin if line.strip()]
rows = [(int(f), lang, intent, text) for f, lang, intent, text in rows]
folds = sorted({r[0] for r in rows})
score = {"zh-CN": [0, 0], "en": [0, 0]}
spent = 0.0
count = 0
answers = []  # (top probability, right) for the calibration error
for fold in folds:
    train = [r for r in rows if r[0] != fold]
    test = [r for r in rows if r[0] == fold]
    model = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, lowercase=True),
        LogisticRegression(max_iter=2000, C=10.0),
    )
    model.fit([r[3] for r in train], [r[2] for r in train])
    for _, lang, intent, text in test:
        start = time.perf_counter()
        predicted = model.predict([text])[0]
        spent += time.perf_counter() - start
        count += 1
        answers.append((max(model.predict_proba([text])[0]), predicted == intent))
        score[lang][0] += predicted == intent
        score[lang][1] += 1

bins = [[0.0, 0, 0] for _ in range(10)]
for conf, right in answers:
    b = min(int(conf * 10), 9)
    bins[b][0] += conf
    bins[b][1] += right
    bins[b][2] += 1
ece = sum(c / len(answers) * abs((s - r) / c) for s, r, c in bins if c)
print(f"folds\t{len(folds)}")
print(f"calibration_error\t{ece:.3f}")
print(f"latency_us\t{spent * 1e6 / max(count, 1):.1f}")
for lang in ("zh-CN", "en"):
    correct, total = score[lang]
    print(f"{lang}\t{correct}/{total}\t{correct / max(total, 1):.3f}")
