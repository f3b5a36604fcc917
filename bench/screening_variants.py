"""Exploratory screening-model variants (not the library's models): loss over 5 prior draws.

    python bench/screening_variants.py data/screening/synergy_Sep_2021.csv 5 svm:w,svm:t,pu0.05:w

A config is ``learner:features`` members joined by ``+`` (members' decision values z-scored and
averaged). Learners: svm (ELAS-u4-like: LinearSVC C=0.11, class ratio 9.8), svm2 (C=0.5), svml
(C=1), lrl (logistic regression, liblinear, balanced), knn (max cosine to a relevant record),
cent (Rocchio centroid), puA (svm with every unlabelled record as a negative of weight A), nb.
Features: w (word 1-2 gram TF-IDF), t (title twice + abstract), k (+ keywords), c (char 3-5),
b (w+c), l (LSA 200 of w), m (w with min_df=2), s (w without English stop words). Priors: numpy default_rng(42), one relevant + one irrelevant per draw.
Seconds per iteration are loop time only.
"""
import sys, time, numpy as np, scipy.sparse as sp
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from socialrecovery_nlp.active.labelled_csv import read_labelled_csv
from socialrecovery_nlp.active.metrics import loss
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB

def texts(recs): return [r.title + " " + r.abstract for r in recs]
def textst(recs): return [r.title + " " + r.title + " " + r.abstract for r in recs]

def feats(kind, T):
    w = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, max_df=0.95).fit_transform(T)
    if kind == 'w': return w
    c = TfidfVectorizer(analyzer='char_wb', ngram_range=(3,5), sublinear_tf=True, min_df=2, max_features=100000).fit_transform(T)
    if kind == 'c': return c
    return sp.hstack([w, c]).tocsr() * (1/np.sqrt(2))

def weights(y, ratio):
    n1 = y.sum(); n0 = len(y) - n1
    w = np.ones(len(y))
    if ratio == 'bal': w[y==1] = n0 / max(n1,1)
    else: w[y==0] = n1 / (ratio * n0)
    return w * len(y) / w.sum()

def make(name):
    if name == 'svm':  # ELAS-u4-like
        def f(X, y, Xu):
            m = LinearSVC(C=0.11).fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name == 'svmb':
        def f(X, y, Xu):
            m = LinearSVC(C=0.11).fit(X, y, sample_weight=weights(y, 'bal'))
            return m.decision_function(Xu)
    elif name == 'lrl':
        def f(X, y, Xu):
            m = LogisticRegression(C=1.0, solver='liblinear').fit(X, y, sample_weight=weights(y, 'bal'))
            return m.decision_function(Xu)
    elif name == 'lr':
        def f(X, y, Xu):
            m = LogisticRegression(C=10, max_iter=200).fit(X, y, sample_weight=weights(y, 'bal'))
            return m.decision_function(Xu)
    elif name == 'knn':
        def f(X, y, Xu):
            R = X[y==1]
            S = (Xu @ R.T).toarray()
            return S.max(axis=1) if S.shape[1] else np.zeros(Xu.shape[0])
    elif name == 'cent':
        def f(X, y, Xu):
            c = np.asarray(X[y==1].mean(axis=0)).ravel() - 0.3*np.asarray(X[y==0].mean(axis=0)).ravel()
            return Xu @ c
    elif name == 'svml':
        def f(X, y, Xu):
            m = LinearSVC(C=1.0).fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name == 'svm2':
        def f(X, y, Xu):
            m = LinearSVC(C=0.5).fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name.startswith('pu'):
        a = float(name[2:])
        def f(X, y, Xu):
            w = weights(y, 9.8)
            wneg = w[y==0].mean()
            Xt = sp.vstack([X, Xu]).tocsr(); yt = np.concatenate([y, np.zeros(Xu.shape[0], int)])
            wt = np.concatenate([w, np.full(Xu.shape[0], a * wneg)])
            m = LinearSVC(C=0.11).fit(Xt, yt, sample_weight=wt)
            return m.decision_function(Xu)
    elif name == 'nb':
        def f(X, y, Xu):
            m = ComplementNB(alpha=0.1).fit(X, y)
            return m.predict_log_proba(Xu)[:,1]-m.predict_log_proba(Xu)[:,0]
    return f

def rank(v):
    r = np.empty(len(v)); r[np.argsort(v)] = np.arange(len(v)); return r/len(v)

def sim(X, y, prior, scorer, XS=None):
    n = len(y); lab = np.zeros(n, bool); lab[prior] = True
    order = []; found = y[prior].sum(); total = y.sum()
    t0 = time.time(); it = 0
    while found < total:
        idx = np.flatnonzero(lab); un = np.flatnonzero(~lab)
        s = scorer(X, idx, un)
        pick = un[np.argmax(s)]
        lab[pick] = True; order.append(pick); found += y[pick]; it += 1
    dt = (time.time()-t0)/max(it,1)
    labels = [int(y[i]) for i in order] + [0]*(n - len(prior) - len(order))
    return loss(labels), dt

def main(ds, configs, ndraw):
    recs = read_labelled_csv(ds); y = np.array([r.label_included for r in recs]); T = texts(recs)
    F = {k: feats(k, T) for k in 'w'}
    F['t'] = feats('w', textst(recs))
    F['m'] = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, max_df=0.95, min_df=2).fit_transform(T)
    F['s'] = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, max_df=0.95, stop_words='english').fit_transform(T)
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize
    F['l'] = sp.csr_matrix(normalize(TruncatedSVD(200, random_state=0).fit_transform(F['w'])))
    F['k'] = feats('w', [r.title + ' ' + r.abstract + ' ' + ' '.join(r.keywords) for r in recs])
    rng = np.random.default_rng(42)
    priors = [[int(rng.choice(np.flatnonzero(y==1))), int(rng.choice(np.flatnonzero(y==0)))] for _ in range(ndraw)]
    for cfg in configs:
        parts = cfg.split('+')
        def scorer(_, idx, un):
            outs = []
            for p in parts:
                m, fk = p.split(':')
                Xf = F[fk]
                d = make(m)(Xf[idx], y[idx], Xf[un])
                outs.append((d - d.mean())/(d.std()+1e-9))
            return np.mean(outs, axis=0) if len(outs)>1 else outs[0]
        res = [sim(None, y, pr, scorer) for pr in priors]
        print(ds.split('/')[-1][:20], cfg, 'loss %.4f' % np.mean([r[0] for r in res]), 's/it %.4f' % np.mean([r[1] for r in res]), flush=True)

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[3].split(','), int(sys.argv[2]))
