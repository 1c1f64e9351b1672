import numpy as np
def sig(z): return 1 / (1 + np.exp(-z))
class GBM:
    def __init__(s, trees=200, depth=3, lr=0.05, bins=32, min_leaf=50, l2=10, subsample=0.8, seed=0):
        s.__dict__.update(trees=trees, depth=depth, lr=lr, bins=bins, min_leaf=min_leaf, l2=l2, subsample=subsample, seed=seed)
    def fit(s, X, y):
        rng = np.random.RandomState(s.seed)
        s.edges = [np.unique(np.quantile(X[:, j], np.linspace(0, 1, s.bins + 1)[1:-1])) for j in range(X.shape[1])]
        B = np.stack([np.searchsorted(s.edges[j], X[:, j], side='right') for j in range(X.shape[1])], 1)
        p0 = np.clip(y.mean(), 1e-3, 1 - 1e-3); s.base = np.log(p0 / (1 - p0))
        F = np.full(len(y), s.base); s.forest = []
        for _ in range(s.trees):
            p = sig(F); g = p - y; hss = p * (1 - p)
            rows = np.where(rng.rand(len(y)) < s.subsample)[0]
            tree = s._grow(B, g, hss, rows, 0)
            s.forest.append(tree)
            F += s.lr * s._predict_tree(tree, B)
        return s
    def _grow(s, B, g, h, rows, depth):
        G, Hs = g[rows].sum(), h[rows].sum()
        leaf = ('leaf', -G / (Hs + s.l2))
        if depth == s.depth or len(rows) < 2 * s.min_leaf: return leaf
        best = (0, None)
        base = G * G / (Hs + s.l2)
        for j in range(B.shape[1]):
            nb = len(s.edges[j]) + 1
            gs = np.bincount(B[rows, j], g[rows], nb); hs = np.bincount(B[rows, j], h[rows], nb); cs = np.bincount(B[rows, j], minlength=nb)
            cg, ch, cc = np.cumsum(gs)[:-1], np.cumsum(hs)[:-1], np.cumsum(cs)[:-1]
            ok = (cc >= s.min_leaf) & (len(rows) - cc >= s.min_leaf)
            gain = cg ** 2 / (ch + s.l2) + (G - cg) ** 2 / (Hs - ch + s.l2) - base
            gain[~ok] = -1
            k = np.argmax(gain)
            if gain[k] > best[0]: best = (gain[k], (j, k))
        if best[1] is None: return leaf
        j, k = best[1]
        left = rows[B[rows, j] <= k]; right = rows[B[rows, j] > k]
        return ('split', j, k, s._grow(B, g, h, left, depth + 1), s._grow(B, g, h, right, depth + 1))
    def _predict_tree(s, tree, B):
        out = np.zeros(len(B))
        def walk(node, idx):
            if node[0] == 'leaf': out[idx] = node[1]; return
            _, j, k, l, r = node
            m = B[idx, j] <= k
            walk(l, idx[m]); walk(r, idx[~m])
        walk(tree, np.arange(len(B)))
        return out
    def predict(s, X):
        B = np.stack([np.searchsorted(s.edges[j], X[:, j], side='right') for j in range(X.shape[1])], 1)
        F = np.full(len(X), s.base)
        for t in s.forest: F += s.lr * s._predict_tree(t, B)
        return sig(F)
