"""Exploratory screening-model variants (not the library's models): loss over 5 prior draws.

    python bench/screening_variants.py data/screening/synergy_Sep_2021.csv 5 svm:w,svm:t,pu0.05:w

A config is ``learner:features`` members joined by ``+`` (members' decision values z-scored and
averaged). Learners: svm (ELAS-u4-like: LinearSVC C=0.11, class ratio 9.8), svm2 (C=0.5), svml
(C=1), lrl (logistic regression, liblinear, balanced), knn (max cosine to a relevant record),
cent (Rocchio centroid), puA (svm with every unlabelled record as a negative of weight A), nb.
Features: w (word 1-2 gram TF-IDF), t (title twice + abstract), k (+ keywords), c (char 3-5),
b (w+c), l (LSA 200 of w), m (w with min_df=2), s (w without English stop words),
e (all-MiniLM-L6-v2 sentence embeddings of title + abstract, max_length 256, read from the cache
bench/results/embeddings/<key>.npy written by ``--embed``, the key as the library's
``embedding_key``), we<a> (w and a * e side by side), ec (e centred on the corpus mean, unit length),
ez (e standardised per dimension over the corpus, divided by sqrt(384)).
Learners for dense features: svmC<c> (SVM, C=c, ratio 9.8), lrC<c> (logistic regression, C=c,
ratio 9.8). A member may carry a weight: ``svm:w*2``. A config starting ``R|`` averages ranks
instead of z-scored decision values; ``F<k>|`` makes the first k queries random (seed 0).
svmR<r>: the SVM with class ratio r; svmD: ratio 9.8 until 10 relevant records are labelled, then 2.
svmMS<a>[k<n>] (on w): the SVM fitted on records, each unlabelled record scored by its best sentence
(title and abstract sentences, each vectorised with the record-level vectoriser), mixed as
a * best sentence + (1 - a) * whole record (a = 1 when omitted); with k<n> the mean of the n best.
``P|cfgA/cfgB``: score with config A or B, whichever separated the queried relevant from the queried
irrelevant records better so far (prequential rank percentiles); ``V<k>[m<d>]|cfgA/cfgB``: every k
calls, stratified 5-fold CV over the labelled records, B only if its pooled out-of-fold AUC beats
A's by more than d (TRACE=1 prints each choice). The library's version is ``srnlp.screen_svm_emb.v3``.
Priors: numpy default_rng(42), one relevant + one irrelevant per draw; with a 4th argument
``asreview`` the draws of bench/vs_asreview.py (default_rng(2026 + index of the file)).
Seconds per iteration are loop time only.

    python bench/screening_variants.py --embed            # cache the embeddings of data/screening
"""
import os, re, sys, time, numpy as np, scipy.sparse as sp
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
    if name.startswith('svmC'):
        c = float(name[4:])
        def f(X, y, Xu):
            m = LinearSVC(C=c).fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name.startswith('svmR'):  # another fixed class ratio
        r = float(name[4:])
        def f(X, y, Xu):
            m = LinearSVC(C=0.11).fit(X, y, sample_weight=weights(y, r))
            return m.decision_function(Xu)
    elif name == 'svmD':  # dynamic balance: ratio 9.8 until 10 relevant are known, then 2
        def f(X, y, Xu):
            m = LinearSVC(C=0.11).fit(X, y, sample_weight=weights(y, 9.8 if y.sum() < 10 else 2.0))
            return m.decision_function(Xu)
    elif name.startswith('rdg'):  # weighted ridge regression on +-1 targets, closed form
        lam = float(name[3:])
        def f(X, y, Xu):
            sw = weights(y, 9.8)
            Xa = np.hstack([X, np.ones((X.shape[0], 1))])
            A = (Xa * sw[:, None]).T @ Xa
            A[np.arange(X.shape[1]), np.arange(X.shape[1])] += lam
            w = np.linalg.solve(A, Xa.T @ (sw * (2 * y - 1)))
            return Xu @ w[:-1] + w[-1]
    elif name.startswith('svpC'):  # svmC with the primal solver
        c = float(name[4:])
        def f(X, y, Xu):
            m = LinearSVC(C=c, dual=False).fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name.startswith('lrC'):
        c = float(name[3:])
        def f(X, y, Xu):
            m = LogisticRegression(C=c, solver='liblinear').fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name == 'svm':  # ELAS-u4-like
        def f(X, y, Xu):
            m = LinearSVC(C=0.11).fit(X, y, sample_weight=weights(y, 9.8))
            return m.decision_function(Xu)
    elif name.startswith('svmMS'):  # doc-trained SVM, each record scored by its best sentence
        spec = name[5:]; topk = 1
        if 'k' in spec: spec, topk = spec.split('k')[0], int(spec.split('k')[1])
        mix = float(spec or 1.0)   # svmMS<a>[k<n>]: a * mean of the n best sentences + (1 - a) * whole record
        def f(X, y, Xu, idx=None, un=None):
            m = LinearSVC(C=0.11).fit(X, y, sample_weight=weights(y, 9.8))
            ss = SENT['X'] @ m.coef_.ravel() + m.intercept_[0]
            if topk == 1:
                best = np.maximum.reduceat(ss, SENT['starts'])
            else:  # mean of the k best sentences (fewer when a record has fewer)
                P = np.where(SENT['pad'] >= 0, ss[np.maximum(SENT['pad'], 0)], -np.inf)
                P = -np.sort(-P, axis=1)[:, :topk]
                ok = np.isfinite(P)
                best = np.where(ok, P, 0).sum(1) / ok.sum(1)
            return mix * best[un] + (1 - mix) * m.decision_function(Xu)
        f.wants_index = True
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

SENT = {}

def split_sentences(text):
    parts = [p for p in re.split(r'(?<=[.!?])\s+(?=[A-Z(\[])', text) if p.strip()]
    return parts or [text]

def rank(v):
    r = np.empty(len(v)); r[np.argsort(v)] = np.arange(len(v)); return r/len(v)

def sim(X, y, prior, scorer, XS=None):
    n = len(y); lab = np.zeros(n, bool); lab[prior] = True
    order = []; found = y[prior].sum(); total = y.sum()
    t0 = time.time(); it = 0
    if hasattr(scorer, 'reset'): scorer.reset()
    while found < total:
        idx = np.flatnonzero(lab); un = np.flatnonzero(~lab)
        s = scorer(X, idx, un)
        pick = un[np.argmax(s)]
        if it < getattr(scorer, 'random_first', 0):  # a first phase of random records
            pick = un[scorer.rng.integers(len(un))]
        if hasattr(scorer, 'feedback'): scorer.feedback(int(np.argmax(s)), int(y[pick]))
        lab[pick] = True; order.append(pick); found += y[pick]; it += 1
    dt = (time.time()-t0)/max(it,1)
    labels = [int(y[i]) for i in order] + [0]*(n - len(prior) - len(order))
    return loss(labels), dt

EMB = Path(__file__).resolve().parents[1] / 'bench' / 'results' / 'embeddings'


def embed_all():
    """Cache the sentence embeddings of every data set in data/screening (one-time feature
    extraction); prints and records the seconds each took."""
    import json, os
    os.environ.setdefault('HF_HUB_OFFLINE', '1')
    from socialrecovery_nlp.active.models import embedding_key, screening_text
    from socialrecovery_nlp.themes.encoder import SentenceEncoder
    enc = SentenceEncoder(device='cpu', batch_size=32, max_length=256)
    EMB.mkdir(parents=True, exist_ok=True)
    timings = {}
    for f in sorted((EMB.parents[2] / 'data' / 'screening').glob('*.csv')):
        T = [screening_text(r) for r in read_labelled_csv(f)]
        t0 = time.perf_counter(); E = enc.encode(T); dt = time.perf_counter() - t0
        key = embedding_key(T)
        np.save(EMB / f'{key}.npy', E.astype(np.float32), allow_pickle=False)
        timings[f.name] = {'records': len(T), 'seconds': dt, 'key': key}
        print(f.name, len(T), '%.1f s' % dt, flush=True)
    (EMB / 'timings.json').write_text(json.dumps(timings, indent=1))


def main(ds, configs, ndraw, priors_from='42'):
    recs = read_labelled_csv(ds); y = np.array([r.label_included for r in recs]); T = texts(recs)
    from sklearn.preprocessing import normalize
    F = {k: feats(k, T) for k in 'w'}
    vec = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, max_df=0.95).fit(T)
    sents, starts = [], []
    for r in recs:
        starts.append(len(sents)); sents += [r.title] + split_sentences(r.abstract)
    SENT['X'] = vec.transform(sents).tocsr(); SENT['starts'] = np.array(starts)
    ends = list(starts[1:]) + [len(sents)]; width = max(e - b for b, e in zip(starts, ends))
    SENT['pad'] = np.array([list(range(b, e)) + [-1] * (width - e + b) for b, e in zip(starts, ends)])
    F['t'] = feats('w', textst(recs))
    F['m'] = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, max_df=0.95, min_df=2).fit_transform(T)
    F['s'] = TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, max_df=0.95, stop_words='english').fit_transform(T)
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize
    F['l'] = sp.csr_matrix(normalize(TruncatedSVD(200, random_state=0).fit_transform(F['w'])))
    F['k'] = feats('w', [r.title + ' ' + r.abstract + ' ' + ' '.join(r.keywords) for r in recs])
    from socialrecovery_nlp.active.models import embedding_key, screening_text
    emb = EMB / (embedding_key([screening_text(r) for r in recs]) + '.npy')
    if emb.exists():
        E = np.load(emb, allow_pickle=False).astype(np.float64)
        F['e'] = E
        # centred on the corpus mean (the common direction of one topic's texts removed), unit length
        F['ec'] = normalize(E - E.mean(axis=0))
        # each dimension standardised over the corpus, scaled back to about unit length
        F['ez'] = (E - E.mean(axis=0)) / (E.std(axis=0) + 1e-9) / np.sqrt(E.shape[1])
    if priors_from == 'asreview':
        files = sorted(Path(ds).parent.glob('*.csv'))
        rng = np.random.default_rng(2026 + [f.name for f in files].index(Path(ds).name))
        pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
        priors = [[int(rng.choice(pos)), int(rng.choice(neg))] for _ in range(ndraw)]
    else:
        rng = np.random.default_rng(int(priors_from))
        priors = [[int(rng.choice(np.flatnonzero(y==1))), int(rng.choice(np.flatnonzero(y==0)))] for _ in range(ndraw)]
    class Hedge:
        """H|a+b: follow the leader: score with the member whose z-scores, computed before each
        label was revealed, separated the queried relevant from the queried irrelevant records
        best so far (prequential; ties and the start go to the first member)."""
        def __init__(self, parts): self.parts = parts
        def reset(self): self.hist = [([], []) for _ in self.parts]; self.last = None
        def __call__(self, _, idx, un):
            zs = []
            for p in self.parts:
                m, fk = p.split(':'); Xf = feature(fk)
                d = make(m)(Xf[idx], y[idx], Xf[un]); zs.append((d - d.mean())/(d.std()+1e-9))
            disc = [np.mean(r) - np.mean(i) if r and i else 0.0 for r, i in self.hist]
            best = int(np.argmax(disc)) if max(disc) > disc[0] else 0
            self.last = zs
            return zs[best]
        def feedback(self, j, label):
            for k, z in enumerate(self.last):
                self.hist[k][0 if label else 1].append(z[j])
    def feature(fk):
        if fk not in F and fk.startswith('we'):
            F[fk] = sp.hstack([F['w'], sp.csr_matrix(float(fk[2:]) * F['e'])]).tocsr()
        return F[fk]
    def ensemble(cfg, idx, un, y_idx=None):
        yy = y[idx] if y_idx is None else y_idx
        outs, ws = [], []
        for p in cfg.split('+'):
            p, _, wt = p.partition('*')
            m, fk = p.split(':'); Xf = feature(fk); fn = make(m)
            d = fn(Xf[idx], yy, Xf[un], idx, un) if getattr(fn, 'wants_index', False) else fn(Xf[idx], yy, Xf[un])
            outs.append((d - d.mean())/(d.std()+1e-9)); ws.append(float(wt or 1))
        return np.average(outs, axis=0, weights=ws)
    def auc(s, lab):
        from scipy.stats import rankdata
        r = rankdata(s); n1 = lab.sum(); n0 = len(lab) - n1
        return (r[lab == 1].sum() - n1 * (n1 + 1) / 2) / max(n1 * n0, 1)
    class Select:
        """P|a/b (prequential) or V<k>|a/b (cross-validation every k labels): score with config a
        or b, whichever has separated relevant from irrelevant labelled records better."""
        def __init__(self, mode, alts): self.mode, self.alts = mode, alts
        def reset(self): self.hist = [([], []) for _ in self.alts]; self.cur = 0; self.last = None; self.n = 0; self.trace = []
        def __call__(self, _, idx, un):
            self.n += 1
            if self.mode == 'P':
                zs = [ensemble(a, idx, un) for a in self.alts]
                pct = [rank(z) for z in zs]
                disc = [np.mean(r) - np.mean(i) if r and i else 0.0 for r, i in self.hist]
                self.cur = int(np.argmax(disc)) if max(disc) > disc[0] else 0
                self.last = pct
                self.trace.append(self.cur)
                return zs[self.cur]
            spec = self.mode[1:]
            margin = 0.0
            if 'm' in spec: spec, margin = spec.split('m')[0], float(spec.split('m')[1])
            k = int(spec or 10)
            yl = y[idx]
            if yl.sum() >= 3 and (len(idx) - yl.sum()) >= 3 and self.n % k == 1:
                from sklearn.model_selection import StratifiedKFold
                nf = min(5, int(yl.sum()), int(len(yl) - yl.sum()))
                oof = [np.zeros(len(idx)) for _ in self.alts]
                for tr, te in StratifiedKFold(nf, shuffle=True, random_state=0).split(idx, yl):
                    for a, alt in enumerate(self.alts):
                        oof[a][te] = ensemble(alt, idx[tr], idx[te])
                aucs = [auc(o, yl) for o in oof]
                self.cur = int(np.argmax(aucs)) if max(aucs) > aucs[0] + margin else 0
                if os.environ.get('TRACE'): print('eval', len(idx), int(yl.sum()), self.cur, ['%.3f' % a for a in aucs])
            self.trace.append(self.cur)
            return ensemble(self.alts[self.cur], idx, un)
        def feedback(self, j, label):
            if self.last is None: return
            for a, p in enumerate(self.last):
                self.hist[a][0 if label else 1].append(p[j])
    for cfg in configs:
        if cfg[:1] in 'PV' and '|' in cfg and '/' in cfg:
            mode, rest = cfg.split('|', 1)
            res, traces = [], []
            for pr in priors:
                sel = Select(mode, rest.split('/')); res.append(sim(None, y, pr, sel)); traces.append(np.mean(sel.trace))
            print(ds.split('/')[-1][:20], cfg, 'loss %.4f' % np.mean([r[0] for r in res]),
                  'losses', ' '.join('%.4f' % r[0] for r in res), 's/it %.4f' % np.mean([r[1] for r in res]),
                  'share alt', ' '.join('%.2f' % t for t in traces), flush=True)
            continue
        if cfg.startswith('H|'):
            res = [sim(None, y, pr, Hedge(cfg[2:].split('+'))) for pr in priors]
            print(ds.split('/')[-1][:20], cfg, 'loss %.4f' % np.mean([r[0] for r in res]),
                  'losses', ' '.join('%.4f' % r[0] for r in res), 's/it %.4f' % np.mean([r[1] for r in res]), flush=True)
            continue
        first = 0
        if cfg.startswith('F') and '|' in cfg:  # F<k>|config: the first k queries at random
            first, cfg = int(cfg[1:cfg.index('|')]), cfg[cfg.index('|') + 1:]
        use_rank = cfg.startswith('R|')
        parts = cfg[2:].split('+') if use_rank else cfg.split('+')
        def scorer(_, idx, un):
            outs, ws = [], []
            for p in parts:
                p, _, wt = p.partition('*')
                m, fk = p.split(':')
                Xf = feature(fk)
                fn = make(m)
                d = fn(Xf[idx], y[idx], Xf[un], idx, un) if getattr(fn, 'wants_index', False) else fn(Xf[idx], y[idx], Xf[un])
                outs.append(rank(d) if use_rank else (d - d.mean())/(d.std()+1e-9))
                ws.append(float(wt or 1))
            return np.average(outs, axis=0, weights=ws) if len(outs)>1 else outs[0]
        scorer.random_first = first
        res = []
        for pr in priors:
            scorer.rng = np.random.default_rng(0)
            res.append(sim(None, y, pr, scorer))
        print(ds.split('/')[-1][:20], f'F{first}|' * bool(first) + cfg, 'loss %.4f' % np.mean([r[0] for r in res]),
              'losses', ' '.join('%.4f' % r[0] for r in res), 's/it %.4f' % np.mean([r[1] for r in res]), flush=True)

if __name__ == '__main__':
    if sys.argv[1] == '--embed':
        embed_all()
    else:
        main(sys.argv[1], sys.argv[3].split(','), int(sys.argv[2]), *(sys.argv[4:5]))
