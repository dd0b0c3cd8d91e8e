using Marquee.Core.Intent;
using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

public sealed class EmbeddedWishTests
{
    private static readonly RuleIntentParser Parser = new(IntentVocabulary.Default);

    private static string? TextFor(string wish) =>
        EmbeddedWish.TextFor(wish, Parser.Parse(wish, new IntentParseContext(2018)), IntentVocabulary.Default);

    [Theory]
    [InlineData("spy movies")]
    [InlineData("a heist gone wrong")]
    [InlineData("movies set in los angeles")]
    [InlineData("like sin city but funnier")]
    [InlineData("a con artist movie")]
    [InlineData("die hard")]
    public void TextFor_AnEnglishWish_IsItsOwnText(string wish) => Assert.Equal(wish, TextFor(wish));

    [Theory]
    [InlineData("películas de espías", "spies")]
    [InlineData("un film sur la drogue", "drugs")]
    [InlineData("Filme über Haie", "sharks")]
    [InlineData("Weihnachtsfilme", "christmas")]
    [InlineData("una película de asesinos en serie", "serial killers")]
    public void TextFor_AWishInAnotherLanguage_IsTheSubjectsItWasReadAs(string wish, string subjects)
    {
        // The model reads English only: "películas de espías" embedded as it is put The Silence of the Lambs first.
        Assert.True(EmbeddedWish.ReadsAsOtherLanguage(wish));
        Assert.Equal(subjects, TextFor(wish));
    }

    [Fact]
    public void TextFor_AWishInAnotherLanguageWithNoSubject_IsNothingToEmbed() =>
        Assert.Null(TextFor("una película de acción"));
}
