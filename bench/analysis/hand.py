import re, numpy as np
num = re.compile(r'\d+(?:[.,]\d+)*')
P = lambda s: re.compile(s, re.I)
pats = dict(
 fraction_words=P(r'\b(half|third|quarter|fourth|fifth|twice|thrice|double|triple)\b'),
 time_units=P(r'\b(hour|minute|second|day|week|month|year)s?\b'),
 number_words=P(r'\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|dozen)\b'),
 each_every_per=P(r'\b(each|every|per|rate)\b'),
 comparatives=P(r'\b(more|less|fewer|times|than)\b'),
 remaining=P(r'\b(remaining|rest|left|remainder)\b'),
 if_cond=P(r'\b(if|after|then|before)\b'),
 profit=P(r'\b(profit|earn|sell|sold|cost|price|pay|paid|discount|tax|interest)\b'),
 ages=P(r'\b(age|old|older|younger)\b'),
 then_next=P(r'\b(then|next|after that|finally|later)\b'),
 total=P(r'\b(total|altogether|combined|in all|together)\b'),
)
def hand(t):
    ns = [x.replace(',', '') for x in num.findall(t)]
    vals = [len(t), len(t.split()), len(ns), len(set(ns)), len(re.findall(r'[.!?](\s|$)', t)),
            max([len(x) for x in ns] + [0]), sum('.' in x for x in ns), t.count('%') + len(re.findall(r'\bpercent', t, re.I)),
            len(re.findall(r'\d/\d', t)), t.count('$'), len(re.findall(r'\$\d+\.\d', t)),
            sum(np.log10(float(x) + 1) for x in ns if x.replace('.', '', 1).isdigit()),
            len(re.findall(r'(?<=\s)[A-Z][a-z]+', t)), len(set(re.findall(r'(?<=\s)[A-Z][a-z]+', t))), t.count(','),
            1 if re.search(r'how much', t, re.I) else 0, 1 if re.search(r'how many', t, re.I) else 0,
            len(re.split(r'(?<=[.!])\s', t.strip())[-1])]
    vals += [len(p.findall(t)) for p in pats.values()]
    return [np.log1p(v) for v in vals]
