"""Exports the fine-tuned cross-encoder (train_cross_encoder.py's cross-encoder.pt) as the ONNX graph the server runs.

Inputs: input_ids and token_type_ids, int64 [batch, tokens], "[CLS] cached [SEP] incoming [SEP]" with type 1
from the incoming question on, each question cut to 64 tokens (so at most 128, the position table kept).
Output: probability, float [batch], that the two questions ask the same thing.

The weight matrices and the word table are stored as int8 with one scale per output unit (per row for the
word table), exactly the grid round_to_int8 left them on, each turned back into float32 by a Cast and a Mul:
the file is about a quarter of float32's size, and ONNX Runtime folds those two nodes into constants when it
loads the graph, so every run computes in float32 on ready weights. (A DequantizeLinear node would say the
same, but ONNX Runtime keeps those out of constant folding for its quantized kernels, so it would dequantize
all 23 M weights again on every run.)
"""
import argparse
import os
import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto
import torch
import torch.nn as nn

from train_cross_encoder import CrossEncoder, Dense, minilm_weights


class Probability(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, token_type_ids):
        return torch.sigmoid(self.model(input_ids, token_type_ids))


def quantized(model):
    """Names of the tensors stored as int8, with the axis their scales run along."""
    axes = {'word': 0}
    for name, module in model.named_modules():
        if isinstance(module, Dense):
            axes[name + '.weight'] = 1
    return axes


def store_int8(graph, axes):
    """Replaces each named float initializer by int8 values and scales, multiplied back into a tensor of the same name."""
    init = {i.name: i for i in graph.initializer}
    missing = sorted(set(axes) - set(init))
    if missing:
        raise SystemExit(f"initializers not found in the exported graph: {missing[:5]}")
    nodes = []
    for name, axis in axes.items():
        w = numpy_helper.to_array(init[name]).astype(np.float32)
        scale = np.abs(w).max(axis=1 - axis).clip(min=1e-8) / 127
        shape = [1, -1] if axis == 1 else [-1, 1]
        q = np.clip(np.round(w / scale.reshape(shape)), -127, 127).astype(np.int8)
        error = np.abs(q.astype(np.float32) * scale.reshape(shape) - w).max()
        if error > 1e-4 * np.abs(w).max():
            raise SystemExit(f"{name} is not on an int8 grid (largest error {error}): export rounded weights")
        graph.initializer.remove(init[name])
        graph.initializer.extend([numpy_helper.from_array(q, name + '_int8'),
                                  numpy_helper.from_array(scale.reshape(shape).astype(np.float32), name + '_scale')])
        nodes.append(helper.make_node('Cast', [name + '_int8'], [name + '_float'], name=name + '_cast',
                                      to=TensorProto.FLOAT))
        nodes.append(helper.make_node('Mul', [name + '_float', name + '_scale'], [name], name=name + '_scaled'))
    for k, node in enumerate(nodes):
        graph.node.insert(k, node)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--weights', help="train_cross_encoder.py's cross-encoder.pt; without it MiniLM as it comes"
                                      " (an untrained head: for checking the export only)")
    ap.add_argument('--minilm', required=True, help='all-minilm-l6-v2-q.onnx')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    model = CrossEncoder(minilm_weights(args.minilm))
    if args.weights:
        model.load_state_dict(torch.load(args.weights))
    else:
        model.round_to_int8()
    wrapped = Probability(model).eval()
    ids = torch.tensor([[101, 2054, 2003, 1996, 3007, 1997, 2605, 1029, 102, 2054, 1005, 1055, 1996, 3007, 102]])
    types = (torch.arange(ids.shape[1]) >= 9).long()[None, :]
    path = args.out + '.float'
    torch.onnx.export(wrapped, (ids, types), path, input_names=['input_ids', 'token_type_ids'],
                      output_names=['probability'], opset_version=13, do_constant_folding=True,
                      dynamic_axes={'input_ids': {0: 'batch', 1: 'tokens'}, 'token_type_ids': {0: 'batch', 1: 'tokens'},
                                    'probability': {0: 'batch'}})
    graph = onnx.load(path)
    os.remove(path)
    store_int8(graph.graph, {'model.' + name: axis for name, axis in quantized(model).items()})
    onnx.checker.check_model(graph)
    onnx.save(graph, args.out)
    # export leaves the module in the mode it found it in: eval, so no dropout here
    with torch.no_grad():
        p = wrapped(ids, types).item()
    print(f"wrote {args.out}; probability of the sample pair (what is the capital of france? / what's the capital):"
          f" {p:.6f}")


if __name__ == '__main__':
    main()
