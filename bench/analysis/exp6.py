from harness import *
import harness
seeds = [5, 6, 7, 8, 9]
X0 = sim.raw_input(d['feats'], d['emb'], d['names'])
res = {}
for seed in seeds:
    h, t = sim.split(d, seed)
    mh, mt = h[~free[h]], t[~free[t]]
    pl = fit_predict(X0, mh, mt, 1000, W); pc = fit_predict(X0, mh, mt, 1000, S)
    ni, ns = nb(seed)
    ni, ns = ni[~free[t]], ns[~free[t]]
    ql = sim.blend(pl, ni, ns, W[h], 20, 1, 0.2, 60); qc = sim.blend(pc, ni, ns, S[h], 20, 1, 0.2, 60)
    both = (1 - W) * S  # weak wrong, strong right
    pb = fit_predict(X0, mh, mt, 1000, both)
    qb = sim.blend(pb, ni, ns, both[h], 20, 1, 0.2, 60)
    # gain regression via 3-class: P(+1) - P(-1)
    neg = W * (1 - S)
    pn = fit_predict(X0, mh, mt, 1000, neg); qn = sim.blend(pn, ni, ns, neg[h], 20, 1, 0.2, 60)
    for name, g in [('gain', qc - ql), ('-weak', -ql), ('P(w0s1)', qb), ('P(+)-P(-)', qb - qn), ('gain prior only', pc - pl), ('knn only', sim.blend(0*pl, ni, ns, S[h]-W[h], 0.001, 1, 0.2, 60))]:
        res.setdefault(name, []).append(sim.metrics(g, W[mt], S[mt]))
for k, v in res.items():
    v = np.array(v); print('%-16s mmlu share %.3f±%.3f apgr %.3f' % (k, v[:, 0].mean(), v[:, 0].std(), v[:, 1].mean()))
