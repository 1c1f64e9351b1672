from harness import *
seeds = [5, 6, 7, 8, 9]
names = d['names']
fi = [names.index(f) for f in "log_chars,log_words,log_numbers,sentences,log_longest_number,distinct_numbers,decimal_numbers,percents,slash_fractions,dollars,cents,number_magnitude,capitalised_count,distinct_names,commas,how_much,how_many,last_sentence_chars,fraction_words,time_units,number_words,each_every_per,comparatives,remaining,conditions,money_words,ages,sequence_words,totals".split(',')]
XM48 = np.hstack([d['feats'], d['emb']]); XM24 = np.hstack([d['feats'][:, :24], d['emb']]); XG = d['feats'][:, fi]
cache = {}
def seg(l2m, l2g, XM, tag):
    def f(h, t):
        key = (l2m, l2g, tag, len(h), int(h.sum()))
        if key in cache: return cache[key]
        pl = np.zeros(len(t)); pc = np.zeros(len(t))
        for mask, X, l2 in [(~free, XM, l2m), (free, XG, l2g)]:
            hh, tt = h[mask[h]], t[mask[t]]
            pl[mask[t]] = fit_predict(X, hh, tt, l2, W); pc[mask[t]] = fit_predict(X, hh, tt, l2, S)
        cache[key] = (pl, pc); return pl, pc
    return f
for tag, XM in [('48', XM48), ('24', XM24)]:
    for l2m in [1000, 3000, 10000]:
        evaluate(seg(l2m, 100, XM, tag), seeds, label='feats%s l2m=%g' % (tag, l2m))
f = seg(3000, 100, XM48, '48')
for mm in [15, 20, 45]:
    evaluate(f, seeds, m=mm, label='48 3000 m=%g' % mm)
for mg in [100, 300]:
    evaluate(f, seeds, m=lambda t, mg=mg: np.where(free[t], mg, 30), label='48 3000 gsm m=%g' % mg)
