import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'exp11.py')).read().split("cfg = dict")[0])
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
    ql = sim.blend(pt[:, 0], *nb(seed), W[h], 30, 1, 0.2, 60); qc = sim.blend(pt[:, 1], *nb(seed), S[h], 30, 1, 0.2, 60)
    o = sim.report(qc - ql, d, t); res.setdefault('Beta blend', []).append([o['all'][0], o['mmlu'][0], o['gsm8k'][0], o['all'][1]])
    def inputs(p, e, rows, feats):
        X = np.stack([lg(p[:, 0]), lg(p[:, 1]), e['wl'], e['wc'], e['weight'], e['smax'], e['smean']], 1)
        return np.hstack([X, d['feats'][rows]]) if feats else X
    mh, mt = ~free[h], ~free[t]
    for name, feats in [('both-tier stack + feats', True), ('both-tier stack no feats', False)]:
        Xh = inputs(oof, eh, h, feats)[mh]; Xt = inputs(pt, et, t, feats)[mt]
        gl, gc = ql.copy(), qc.copy()
        gl[mt] = GBM(**cfg).fit(Xh, W[h][mh]).predict(Xt); gc[mt] = GBM(**cfg).fit(Xh, S[h][mh]).predict(Xt)
        o = sim.report(gc - gl, d, t); res.setdefault(name, []).append([o['all'][0], o['mmlu'][0], o['gsm8k'][0], o['all'][1]])
    print(seed, {k: '%.3f/%.3f/%.3f/%.3f' % tuple(v[-1]) for k, v in res.items()}, flush=True)
for k, v in res.items():
    v = np.array(v); print('%-30s share all %.3f±%.3f mmlu %.3f gsm %.3f | apgr %.3f' % (k, v[:, 0].mean(), v[:, 0].std(), v[:, 1].mean(), v[:, 2].mean(), v[:, 3].mean()))
