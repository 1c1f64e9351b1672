"""Trains the cache's token-interaction verifier on MiniLM token states.

Reads the output of dev.llmrouter.embed.TokenDump (questions.bin: per question int32 n, n int32 token
ids, n x 384 float32 last-hidden-layer states, each question run alone as the server runs it;
pairs.tsv: a, b, label, paraphrase, part, fold) and fits a small decomposable-attention network
(Parikh et al., 2016) on the two questions' token states: project each token to H units, let every
token of one question attend to the other's tokens, compare each token with what it attended to,
pool by mean and max, and classify the symmetric sum and absolute difference of the two sides.

Cross-fitted like the trainer's other verifiers: each of K folds of the development pairs (parts
TRAIN and VALIDATION; every pair with --everything) is scored by a network fitted on the other
folds, and the K networks ship as one ONNX graph that averages their probabilities. Writes
OUT/interaction-verifier.onnx and OUT/interaction-scores.tsv (per pair, in pairs.tsv order: the
out-of-fold score for development pairs, the ensemble's for held-out pairs), which
dev.llmrouter.cache.VerifierTrainer reads to choose its blend and threshold.

The members are also saved (OUT/interaction-members.pt). A further round (--round R, other seeds)
joined with earlier rounds (--join FILE ...) ships every member in one graph; out-of-fold scores are
then the mean of every member that left the pair's fold out. --no-fit only joins saved rounds.
"""
import argparse, math, os, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

D = 384


def load_questions(path):
    buf = np.fromfile(path, dtype='<i4')
    pos, states = 0, []
    while pos < len(buf):
        n = int(buf[pos])
        pos += 1 + n
        states.append(torch.from_numpy(buf[pos:pos + n * D].view('<f4').reshape(n, D).astype(np.float16)))
        pos += n * D
    return states


class Interaction(nn.Module):
    def __init__(self, hidden, dropout):
        super().__init__()
        self.hidden = hidden
        self.project = nn.Sequential(nn.Dropout(dropout), nn.Linear(D, hidden), nn.GELU())
        self.compare = nn.Sequential(nn.Dropout(dropout), nn.Linear(4 * hidden, hidden), nn.GELU())
        self.classify = nn.Sequential(nn.Dropout(dropout), nn.Linear(4 * hidden, hidden), nn.GELU(),
                                      nn.Linear(hidden, 1))

    def side(self, ha, hb, ma, mb):
        e = torch.matmul(ha, hb.transpose(1, 2)) / math.sqrt(self.hidden)
        e = e.masked_fill(mb[:, None, :] == 0, -1e4)
        attended = torch.matmul(torch.softmax(e, -1), hb)
        c = self.compare(torch.cat([ha, attended, ha - attended, ha * attended], -1))
        m = ma[:, :, None]
        mean = (c * m).sum(1) / m.sum(1).clamp(min=1)
        top = c.masked_fill(m == 0, -1e4).max(1).values
        return torch.cat([mean, top], -1)

    def forward(self, a, a_mask, b, b_mask):
        ha, hb = self.project(a), self.project(b)
        va, vb = self.side(ha, hb, a_mask, b_mask), self.side(hb, ha, b_mask, a_mask)
        return self.classify(torch.cat([va + vb, (va - vb).abs()], -1)).squeeze(-1)


class Ensemble(nn.Module):
    """The shipped graph: the mean probability of the cross-fitted members."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, a, a_mask, b, b_mask):
        return torch.stack([torch.sigmoid(m(a, a_mask, b, b_mask)) for m in self.members]).mean(0)


def batch(states, idx):
    n = max(states[i].shape[0] for i in idx)
    x, m = torch.zeros(len(idx), n, D), torch.zeros(len(idx), n)
    for k, i in enumerate(idx):
        s = states[i]
        x[k, :s.shape[0]] = s.float()
        m[k, :s.shape[0]] = 1
    return x, m


def probabilities(model, states, pairs, size=512):
    """Scores of the pairs: the probability of an Ensemble, or the sigmoid of one member's logit."""
    model.eval()
    out = []
    with torch.no_grad():
        for s in range(0, len(pairs), size):
            p = pairs[s:s + size]
            xa, ma = batch(states, p[:, 0])
            xb, mb = batch(states, p[:, 1])
            y = model(xa, ma, xb, mb)
            out.append(y if isinstance(model, Ensemble) else torch.sigmoid(y))
    return torch.cat(out).numpy() if out else np.zeros(0)


def fit(states, pairs, args, seed):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = Interaction(args.hidden, args.dropout)
    opt = torch.optim.AdamW(model.parameters(), lr=args.rate, weight_decay=args.decay)
    steps = args.epochs * ((len(pairs) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.rate, total_steps=steps, pct_start=0.1)
    y = torch.tensor(pairs[:, 2], dtype=torch.float32)
    length = np.array([max(states[a].shape[0], states[b].shape[0]) for a, b in pairs[:, :2]])
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for ix in batches(rng, length, args.batch):
            p = pairs[ix]
            xa, ma = batch(states, p[:, 0])
            xb, mb = batch(states, p[:, 1])
            loss = F.binary_cross_entropy_with_logits(model(xa, ma, xb, mb), y[ix])
            opt.zero_grad()
            loss.backward()
            opt.step()
            schedule.step()
            total += loss.item() * len(ix)
        print(f"  seed {seed} epoch {epoch + 1}: training log loss {total / len(pairs):.4f}", flush=True)
    return model


def batches(rng, length, size, window=50):
    """Shuffled batches of pairs of similar length: less padding, the same pairs once per epoch."""
    order = rng.permutation(len(length))
    out = []
    for w in range(0, len(order), size * window):
        chunk = order[w:w + size * window]
        chunk = chunk[np.argsort(length[chunk], kind='stable')]
        out.extend(chunk[s:s + size] for s in range(0, len(chunk), size))
    return [out[i] for i in rng.permutation(len(out))]


def auc(y, s):
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    pos = y == 1
    return (ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / max(1, pos.sum() * (~pos).sum())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tokens', required=True, help='TokenDump output folder')
    ap.add_argument('--out', required=True)
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--everything', action='store_true')
    ap.add_argument('--hidden', type=int, default=128)
    ap.add_argument('--dropout', type=float, default=0.15)
    ap.add_argument('--rate', type=float, default=2e-3)
    ap.add_argument('--decay', type=float, default=1e-4)
    ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--round', type=int, default=0, help='seeds R*folds .. R*folds+folds-1')
    ap.add_argument('--join', nargs='*', default=[], help='interaction-members.pt of earlier rounds')
    ap.add_argument('--no-fit', action='store_true', help='only join the --join rounds')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(args.threads)
    started = time.time()
    states = load_questions(f"{args.tokens}/questions.bin")
    pairs = np.loadtxt(f"{args.tokens}/pairs.tsv", dtype=np.int64, delimiter='\t').reshape(-1, 6)
    dev = np.ones(len(pairs), bool) if args.everything else pairs[:, 4] <= 1
    members = []  # (fold, model)
    for path in args.join:
        saved = torch.load(path)
        if saved['folds'] != args.folds or saved['everything'] != args.everything:
            raise SystemExit(f"{path} was fitted with other folds: --folds {saved['folds']}"
                             + (" --everything" if saved['everything'] else ""))
        for fold, hidden, state in saved['members']:
            model = Interaction(hidden, args.dropout)
            model.load_state_dict(state)
            members.append((fold, model.eval()))
    for k in ([] if args.no_fit else range(args.folds)):
        fitted = dev & (pairs[:, 5] != k)
        scored = dev & (pairs[:, 5] == k)
        print(f"fold {k + 1}/{args.folds}: fitting on {fitted.sum()} pairs", flush=True)
        model = fit(states, pairs[fitted], args, seed=args.round * args.folds + k)
        q = scored & (pairs[:, 3] == 0)
        print(f"  out-of-fold Quora AUC {auc(pairs[q, 2], probabilities(model, states, pairs[q])):.4f}", flush=True)
        members.append((k, model.eval()))
    if not members:
        raise SystemExit("nothing to ship: no members fitted or joined")
    torch.save({'folds': args.folds, 'everything': args.everything,
                'members': [(k, m.hidden, m.state_dict()) for k, m in members]},
               f"{args.out}/interaction-members.pt")
    scores = np.zeros(len(pairs))
    for k in range(args.folds):
        scored = dev & (pairs[:, 5] == k)
        left_out = [m for fold, m in members if fold == k]
        if scored.any() and left_out:
            scores[scored] = probabilities(Ensemble(left_out).eval(), states, pairs[scored])
    ensemble = Ensemble([m for _, m in members]).eval()
    rest = ~dev
    if rest.any():
        scores[rest] = probabilities(ensemble, states, pairs[rest])
        q = rest & (pairs[:, 3] == 0)
        print(f"held-out Quora AUC {auc(pairs[q, 2], scores[q]):.4f}", flush=True)
    q = dev & (pairs[:, 3] == 0)
    print(f"out-of-fold Quora AUC {auc(pairs[q, 2], scores[q]):.4f}", flush=True)
    if args.everything:
        # Comparable with a run on the development part only: the same pairs, members fitted on more.
        for name, part in (('development', pairs[:, 4] <= 1), ('held-out', pairs[:, 4] == 2)):
            print(f"  of which the {name} part: {auc(pairs[q & part, 2], scores[q & part]):.4f}", flush=True)
    with open(f"{args.out}/interaction-scores.tsv", 'w') as w:
        for s in scores:
            w.write(f"{s:.6f}\n")
    example = (torch.randn(1, 7, D), torch.ones(1, 7), torch.randn(1, 5, D), torch.ones(1, 5))
    torch.onnx.export(ensemble, example, f"{args.out}/interaction-verifier.onnx",
                      input_names=['a', 'a_mask', 'b', 'b_mask'], output_names=['probability'],
                      dynamic_axes={'a': {0: 'n', 1: 'ta'}, 'a_mask': {0: 'n', 1: 'ta'},
                                    'b': {0: 'n', 1: 'tb'}, 'b_mask': {0: 'n', 1: 'tb'}, 'probability': {0: 'n'}},
                      opset_version=13)
    print(f"wrote {args.out}/interaction-verifier.onnx ({len(members)} members), interaction-scores.tsv and"
          f" interaction-members.pt in {time.time() - started:.0f} s")


if __name__ == '__main__':
    main()
