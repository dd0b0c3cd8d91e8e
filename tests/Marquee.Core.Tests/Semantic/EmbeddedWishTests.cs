using Marquee.Core.Intent;
using Marquee.Core.Semantic;

namespace Marquee.Core.Tests.Semantic;

public sealed class EmbeddedWishTests
{
    private static readonly RuleIntentParser Parser = new(IntentVocabulary.Default);

    private static string? TextFor(string wish) =>
        EmbeddedWish.TextFor(wish, Parser.Parse(wish, new IntentParseContext(2018)), IntentVocabulary.Default);

    [Theory]
    [InlineData("a heist gone wrong")]
    [InlineData("like sin city but funnier")]
    [InlineData("die hard")]
    [InlineData("a tense survival thriller")]
    public void TextFor_AnEnglishWishOfOnlyWhatItWants_IsItsOwnWords(string wish) => Assert.Equal(wish, TextFor(wish));

    [Theory]
    [InlineData("films about grief", "grief")]
    [InlineData("spy movies", "spy")]
    [InlineData("a movie about chess", "chess")]
    [InlineData("a quiet film about loneliness", "a quiet loneliness")]
    [InlineData("a con artist movie", "a con artist")]
    [InlineData("movies set in los angeles", "set in los angeles")]
    [InlineData("heartwarming dog movie", "heartwarming dog")]
    public void TextFor_LeavesOutTheWordsEveryWishShares(string wish, string wanted) =>
        // "films about grief" as written was closest to films about films (The Final Girls, Scary Movie 2).
        Assert.Equal(wanted, TextFor(wish));

    [Theory]
    [InlineData("a superhero movie that isn't marvel", "a superhero")]
    [InlineData("war movie about the human cost, not just explosions", "war the human cost")]
    [InlineData("something scary but not too scary", "something scary")]
    [InlineData("a horror movie without gore, with a great story", "a horror with a great story")]
    public void TextFor_LeavesOutWhatTheWishRulesOut(string wish, string wanted) =>
        // Embedded, "isn't marvel" draws the page towards Marvel.
        Assert.Equal(wanted, TextFor(wish));

    [Fact]
    public void TextFor_AWishOfOnlyWhatItRulesOut_IsNothingToEmbed() => Assert.Null(TextFor("nothing scary"));

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
