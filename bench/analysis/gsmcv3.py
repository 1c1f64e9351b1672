from harness import *
from gbm import GBM
g = np.where(free)[0]
w, s = W[g], S[g]
Hg = H[g]; PFg = d['feats'][g]
def cvrun(fitpred, reps=4):
    out = []
    for r in range(reps):
        folds = np.random.RandomState(100 + r).randint(0, 10, len(g))
        pw = np.zeros(len(g)); ps = np.zeros(len(g))
        for k in range(10):
            tr, te = folds != k, folds == k
            pw[te], ps[te] = fitpred(tr, te)
        out.append(sim.metrics(ps - pw, w, s))
    o = np.array(out); return '%.3f±%.3f / %.3f' % (o[:, 0].mean(), o[:, 0].std(), o[:, 1].mean())
def lrf(X, l2):
    def f(tr, te):
        Zh, Zt = sim.standardise(X[tr], X[te])
        a = sim.fit_lr(Zh, w[tr], l2); b = sim.fit_lr(Zh, s[tr], l2)
        return sim.sig(a[0] + Zt @ a[1:]), sim.sig(b[0] + Zt @ b[1:])
    return f
def gbmf(X, cfg):
    def f(tr, te):
        return GBM(**cfg).fit(X[tr], w[tr]).predict(X[te]), GBM(**cfg).fit(X[tr], s[tr]).predict(X[te])
    return f
for l2 in [30, 100, 300]:
    print('hand LR l2=%g' % l2, cvrun(lrf(Hg, l2)))
print('hand+pf LR l2=100', cvrun(lrf(np.hstack([Hg, PFg]), 100)))
print('pf LR l2=100', cvrun(lrf(PFg, 100)))
for cfg in [dict(trees=100, depth=2, lr=0.05, min_leaf=30), dict(trees=200, depth=1, lr=0.05, min_leaf=30)]:
    print('hand gbm', cfg, cvrun(gbmf(Hg, cfg), 2))
