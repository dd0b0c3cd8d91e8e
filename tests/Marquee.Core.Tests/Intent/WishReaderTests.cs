using Marquee.Core.Intent;

namespace Marquee.Core.Tests.Intent;

public class WishReaderTests
{
    [Fact]
    public async Task ReadAsync_WhenTheRuleParserFails_SaysTheTextBackUnread_AndKeepsTheChips()
    {
        // A parser bug (here a title look-up that throws) once reached the person as a 500 for their whole request.
        var context = new IntentParseContext(2018, new FailingTitles());
        var reader = WishReader.RulesOnly;

        var intent = await reader.ReadAsync(new Wish { Text = "something like the matrix", Moods = ["cozy"] }, IntentVocabulary.Default, context,
            reader.StartBudget(), CancellationToken.None);

        Assert.Equal(["something like the matrix"], intent.Unused);
        Assert.Equal(["cozy"], intent.Moods);
        Assert.Empty(intent.ReferenceMovieIds);
    }

    [Fact]
    public async Task ReadAsync_ATextOverTheLimit_IsStillTheCallersError()
    {
        var context = new IntentParseContext(2018);
        var reader = WishReader.RulesOnly;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.ReadAsync(new Wish { Text = new string('a', RuleIntentParser.MaxQueryLength + 1) },
            IntentVocabulary.Default, context, reader.StartBudget(), CancellationToken.None));
    }

    private sealed class FailingTitles : ITitleResolver
    {
        public TitleMatch? ResolveExact(string normalizedSpan) => throw new InvalidOperationException("title index fault");

        public (TitleMatch Match, int Span)? ResolveFuzzy(IReadOnlyList<string> normalizedSpans) => throw new InvalidOperationException("title index fault");
    }
}
