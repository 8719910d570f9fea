//! Intent recognition, trained from the pack's example utterances when the
//! pack loads.
//!
//! Text is normalised (full-width to half-width, case, punctuation), then
//! turned into features that need no word segmenter: character 1–3-grams
//! within runs of Chinese, words and word pairs plus character 3- and
//! 4-grams of each word for Latin text (which also absorbs typos), digits folded
//! together. Features are weighted TF-IDF and L2-normalised; a multinomial
//! logistic regression, trained by plain stochastic gradient descent in a
//! fixed order, gives a probability per intent. Everything is
//! deterministic: the same pack trains the same model.

use crate::pack::Pack;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Below this top probability the recogniser says "unknown" and the agent
/// should ask an open question. The confidences are calibrated, so below
/// one half the best guess is more likely wrong than right.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

const EPOCHS: usize = 40;
const LEARNING_RATE: f32 = 0.8;
const L2: f32 = 1e-4;
/// Every n-th example is held out to fit the temperature.
const CALIBRATION_EVERY: usize = 5;

/// One intent with the model's confidence in it (0..=1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    pub intent: String,
    pub confidence: f32,
}

/// What the recogniser makes of an utterance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    /// Every intent, best first.
    pub ranked: Vec<Ranked>,
    /// The best intent is below the threshold, or nothing in the utterance
    /// was ever seen in training: ask an open question.
    pub unknown: bool,
}

impl Recognition {
    /// The `top` best intents as event data (confidence in thousandths).
    pub fn suggestions(&self, top: usize) -> Vec<crate::case::Suggestion> {
        self.ranked
            .iter()
            .take(top)
            .map(|r| crate::case::Suggestion {
                intent: r.intent.clone(),
                permille: (r.confidence.clamp(0.0, 1.0) * 1000.0).round() as u16,
            })
            .collect()
    }

    /// The best intent, if it is confident enough.
    pub fn best(&self) -> Option<&Ranked> {
        if self.unknown {
            None
        } else {
            self.ranked.first()
        }
    }
}

/// A labelled utterance for training.
#[derive(Clone, Debug)]
pub struct Example<'a> {
    pub text: &'a str,
    pub intent: usize,
}

/// The trained recogniser.
#[derive(Clone, Debug)]
pub struct Recogniser {
    intents: Vec<String>,
    vocab: BTreeMap<String, usize>,
    idf: Vec<f32>,
    /// Feature-major: the weights of feature `f` for every intent are
    /// `weights[f * k .. f * k + k]` (k intents), so scoring a sparse
    /// vector reads one short run per feature instead of one scattered
    /// value per intent (demo-pack training, native release: 0.92 s
    /// before, 0.38 s after; `examples/startup_cost`).
    weights: Vec<f32>,
    bias: Vec<f32>,
    threshold: f32,
    /// Divides the scores before the softmax; fitted in `train`.
    temperature: f32,
}

/// Sparse feature vector: (feature index, value), sorted by index.
type Sparse = Vec<(usize, f32)>;

impl Recogniser {
    /// Trains on every example of every intent of the pack.
    pub fn from_pack(pack: &Pack) -> Recogniser {
        let intents: Vec<String> = pack.intents.iter().map(|i| i.id.clone()).collect();
        let examples: Vec<Example<'_>> = pack
            .intents
            .iter()
            .enumerate()
            .flat_map(|(n, i)| {
                i.examples
                    .zh_cn
                    .iter()
                    .chain(&i.examples.en)
                    .map(move |t| Example { text: t, intent: n })
            })
            .collect();
        Recogniser::train(intents, &examples)
    }

    /// Trains on labelled examples; `intents[e.intent]` names each label.
    ///
    /// The confidences are calibrated: a first model is trained without
    /// every fifth example, the temperature that makes its probabilities
    /// fit those held-out examples best is kept, and the final model,
    /// trained on everything, uses it.
    pub fn train(intents: Vec<String>, examples: &[Example<'_>]) -> Recogniser {
        let held: Vec<&Example<'_>> = examples
            .iter()
            .skip(CALIBRATION_EVERY - 1)
            .step_by(CALIBRATION_EVERY)
            .collect();
        let temperature = if held.len() >= intents.len().max(1) {
            let rest: Vec<Example<'_>> = examples
                .iter()
                .enumerate()
                .filter(|(i, _)| i % CALIBRATION_EVERY != CALIBRATION_EVERY - 1)
                .map(|(_, e)| e.clone())
                .collect();
            Recogniser::fit(intents.clone(), &rest).best_temperature(&held)
        } else {
            1.0
        };
        let mut model = Recogniser::fit(intents, examples);
        model.temperature = temperature;
        model
    }

    /// The temperature (from a fixed grid) that minimises the negative
    /// log-likelihood of the examples' true intents.
    fn best_temperature(&self, examples: &[&Example<'_>]) -> f32 {
        let xs: Vec<(Sparse, usize)> = examples
            .iter()
            .map(|e| (self.vectorise(&counts(e.text)), e.intent))
            .collect();
        let mut probe = self.clone();
        let mut probs = vec![0.0f32; self.intents.len()];
        let mut best = (f32::INFINITY, 1.0);
        for step in 1..=60 {
            probe.temperature = step as f32 * 0.05;
            let nll: f32 = xs
                .iter()
                .map(|(x, label)| {
                    probe.probabilities_into(x, &mut probs);
                    -probs[*label].max(1e-7).ln()
                })
                .sum();
            if nll < best.0 {
                best = (nll, probe.temperature);
            }
        }
        best.1
    }

    /// Fits the model (temperature 1) on labelled examples.
    fn fit(intents: Vec<String>, examples: &[Example<'_>]) -> Recogniser {
        // Vocabulary and document frequencies, in a fixed order.
        let docs: Vec<BTreeMap<String, f32>> = examples.iter().map(|e| counts(e.text)).collect();
        let mut df: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &docs {
            for k in d.keys() {
                *df.entry(k.as_str()).or_default() += 1;
            }
        }
        let n = docs.len().max(1) as f32;
        let vocab: BTreeMap<String, usize> = df
            .keys()
            .enumerate()
            .map(|(i, k)| ((*k).to_owned(), i))
            .collect();
        let idf: Vec<f32> = df
            .values()
            .map(|&c| ((1.0 + n) / (1.0 + c as f32)).ln() + 1.0)
            .collect();

        let mut model = Recogniser {
            weights: vec![0.0; vocab.len() * intents.len()],
            bias: vec![0.0; intents.len()],
            intents,
            vocab,
            idf,
            threshold: DEFAULT_THRESHOLD,
            temperature: 1.0,
        };
        let xs: Vec<Sparse> = docs.iter().map(|d| model.vectorise(d)).collect();
        let k = model.intents.len();
        if k == 0 {
            return model;
        }
        // Visit the examples round-robin across intents (the first example
        // of each intent, then the second…), so consecutive updates do not
        // all pull towards one intent.
        let order: Vec<usize> = {
            let mut seen = vec![0usize; k];
            let mut keyed: Vec<(usize, usize, usize)> = examples
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let nth = seen[e.intent];
                    seen[e.intent] += 1;
                    (nth, e.intent, i)
                })
                .collect();
            keyed.sort_unstable();
            keyed.into_iter().map(|(_, _, i)| i).collect()
        };
        let mut probs = vec![0.0f32; k];
        for epoch in 0..EPOCHS {
            let lr = LEARNING_RATE / (1.0 + epoch as f32 * 0.1);
            for &i in &order {
                model.probabilities_into(&xs[i], &mut probs);
                // The gradient of each intent's score: p - 1 for the true one.
                for (c, p) in probs.iter_mut().enumerate() {
                    if c == examples[i].intent {
                        *p -= 1.0;
                    }
                }
                for &(f, v) in &xs[i] {
                    let row = &mut model.weights[f * k..f * k + k];
                    for (w, g) in row.iter_mut().zip(&probs) {
                        *w -= lr * (g * v + L2 * *w);
                    }
                }
                for (b, g) in model.bias.iter_mut().zip(&probs) {
                    *b -= lr * g;
                }
            }
        }
        model
    }

    /// The intent ids, in pack order.
    pub fn intents(&self) -> &[String] {
        &self.intents
    }

    pub fn with_threshold(mut self, threshold: f32) -> Recogniser {
        self.threshold = threshold;
        self
    }

    /// Ranks every intent for an utterance.
    pub fn recognise(&self, utterance: &str) -> Recognition {
        let x = self.vectorise(&counts(utterance));
        let mut probs = vec![0.0; self.intents.len()];
        self.probabilities_into(&x, &mut probs);
        let mut ranked: Vec<Ranked> = self
            .intents
            .iter()
            .zip(probs)
            .map(|(intent, confidence)| Ranked {
                intent: intent.clone(),
                confidence,
            })
            .collect();
        // Ties break by pack order, so the ranking is deterministic.
        ranked.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        let top = ranked.first().map(|r| r.confidence).unwrap_or(0.0);
        Recognition {
            unknown: x.is_empty() || top < self.threshold,
            ranked,
        }
    }

    fn vectorise(&self, counts: &BTreeMap<String, f32>) -> Sparse {
        let mut x: Sparse = counts
            .iter()
            .filter_map(|(k, tf)| {
                self.vocab
                    .get(k)
                    .map(|&i| (i, (1.0 + tf.ln()) * self.idf[i]))
            })
            .collect();
        let norm = x.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, v) in &mut x {
                *v /= norm;
            }
        }
        x.sort_by_key(|(i, _)| *i);
        x
    }

    fn probabilities_into(&self, x: &Sparse, out: &mut [f32]) {
        let k = out.len();
        out.fill(0.0);
        for &(f, v) in x {
            let row = &self.weights[f * k..f * k + k];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w * v;
            }
        }
        for (o, b) in out.iter_mut().zip(&self.bias) {
            *o = (b + *o) / self.temperature;
        }
        let max = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut sum = 0.0;
        for o in out.iter_mut() {
            *o = (*o - max).exp();
            sum += *o;
        }
        for o in out.iter_mut() {
            *o /= sum;
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Full-width forms to half-width, lower case, punctuation to spaces,
/// digits to `0`.
pub fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_ascii_digit() {
                '0'
            } else if c.is_alphanumeric() || is_cjk(c) {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// The features the recogniser sees in a text (character n-grams of its
/// Chinese runs, words and their n-grams otherwise), with their counts: for
/// telling how alike two utterances are elsewhere (knowledge gaps).
pub fn features(text: &str) -> BTreeMap<String, f32> {
    counts(text)
}

/// Feature counts of an utterance.
fn counts(text: &str) -> BTreeMap<String, f32> {
    let norm = normalise(text);
    let mut out: BTreeMap<String, f32> = BTreeMap::new();
    let mut add = |k: String| *out.entry(k).or_default() += 1.0;
    let mut words: Vec<String> = Vec::new();
    // Split into runs of Chinese and runs of anything else alphanumeric.
    let mut run = String::new();
    let mut run_cjk = false;
    let flush =
        |run: &mut String, cjk: bool, words: &mut Vec<String>, add: &mut dyn FnMut(String)| {
            if run.is_empty() {
                return;
            }
            if cjk {
                let cs: Vec<char> = run.chars().collect();
                for n in 1..=3 {
                    for w in cs.windows(n) {
                        add(format!("c:{}", w.iter().collect::<String>()));
                    }
                }
            } else {
                words.push(std::mem::take(run));
            }
            run.clear();
        };
    for c in norm.chars() {
        let cjk = is_cjk(c);
        if c == ' ' {
            flush(&mut run, run_cjk, &mut words, &mut add);
            continue;
        }
        if !run.is_empty() && cjk != run_cjk {
            flush(&mut run, run_cjk, &mut words, &mut add);
        }
        run_cjk = cjk;
        run.push(c);
    }
    flush(&mut run, run_cjk, &mut words, &mut add);
    for w in &words {
        add(format!("w:{w}"));
        let padded: Vec<char> = format!("<{w}>").chars().collect();
        for n in 3..=4 {
            for g in padded.windows(n) {
                add(format!("g:{}", g.iter().collect::<String>()));
            }
        }
    }
    for pair in words.windows(2) {
        add(format!("b:{} {}", pair[0], pair[1]));
    }
    out
}

/// One labelled example of a pack, with the cross-validation fold it
/// falls in: folds are dealt round-robin within each intent and language,
/// so every fold holds every intent in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldedExample<'a> {
    pub fold: usize,
    pub lang: crate::text::Lang,
    pub intent: usize,
    pub text: &'a str,
}

/// The pack's examples dealt into `k` folds.
pub fn folds(pack: &Pack, k: usize) -> Vec<FoldedExample<'_>> {
    let k = k.max(2);
    let mut out = Vec::new();
    for (n, intent) in pack.intents.iter().enumerate() {
        for (lang, list) in [
            (crate::text::Lang::ZhCn, &intent.examples.zh_cn),
            (crate::text::Lang::En, &intent.examples.en),
        ] {
            for (i, text) in list.iter().enumerate() {
                out.push(FoldedExample {
                    fold: i % k,
                    lang,
                    intent: n,
                    text,
                });
            }
        }
    }
    out
}

/// Accuracy of k-fold cross-validation, per language.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossValidation {
    pub k: usize,
    pub zh_cn: Score,
    pub en: Score,
    /// Expected calibration error of the top confidence over all held-out
    /// utterances (10 equal-width bins): how far "80 % sure" is from being
    /// right 80 % of the time. 0 is perfectly calibrated.
    pub calibration_error: f64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub correct: usize,
    pub total: usize,
}

impl Score {
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// Trains on k−1 folds and tests on the held-out one, k times. A held-out
/// utterance counts as right when the top-ranked intent is its label
/// (whatever the confidence).
pub fn cross_validate(pack: &Pack, k: usize) -> CrossValidation {
    cross_validate_with(pack, k, |model, text| model.recognise(text))
}

/// `cross_validate`, with the call that recognises each held-out utterance
/// supplied (the command-line tool wraps it in a timer).
pub fn cross_validate_with(
    pack: &Pack,
    k: usize,
    mut recognise: impl FnMut(&Recogniser, &str) -> Recognition,
) -> CrossValidation {
    let all = folds(pack, k);
    let k = k.max(2);
    let intents: Vec<String> = pack.intents.iter().map(|i| i.id.clone()).collect();
    let mut report = CrossValidation {
        k,
        zh_cn: Score::default(),
        en: Score::default(),
        calibration_error: 0.0,
    };
    // The confidence and correctness of every held-out top answer.
    let mut answers: Vec<(f32, bool)> = Vec::new();
    for fold in 0..k {
        let train: Vec<Example<'_>> = all
            .iter()
            .filter(|e| e.fold != fold)
            .map(|e| Example {
                text: e.text,
                intent: e.intent,
            })
            .collect();
        let model = Recogniser::train(intents.clone(), &train);
        for e in all.iter().filter(|e| e.fold == fold) {
            let recognition = recognise(&model, e.text);
            let top = recognition.ranked.first();
            let right = top.is_some_and(|r| r.intent == intents[e.intent]);
            answers.push((top.map(|r| r.confidence).unwrap_or(0.0), right));
            let score = match e.lang {
                crate::text::Lang::ZhCn => &mut report.zh_cn,
                crate::text::Lang::En => &mut report.en,
            };
            score.total += 1;
            score.correct += usize::from(right);
        }
    }
    report.calibration_error = calibration_error(&answers);
    report
}

/// Expected calibration error over 10 equal-width confidence bins.
fn calibration_error(answers: &[(f32, bool)]) -> f64 {
    if answers.is_empty() {
        return 0.0;
    }
    // Per bin: summed confidence, number right, count.
    let mut bins = [(0.0f64, 0.0f64, 0usize); 10];
    for &(conf, right) in answers {
        let b = ((conf * 10.0) as usize).min(9);
        bins[b].0 += f64::from(conf);
        bins[b].1 += f64::from(u8::from(right));
        bins[b].2 += 1;
    }
    let n = answers.len() as f64;
    bins.iter()
        .filter(|b| b.2 > 0)
        .map(|&(conf, right, count)| (count as f64 / n) * ((conf - right) / count as f64).abs())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Recogniser {
        let data = [
            (0, "这个月话费怎么这么多"),
            (0, "账单多扣钱了"),
            (0, "why is my bill so high"),
            (0, "you overcharged me on my bill"),
            (1, "手机没信号"),
            (1, "家里一格信号都没有"),
            (1, "no signal at home"),
            (1, "my phone has no coverage"),
        ];
        let examples: Vec<Example<'_>> = data
            .iter()
            .map(|(i, t)| Example {
                text: t,
                intent: *i,
            })
            .collect();
        Recogniser::train(vec!["bill".into(), "signal".into()], &examples)
    }

    #[test]
    fn full_width_and_case_are_folded() {
        assert_eq!(normalise("ＷＨＹ　Bill？１２３"), "why bill 000");
    }

    #[test]
    fn chinese_needs_no_segmenter() {
        let r = toy().recognise("话费太多了吧");
        assert_eq!(r.best().map(|b| b.intent.as_str()), Some("bill"));
    }

    #[test]
    fn english_with_a_typo_is_recognised() {
        let r = toy().recognise("no signall in my flat");
        assert_eq!(r.ranked[0].intent, "signal");
    }

    #[test]
    fn mixed_text_is_recognised() {
        let r = toy().recognise("我的 bill 多扣了");
        assert_eq!(r.ranked[0].intent, "bill");
    }

    #[test]
    fn nothing_known_is_unknown() {
        let r = toy().recognise("⚽️🎉");
        assert!(r.unknown);
        assert!(r.best().is_none());
        assert!(toy().recognise("").unknown);
    }

    #[test]
    fn confidences_are_probabilities() {
        let r = toy().recognise("bill");
        let sum: f32 = r.ranked.iter().map(|x| x.confidence).sum();
        assert!((sum - 1.0).abs() < 1e-4);
        assert!(r
            .ranked
            .windows(2)
            .all(|w| w[0].confidence >= w[1].confidence));
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(
            toy().recognise("信号不好 bill"),
            toy().recognise("信号不好 bill")
        );
    }
}
