"""How far the semantic cache's precision and recall move on a new sample of questions.

Reads a pairs file (label, text_a, text_b; bench/target/held-out-qqp.tsv) and the scores
`bench/cache-eval PAIRS --scores FILE` writes for it (label, final blend score or -1 where a guard
or the cosine floor refused, cosine), joins the pairs into question groups as bench's Split does
(connected by shared text), and resamples whole groups with replacement: pairs about one question
rise and fall together, as they do in any other sample of Quora. For each threshold it prints the
precision and recall of the full part, their spread over the resamples, and how often each target
(precision >= 0.90, recall >= 0.40) and both hold, for resamples of all the groups and of half.

    bench/cache-eval bench/target/held-out-qqp.tsv --scores bench/target/held-out-scores.tsv
    python3 bench/analysis/cache_bootstrap.py bench/target/held-out-qqp.tsv bench/target/held-out-scores.tsv \
        --thresholds 0.78,0.79,0.80,0.81 --samples 1000
"""
import argparse
import numpy as np


def groups(pairs):
    """Connected components of the pairs over their texts, one id per pair."""
    parent = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = [find(a) for a, _ in pairs]
    ids = {r: i for i, r in enumerate(sorted(set(roots)))}
    return np.array([ids[r] for r in roots])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('pairs')
    ap.add_argument('scores')
    ap.add_argument('--thresholds', default='0.78,0.785,0.79,0.795,0.80,0.805,0.81')
    ap.add_argument('--samples', type=int, default=1000)
    ap.add_argument('--seed', type=int, default=0)
    args = ap.parse_args()
    pairs = [line.rstrip('\n').split('\t')[1:3] for line in open(args.pairs, encoding='utf-8')][1:]
    rows = [line.rstrip('\n').split('\t') for line in open(args.scores)][1:]
    if len(pairs) != len(rows):
        raise SystemExit(f"{len(pairs)} pairs but {len(rows)} scores: score the same file")
    y = np.array([int(r[0]) for r in rows]) == 1
    s = np.array([float(r[1]) for r in rows])
    g = groups(pairs)
    count = g.max() + 1
    print(f"{len(y)} pairs in {count} question groups (largest {np.bincount(g).max()} pairs)")
    thresholds = [float(t) for t in args.thresholds.split(',')]
    rng = np.random.default_rng(args.seed)
    for share in (1.0, 0.5):
        drawn = int(count * share)
        out = {t: [] for t in thresholds}
        for _ in range(args.samples):
            w = np.bincount(rng.integers(0, count, drawn), minlength=count)[g]
            positives = w[y].sum()
            for t in thresholds:
                hit = s >= t
                tp, fp = w[hit & y].sum(), w[hit & ~y].sum()
                out[t].append((tp / max(tp + fp, 1), tp / positives))
        print(f"{args.samples} resamples of {drawn} groups ({share:.0%}):")
        for t in thresholds:
            p, r = np.array(out[t]).T
            hit = s >= t
            print(f"  t={t:.3f} precision {(hit & y).sum() / max(hit.sum(), 1):.4f} (sd {p.std():.4f})"
                  f" recall {(hit & y).sum() / y.sum():.4f} (sd {r.std():.4f})"
                  f" P(precision>=0.90) {np.mean(p >= 0.9):.2f} P(recall>=0.40) {np.mean(r >= 0.4):.2f}"
                  f" P(both) {np.mean((p >= 0.9) & (r >= 0.4)):.2f}")


if __name__ == '__main__':
    main()
