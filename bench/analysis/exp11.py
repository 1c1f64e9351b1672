from harness import *
from gbm import GBM
import sys
seeds = [5, 6, 7, 8, 9]
names = d['names']
XM = np.hstack([d['feats'], d['emb']])
fi = [names.index(f) for f in "log_chars,log_words,log_numbers,sentences,log_longest_number,distinct_numbers,decimal_numbers,percents,slash_fractions,dollars,cents,number_magnitude,capitalised_count,distinct_names,commas,how_much,how_many,last_sentence_chars,fraction_words,time_units,number_words,each_every_per,comparatives,remaining,conditions,money_words,ages,sequence_words,totals".split(',')]
XG = d['feats'][:, fi]
lg = lambda p: np.log(p / (1 - p))
def lr2(a, b):
    pl = np.zeros(len(b)); pc = np.zeros(len(b))
    for mask, X, l2 in [(~free, XM, 3000), (free, XG, 100)]:
        aa, bb = a[mask[a]], b[mask[b]]
        pl[mask[b]] = fit_predict(X, aa, bb, l2, W); pc[mask[b]] = fit_predict(X, aa, bb, l2, S)
    return np.stack([pl, pc], 1)
def evidence(q, ref, self_out):
    Sm = d['emb'][q] @ d['emb'][ref].T
    if self_out: np.fill_diagonal(Sm, -1)
    idx = np.argpartition(-Sm, 60, 1)[:, :60]; sims = np.take_along_axis(Sm, idx, 1)
    w = np.where(sims >= 0.2, sims, 0)
    ws = w.sum(1) + 1e-9
    return dict(wl=(w * W[ref][idx]).sum(1) / ws, wc=(w * S[ref][idx]).sum(1) / ws, weight=ws, smax=sims.max(1), smean=sims.mean(1))
cfg = dict(trees=150, depth=2, lr=0.05)
res = {}
for seed in seeds:
    h, t = sim.split(d, seed)
    fold = np.random.RandomState(seed).randint(0, 5, len(h))
    oof = np.zeros((len(h), 2))
    for k in range(5):
        oof[fold == k] = lr2(h[fold != k], h[fold == k])
    pt = lr2(h, t)
    eh = evidence(h, h, True); et = evidence(t, h, False)
    def inputs(p, e, rows, tier, feats=True):
        cols = [lg(p[:, tier]), e['wl' if tier == 0 else 'wc'], e['weight'], e['smax'], e['smean']]
        X = np.stack(cols, 1)
        return np.hstack([X, d['feats'][rows]]) if feats else X
    ql = sim.blend(pt[:, 0], *nb(seed), W[h], 30, 1, 0.2, 60); qc = sim.blend(pt[:, 1], *nb(seed), S[h], 30, 1, 0.2, 60)
    o = sim.report(qc - ql, d, t); res.setdefault('Beta blend', []).append([o['all'][0], o['mmlu'][0], o['gsm8k'][0], o['all'][1]])
    for name, feats in [('per-tier stack + feats', True), ('per-tier stack no feats', False)]:
        gl = GBM(**cfg).fit(inputs(oof, eh, h, 0, feats), W[h]).predict(inputs(pt, et, t, 0, feats))
        gc = GBM(**cfg).fit(inputs(oof, eh, h, 1, feats), S[h]).predict(inputs(pt, et, t, 1, feats))
        o = sim.report(gc - gl, d, t); res.setdefault(name, []).append([o['all'][0], o['mmlu'][0], o['gsm8k'][0], o['all'][1]])
    print(seed, {k: '%.3f/%.3f/%.3f/%.3f' % tuple(v[-1]) for k, v in res.items()}, flush=True)
for k, v in res.items():
    v = np.array(v); print('%-30s share all %.3f±%.3f mmlu %.3f gsm %.3f | apgr %.3f' % (k, v[:, 0].mean(), v[:, 0].std(), v[:, 1].mean(), v[:, 2].mean(), v[:, 3].mean()))
