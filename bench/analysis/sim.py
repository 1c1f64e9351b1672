import os
import numpy as np, csv
D = 384
def load(prefix=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'target', 'route-dump')):
    with open(prefix + '.meta.tsv') as f:
        r = csv.reader(f, delimiter='\t')
        header = next(r)
        rows = list(r)
    ds = np.array([x[0] for x in rows])
    weak = np.array([int(x[1]) for x in rows], dtype=float)
    strong = np.array([int(x[2]) for x in rows], dtype=float)
    buckets = np.array([[int(v) for v in x[3:13]] for x in rows])
    feats = np.array([[float(v) for v in x[13:]] for x in rows])
    emb = np.fromfile(prefix + '.emb.f32', dtype='<f4').reshape(-1, D).astype(np.float64)
    return dict(ds=ds, weak=weak, strong=strong, buckets=buckets, feats=feats, emb=emb, names=header[13:])

def sweep(gain, w, s, points=400):
    # replicate RouteEval: weights = quantiles of break-even; cloud iff gain > weight (strict; local first wins ties)
    be = np.sort(gain)
    n = len(gain)
    weights = [be[-1] + 1] + [be[int(round((n - 1) * i / points))] for i in range(points, -1, -1)] + [be[0] - 1]
    order = np.argsort(-gain, kind='stable')
    g = gain[order]
    cs = np.concatenate([[0], np.cumsum(s[order] - w[order])])
    base = w.sum()
    pts = []
    for wt in weights:
        k = np.searchsorted(-g, -wt, side='left')  # count of gain > wt
        pts.append((k / n, (base + cs[k]) / n))
    return pts

def q_at(pts, share):
    below = pts[0]
    for p in pts:
        if p[0] >= share:
            if p[0] == below[0]:
                return p[1]
            t = (share - below[0]) / (p[0] - below[0])
            return below[1] + t * (p[1] - below[1])
        below = p
    return below[1]

def metrics(gain, w, s):
    pts = sweep(gain, w, s)
    qw, qs = pts[0][1], pts[-1][1]
    target = 0.95 * qs
    share = min([p[0] for p in pts if p[1] >= target - 1e-12], default=1)
    ap = np.mean([(q_at(pts, i / 1000) - qw) / (qs - qw) for i in range(1001)])
    return share, ap

def report(gain, d, idx, label=''):
    out = {}
    for name, m in [('all', np.ones(len(idx), bool)), ('mmlu', d['ds'][idx] == 'mmlu'), ('gsm8k', d['ds'][idx] == 'gsm8k')]:
        out[name] = metrics(gain[m], d['weak'][idx][m], d['strong'][idx][m])
    return out

def fmt(o):
    return 'all %.3f/%.3f mmlu %.3f/%.3f gsm %.3f/%.3f' % (o['all'] + o['mmlu'] + o['gsm8k'])

def load_prior(path):
    p = {}
    for line in open(path):
        if line.startswith('#') or '=' not in line: continue
        k, v = line.rstrip('\n').split('=', 1)
        p[k] = v
    num = lambda k: np.array([float(x) for x in p[k].split(',')])
    assert p['local.hidden'] == '0'
    return dict(mean=num('input.mean'), scale=num('input.scale'), local=num('local.output'), cloud=num('cloud.output'))

def raw_input(feats, emb, names):
    opt = names.index('has_options')
    free = (feats[:, opt] == 0)[:, None]
    return np.hstack([feats, feats * free, emb])

def prior_predict(pr, X):
    Z = (X - pr['mean']) / pr['scale']
    sig = lambda z: 1 / (1 + np.exp(-z))
    return sig(pr['local'][0] + Z @ pr['local'][1:]), sig(pr['cloud'][0] + Z @ pr['cloud'][1:])

def split(d, seed):
    b = d['buckets'][:, seed]
    return np.where(b < 70)[0], np.where(b >= 70)[0]

def neighbours(d, hist, test, k=60):
    S = d['emb'][test] @ d['emb'][hist].T
    idx = np.argpartition(-S, k, axis=1)[:, :k]
    sims = np.take_along_axis(S, idx, 1)
    o = np.argsort(-sims, axis=1)
    return np.take_along_axis(idx, o, 1), np.take_along_axis(sims, o, 1)

def blend(prior_q, nb_idx, nb_sim, labels_hist, m=30, power=1.0, min_sim=0.2, k=60):
    idx, sims = nb_idx[:, :k], nb_sim[:, :k]
    w = np.where(sims >= min_sim, np.power(np.clip(sims, 0, None), power), 0)
    ws = (w * labels_hist[idx]).sum(1)
    W = w.sum(1)
    q = (m * prior_q + ws) / (m + W)
    return np.where(W >= 1, q, prior_q)

from scipy.optimize import minimize
def sig(z): return 1 / (1 + np.exp(-z))

def fit_lr(Z, y, l2, sw=None):
    n, p = Z.shape
    sw = np.ones(n) if sw is None else sw
    def f(w):
        z = w[0] + Z @ w[1:]
        pz = sig(z)
        ll = -(sw * (y * np.log(pz + 1e-12) + (1 - y) * np.log(1 - pz + 1e-12))).sum() + 0.5 * l2 * (w[1:] ** 2).sum()
        r = sw * (pz - y)
        g = np.concatenate([[r.sum()], Z.T @ r + l2 * w[1:]])
        return ll, g
    res = minimize(f, np.zeros(p + 1), jac=True, method='L-BFGS-B', options=dict(maxiter=500))
    return res.x

def standardise(Xh, Xt):
    mu = Xh.mean(0); sd = Xh.std(0); sd[sd < 1e-6] = 1
    return (Xh - mu) / sd, (Xt - mu) / sd

def load_prior2(path, names):
    p = {}
    for line in open(path):
        if line.startswith('#') or '=' not in line: continue
        k, v = line.rstrip('\n').split('=', 1); p[k] = v
    num = lambda k: np.array([float(x) for x in p[k].split(',')]) if p[k] else np.zeros(0)
    segs = {}
    for s in p['segments'].split(','):
        idx = [names.index(f) for f in p[s + '.features'].split(',')] if p[s + '.features'] else []
        segs[s] = dict(idx=idx, emb=p[s + '.embedding'] == 'true', mean=num(s + '.input.mean'), scale=num(s + '.input.scale'),
                       local=num(s + '.local.output'), cloud=num(s + '.cloud.output'))
    return segs

def prior2_predict(segs, feats, emb, names):
    opt = feats[:, names.index('has_options')] > 0
    pl = np.zeros(len(feats)); pc = np.zeros(len(feats))
    for name, mask in [('options', opt), ('free', ~opt)]:
        s = segs[name if name in segs else 'all']
        X = feats[mask][:, s['idx']]
        if s['emb']: X = np.hstack([X, emb[mask]])
        Z = (X - s['mean']) / s['scale']
        pl[mask] = sig(s['local'][0] + Z @ s['local'][1:]); pc[mask] = sig(s['cloud'][0] + Z @ s['cloud'][1:])
    return pl, pc
