from harness import *
seeds = [5, 6, 7, 8, 9]
X0 = sim.raw_input(d['feats'], d['emb'], d['names'])
cache = {}
def seg(l2m, l2g, XM, XGG):
    def f(h, t):
        key = (l2m, l2g, len(h), int(h.sum()))
        if key in cache: return cache[key]
        pl = np.zeros(len(t)); pc = np.zeros(len(t))
        for mask, X, l2 in [(~free, XM, l2m), (free, XGG, l2g)]:
            hh, tt = h[mask[h]], t[mask[t]]
            pl[mask[t]] = fit_predict(X, hh, tt, l2, W); pc[mask[t]] = fit_predict(X, hh, tt, l2, S)
        cache[key] = (pl, pc)
        return pl, pc
    return f
for l2m in [300, 1000, 3000]:
    f = seg(l2m, 100, X0, H)
    for mg in [30, 100, 1e9]:
        evaluate(f, seeds, m=lambda t, mg=mg: np.where(free[t], mg, 30), label='l2m=%g gsm m=%g' % (l2m, mg))
f = seg(1000, 100, X0, H)
for m in [10, 20, 50, 100]:
    evaluate(f, seeds, m=lambda t, m=m: np.where(free[t], 100, m), label='mmlu m=%g' % m)
for k in [30, 100]:
    evaluate(f, seeds, k=k, m=lambda t: np.where(free[t], 100, 30), label='k=%d' % k)
for p in [2, 4, 8]:
    for m in [10, 30]:
        evaluate(f, seeds, power=p, m=lambda t, m=m: np.where(free[t], 100, m), label='power=%g m=%g' % (p, m))
