import sim, numpy as np, csv, os, hand
d = sim.load()
rows = list(csv.reader(open('/work/shared/eval/routing/weak-strong-correctness.tsv'), delimiter='\t'))[1:]
texts = [r[4].replace('\\n', '\n') for r in rows]
if os.path.exists('hand.npy'):
    H = np.load('hand.npy')
else:
    H = np.array([hand.hand(t) for t in texts]); np.save('hand.npy', H)
free = d['feats'][:, d['names'].index('has_options')] == 0
W, S = d['weak'], d['strong']
NB = {}
def nb(seed, k=120):
    if seed not in NB:
        f = 'nb%d.npz' % seed
        if os.path.exists(f):
            z = np.load(f); NB[seed] = (z['i'], z['s'])
        else:
            h, t = sim.split(d, seed)
            i, s = sim.neighbours(d, h, t, k)
            np.savez(f, i=i, s=s); NB[seed] = (i, s)
    return NB[seed]

def fit_predict(X, h, t, l2, y):
    Zh, Zt = sim.standardise(X[h], X[t])
    w = sim.fit_lr(Zh, y[h], l2)
    return sim.sig(w[0] + Zt @ w[1:])

def evaluate(prior_fn, seeds, m=30, power=1.0, k=60, min_sim=0.2, label='', verbose=False):
    """prior_fn(h, t) -> (p_local, p_cloud) for test rows; m may be a function of test rows"""
    res = []
    for seed in seeds:
        h, t = sim.split(d, seed)
        pl, pc = prior_fn(h, t)
        ni, ns = nb(seed)
        mm = m(t) if callable(m) else m
        ql = sim.blend(pl, ni, ns, W[h], mm, power, min_sim, k); qc = sim.blend(pc, ni, ns, S[h], mm, power, min_sim, k)
        o = sim.report(qc - ql, d, t)
        res.append([o['all'][0], o['mmlu'][0], o['gsm8k'][0], o['all'][1], o['mmlu'][1], o['gsm8k'][1]])
        if verbose: print('  seed %d: %s' % (seed, sim.fmt(o)))
    r = np.array(res)
    print('%-40s share all %.3f±%.3f mmlu %.3f gsm %.3f±%.3f | apgr all %.3f mmlu %.3f gsm %.3f' % (
        label, r[:, 0].mean(), r[:, 0].std(), r[:, 1].mean(), r[:, 2].mean(), r[:, 2].std(), r[:, 3].mean(), r[:, 4].mean(), r[:, 5].mean()), flush=True)
    return r
