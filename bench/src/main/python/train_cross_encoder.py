"""Fine-tunes MiniLM itself as a cross-encoder for the semantic cache's pair decision (bench/train-cross-encoder).

The server's embedding model (all-MiniLM-L6-v2, int8, from the langchain4j jar) reads each question
alone. A cross-encoder reads both at once, "[CLS] cached [SEP] incoming [SEP]", so every layer's
attention runs across the two questions; here it is fine-tuned on the development pairs to say
whether they ask the same thing, and measured on the held-out part against the shipped
token-interaction network. export_cross_encoder.py turns the weights into the graph the server runs.

The starting weights are the int8 model's, dequantized (the float weights are not on Maven Central).
Inputs come from dev.llmrouter.embed.TokenDump, as bench/token-states runs it (questions.bin:
per question int32 n, n int32 token ids, n x 384 float32 states, of which only the ids are read
here; pairs.tsv: a, b, label, paraphrase, part, fold). Fitted on the development pairs (parts TRAIN
and VALIDATION), each pair with its two questions in random order; prints the held-out Quora AUC.

Writes OUT/cross-encoder-alone.tsv: one line per pair in pairs.tsv order, the held-out pairs'
probabilities and NaN for the pairs it was fitted on; the fitted weights, after rounding, to
OUT/cross-encoder.pt; and OUT/cross-encoder-scores.tsv, the same lines or, with --blend-with
(bench/train-interaction's interaction-scores.tsv) and --share S, S x cross-encoder + (1 - S) x
interaction network. `bench/train-verifier --folds 5 --interaction-held-out` reads either file in
place of the network's own scores.
"""
import argparse, math, os, time
import numpy as np
import onnx
from onnx import numpy_helper
import torch
import torch.nn as nn
import torch.nn.functional as F

from train_interaction import auc, batches

D, HEADS, LAYERS = 384, 12, 6


def load_ids(path):
    """Token ids of every question, with [CLS] and [SEP], skipping the float states that follow them."""
    buf = np.fromfile(path, dtype='<i4')
    pos, ids = 0, []
    while pos < len(buf):
        n = int(buf[pos])
        ids.append(buf[pos + 1:pos + 1 + n].astype(np.int64))
        pos += 1 + n + n * D
    return ids


def minilm_weights(path):
    """The int8 model's weights, dequantized, under their Hugging Face names."""
    model = onnx.load(path)
    init = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}

    def dequantize(prefix):
        q, s, z = init[prefix + '_quantized'], init[prefix + '_scale'], init[prefix + '_zero_point']
        return (q.astype(np.float32) - z.astype(np.float32)) * s.astype(np.float32)

    w = {k: v for k, v in init.items() if k.startswith(('embeddings.LayerNorm', 'encoder.'))}
    for table in ('word', 'position', 'token_type'):
        w[f'embeddings.{table}_embeddings.weight'] = dequantize(f'embeddings.{table}_embeddings.weight')
    for node in model.graph.node:
        if node.op_type == 'MatMulInteger':
            # "/encoder/layer.0/attention/self/query/MatMul_quant" -> encoder.layer.0.attention.self.query.weight
            name = node.name.strip('/').rsplit('/', 1)[0].replace('/', '.') + '.weight'
            w[name] = dequantize(node.input[1][:-len('_quantized')])  # [in, out]
    return {k: torch.from_numpy(np.array(v)) for k, v in w.items()}


class Dense(nn.Module):
    """x @ W + b with W stored [in, out], as in the ONNX graph."""

    def __init__(self, w, b):
        super().__init__()
        self.weight = nn.Parameter(w.clone())
        self.bias = nn.Parameter(b.clone())

    def forward(self, x):
        return torch.matmul(x, self.weight) + self.bias


class Layer(nn.Module):
    def __init__(self, w, p):
        super().__init__()
        self.q = Dense(w[p + 'attention.self.query.weight'], w[p + 'attention.self.query.bias'])
        self.k = Dense(w[p + 'attention.self.key.weight'], w[p + 'attention.self.key.bias'])
        self.v = Dense(w[p + 'attention.self.value.weight'], w[p + 'attention.self.value.bias'])
        self.o = Dense(w[p + 'attention.output.dense.weight'], w[p + 'attention.output.dense.bias'])
        self.norm1 = norm(w, p + 'attention.output.LayerNorm')
        self.up = Dense(w[p + 'intermediate.dense.weight'], w[p + 'intermediate.dense.bias'])
        self.down = Dense(w[p + 'output.dense.weight'], w[p + 'output.dense.bias'])
        self.norm2 = norm(w, p + 'output.LayerNorm')

    def forward(self, x, bias, dropout):
        n, t, _ = x.shape

        def heads(y):
            return y.view(n, t, HEADS, D // HEADS).transpose(1, 2)

        e = torch.matmul(heads(self.q(x)), heads(self.k(x)).transpose(2, 3)) / math.sqrt(D // HEADS) + bias
        a = F.dropout(torch.softmax(e, -1), dropout, self.training)
        c = torch.matmul(a, heads(self.v(x))).transpose(1, 2).reshape(n, t, D)
        x = self.norm1(x + F.dropout(self.o(c), dropout, self.training))
        h = self.down(F.gelu(self.up(x)))
        return self.norm2(x + F.dropout(h, dropout, self.training))


def norm(w, p):
    ln = nn.LayerNorm(D, eps=1e-12)
    ln.weight.data.copy_(w[p + '.weight'])
    ln.bias.data.copy_(w[p + '.bias'])
    return ln


class CrossEncoder(nn.Module):
    def __init__(self, w, dropout=0.1):
        super().__init__()
        self.dropout = dropout
        self.word = nn.Parameter(w['embeddings.word_embeddings.weight'].clone(), requires_grad=False)
        self.position = nn.Parameter(w['embeddings.position_embeddings.weight'][:128].clone())
        self.types = nn.Parameter(w['embeddings.token_type_embeddings.weight'].clone())
        self.norm = norm(w, 'embeddings.LayerNorm')
        self.layers = nn.ModuleList(Layer(w, f'encoder.layer.{i}.') for i in range(LAYERS))
        self.classify = nn.Linear(D, 1)
        nn.init.normal_(self.classify.weight, std=0.02)
        nn.init.zeros_(self.classify.bias)

    def states(self, ids, types, mask):
        t = ids.shape[1]
        x = F.embedding(ids, self.word) + self.position[:t] + F.embedding(types, self.types)
        x = F.dropout(self.norm(x), self.dropout, self.training)
        bias = (1.0 - mask[:, None, None, :]) * -1e4
        for layer in self.layers:
            x = layer(x, bias, self.dropout)
        return x

    def round_to_int8(self):
        """Each weight matrix rounded to int8 with a scale per output unit (the word table: per row), as a
        shipped int8 graph would hold it; scores are measured after this."""
        with torch.no_grad():
            for m in self.modules():
                if isinstance(m, Dense):
                    scale = m.weight.abs().amax(0).clamp(min=1e-8) / 127
                    m.weight.copy_(torch.round(m.weight / scale) * scale)
            scale = self.word.abs().amax(1, keepdim=True).clamp(min=1e-8) / 127
            self.word.copy_(torch.round(self.word / scale) * scale)

    def forward(self, ids, types):
        """Logit that the two questions ask the same thing; padding is id 0."""
        mask = (ids != 0).to(torch.float32)
        x = self.states(ids, types, mask)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)
        return self.classify(F.dropout(pooled, self.dropout, self.training)).squeeze(-1)


def encode(questions, pairs, swap, side):
    """[CLS] a [SEP] b [SEP] for each pair (b first where swap), each question cut to `side` tokens."""
    seqs = []
    for (a, b), s in zip(pairs, swap):
        x, y = (questions[b], questions[a]) if s else (questions[a], questions[b])
        x, y = cut(x, side), cut(y, side)
        seqs.append((np.concatenate([x, y[1:]]), len(x)))
    t = max(len(s) for s, _ in seqs)
    ids = np.zeros((len(seqs), t), np.int64)
    types = np.zeros((len(seqs), t), np.int64)
    for k, (s, first) in enumerate(seqs):
        ids[k, :len(s)] = s
        types[k, first:len(s)] = 1
    return torch.from_numpy(ids), torch.from_numpy(types)


def cut(ids, side):
    """A question's ids ([CLS] ... [SEP]) kept to at most `side`, its [SEP] kept."""
    return ids if len(ids) <= side else np.concatenate([ids[:side - 1], ids[-1:]])


def scores(model, questions, pairs, side, size=128):
    model.eval()
    length = np.array([len(questions[a]) + len(questions[b]) for a, b in pairs[:, :2]])
    order = np.argsort(length, kind='stable')
    out = np.zeros(len(pairs))
    with torch.no_grad():
        for s in range(0, len(order), size):
            ix = order[s:s + size]
            ids, types = encode(questions, pairs[ix, :2], np.zeros(len(ix), bool), side)
            out[ix] = torch.sigmoid(model(ids, types)).numpy()
    return out


def write_scores(path, values):
    """One line per pair: its probability, or NaN for a pair the model was fitted on."""
    with open(path, 'w') as w:
        for s in values:
            w.write("NaN\n" if np.isnan(s) else f"{s:.6f}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tokens', required=True, help='TokenDump output folder')
    ap.add_argument('--minilm', required=True, help='all-minilm-l6-v2-q.onnx')
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=float, default=1.0)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--rate', type=float, default=6e-5)
    ap.add_argument('--decay', type=float, default=0.01)
    ap.add_argument('--dropout', type=float, default=0.1)
    ap.add_argument('--side', type=int, default=64, help='tokens kept of each question')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--limit', type=int, default=0, help='fit on this many pairs only (timing runs)')
    ap.add_argument('--blend-with', help="bench/train-interaction's interaction-scores.tsv")
    ap.add_argument('--share', type=float, default=0.3, help="the cross-encoder's share with --blend-with")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.time()
    questions = load_ids(f"{args.tokens}/questions.bin")
    pairs = np.loadtxt(f"{args.tokens}/pairs.tsv", dtype=np.int64, delimiter='\t').reshape(-1, 6)
    dev = pairs[:, 4] <= 1
    model = CrossEncoder(minilm_weights(args.minilm), args.dropout)
    fitted = pairs[dev]
    if args.limit:
        fitted = fitted[rng.permutation(len(fitted))[:args.limit]]
    length = np.array([len(questions[a]) + len(questions[b]) for a, b in fitted[:, :2]])
    groups = [batches(rng, length, args.batch) for _ in range(math.ceil(args.epochs))]
    plan = [b for g in groups for b in g][:int(round(args.epochs * len(groups[0])))]
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.rate, weight_decay=args.decay)
    warm = max(1, len(plan) // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (len(plan) - s) / (len(plan) - warm))))
    y = torch.tensor(fitted[:, 2], dtype=torch.float32)
    print(f"fitting on {len(fitted)} pairs, {len(plan)} steps of {args.batch}", flush=True)
    model.train()
    total, seen = 0.0, 0
    for step, ix in enumerate(plan):
        ids, types = encode(questions, fitted[ix, :2], rng.random(len(ix)) < 0.5, args.side)
        loss = F.binary_cross_entropy_with_logits(model(ids, types), y[ix])
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        schedule.step()
        total += loss.item() * len(ix)
        seen += len(ix)
        if (step + 1) % 100 == 0 or step + 1 == len(plan):
            print(f"  step {step + 1}/{len(plan)}: training log loss {total / seen:.4f},"
                  f" {time.time() - started:.0f} s", flush=True)
            total, seen = 0.0, 0
    model.eval()
    model.round_to_int8()
    out = np.full(len(pairs), np.nan)
    rest = ~dev
    out[rest] = scores(model, questions, pairs[rest], args.side)
    q = rest & (pairs[:, 3] == 0)
    print(f"held-out Quora AUC {auc(pairs[q, 2], out[q]):.4f}", flush=True)
    torch.save(model.state_dict(), f"{args.out}/cross-encoder.pt")
    write_scores(f"{args.out}/cross-encoder-alone.tsv", out)
    if args.blend_with:
        network = np.array([float(x) for x in open(args.blend_with)])
        out = args.share * out + (1 - args.share) * network
        print(f"held-out Quora AUC of {args.share} x cross-encoder + {1 - args.share:.2f} x {args.blend_with}:"
              f" {auc(pairs[q, 2], out[q]):.4f}", flush=True)
    write_scores(f"{args.out}/cross-encoder-scores.tsv", out)
    print(f"wrote {args.out}/cross-encoder-scores.tsv in {time.time() - started:.0f} s")


if __name__ == '__main__':
    main()
