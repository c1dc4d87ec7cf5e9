"""Engine comparison: scores equal a direct sacrebleu call; the better engine wins significantly."""

import sacrebleu

from mtreview.services.compare import compare_engines
from mtreview.services.project import ProjectService


def test_paired_bootstrap_between_two_engines(tmp_path):
    sources = [f"Item {i} costs {i * 3} dollars and ships in {i % 5 + 1} days." for i in range(40)]
    refs = [f"商品{i}は{i * 3}ドルで、{i % 5 + 1}日で発送されます。" for i in range(40)]
    good = [r.replace("発送されます", "発送される") for r in refs]
    bad = [f"アイテム{i}は費用がかかる。" for i in range(40)]
    svc = ProjectService.open(tmp_path / "p.mtreview", "me", create=True)
    for name, mts in (("good", good), ("bad", bad)):
        path = tmp_path / f"{name}.tsv"
        path.write_text(
            "source\ttarget\tcorrected\n"
            + "".join(f"{s}\t{m}\t{r}\n" for s, m, r in zip(sources, mts, refs, strict=True)),
            encoding="utf-8",
        )
        svc.import_path(path)
    a, b = (d.id for d in svc.documents())
    chrf, bleu = compare_engines(svc, a, b, n_samples=200)
    direct = sacrebleu.corpus_chrf(good, [refs]).score
    assert abs(chrf.baseline.score - direct) < 1e-9
    assert chrf.candidate.score < chrf.baseline.score
    assert chrf.significant() and bleu.significant()
    assert chrf.segments == 40
    svc.close()
