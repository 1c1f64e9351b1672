from harness import *
subj = np.array([r[1] for r in rows])
for seed in [5, 6, 7, 8, 9]:
    h, t = sim.split(d, seed)
    mm = ~free[t]
    tt = t[mm]
    sg = {}
    for s_ in np.unique(subj):
        hm = h[subj[h] == s_]
        sg[s_] = ((S[hm].sum() + 0.15*10) / (len(hm) + 10), (W[hm].sum() + 0.67*10) / (len(hm) + 10))
    gain = np.array([sg[subj[i]][0] - sg[subj[i]][1] for i in tt]) + 1e-6 * np.random.rand(len(tt))
    print(seed, 'subject-mean gain on mmlu: %.3f/%.3f' % sim.metrics(gain, W[tt], S[tt]))
