using Marquee.Core.Recommenders;
using Marquee.Core.Tests.Support;
using Marquee.Core.Training;

namespace Marquee.Core.Tests.Training;

/// <summary><c>auto</c> offers EASE only where its dense matrices fit the memory budget, and says why.</summary>
public class AutoSelectionTests
{
    private const long Budget = EaseMemory.BudgetCeilingBytes;

    [Fact]
    public void RequiredBytes_PrimalAndDual_CountTheirDenseMatrices()
    {
        // ml-10m: 10,677 movies, more users: P and XᵀY (float64) plus B (float32).
        Assert.Equal(20L * 10_677 * 10_677, EaseMemory.RequiredBytes(69_878, 10_677));
        // ml-latest-small: 610 users, fewer than movies: M and its float32 copy, plus G = XM (5.9 M entries).
        Assert.Equal((12L * 610 * 610) + (4L * 610 * 9_724), EaseMemory.RequiredBytes(610, 9_724));
    }

    [Theory]
    [InlineData(610, 9_724)] // ml-latest-small
    [InlineData(69_878, 10_677)] // ml-10m
    public void ChooseAutoCandidates_EaseWithinBudget_ValidatesEaseAndAls(int users, int items)
    {
        var (candidates, reason) = ModelTrainer.ChooseAutoCandidates(users, items, Budget);

        Assert.Equal(["ease", "als"], candidates);
        Assert.Contains("within its 6.0 GiB budget; validating ease and als", reason);
    }

    [Fact]
    public void ChooseAutoCandidates_Ml25mShape_TrainsAlsAndSaysWhy()
    {
        var (candidates, reason) = ModelTrainer.ChooseAutoCandidates(162_541, 61_307, Budget);

        Assert.Equal(["als"], candidates);
        Assert.Equal("61,307 items: EASE would need 70.0 GiB for its items² matrices; budget 6.0 GiB; training ALS", reason);
    }

    [Fact]
    public void EaseFit_OverItsBudget_RefusesWithTheReason()
    {
        var matrix = RandomRatings.Matrix(40, 30, seed: 2);
        var ease = new Ease(new EaseOptions { MemoryBudgetBytes = 10_000 });

        var error = Assert.Throws<InvalidOperationException>(() => ease.Fit(matrix));

        Assert.StartsWith("30 items: EASE would need", error.Message);
        Assert.EndsWith("Use als or itemknn.", error.Message);
    }
}
