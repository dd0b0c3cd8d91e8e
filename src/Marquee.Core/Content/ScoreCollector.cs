using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Marquee.Core.Content;

/// <summary>Writes every hit's score straight into an array by catalogue index: no top-N heap, no per-hit objects.</summary>
internal sealed class ScoreCollector(int[] catalogIndexOfDoc, float[] scores) : ICollector
{
    private Scorer? _scorer;
    private int _docBase;

    public float Max { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        var score = _scorer!.GetScore();
        scores[catalogIndexOfDoc[_docBase + doc]] = score;
        Max = Math.Max(Max, score);
    }
}
