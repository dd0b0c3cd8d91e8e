using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Marquee.Core.Content;

/// <summary>
/// English prose: words folded to ASCII, stop words removed, Porter-stemmed, so "dinosaurs" finds
/// "dinosaur" and "robberies" finds "robbery". Multi-valued fields (one value per tag) get a position gap
/// so a phrase never spans two tags.
/// </summary>
internal sealed class ProseAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, source);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => 100;
}

/// <summary>Titles: every word kept (a title may be "It" or "Up"), lower case, ASCII-folded, not stemmed.</summary>
internal sealed class TitleAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(ProseAnalyzer.Version, reader);
        TokenStream stream = new LowerCaseFilter(ProseAnalyzer.Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }
}

internal static class AnalyzerExtensions
{
    /// <summary>The terms an analyzer makes of a text, in order.</summary>
    public static List<string> Terms(this Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }
}
