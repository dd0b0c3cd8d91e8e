using Marquee.Core.Evaluation;

namespace Marquee.Core.Tests.Evaluation;

public sealed class ArmComparisonTests
{
    // By hand: control sessions (swipes, likes) (4,1) (4,2) (2,0): R = 3/10, residuals -0.2, 0.8, -0.6,
    // Var = 1.04 / (3·2·(10/3)²) = 0.0156. Candidate (2,2) (3,4): R = 5/6, residuals ±1/3, Var = (2/9) / (2·1·3²) = 1/81.
    private static readonly SessionOutcome[] Control = [new(4, 1), new(4, 2), new(2, 0)];
    private static readonly SessionOutcome[] Candidate = [new(2, 2), new(4, 3)];

    [Fact]
    public void Rate_ThreeSessions_MatchesHandComputedRatioAndDeltaMethodError()
    {
        var rate = ArmComparison.Rate(Control);

        Assert.Equal(3, rate.Sessions);
        Assert.Equal(0.3, rate.Rate, 1e-12);
        Assert.Equal(Math.Sqrt(0.0156), rate.StandardError, 1e-12);
    }

    [Fact]
    public void Difference_TwoArms_MatchesHandComputedInterval()
    {
        var difference = ArmComparison.Difference(ArmComparison.Rate(Control), ArmComparison.Rate(Candidate));

        Assert.Equal(5.0 / 6 - 0.3, difference.Estimate, 1e-12);
        Assert.Equal(0.20568691546452472, difference.Low, 1e-9);
        Assert.Equal(0.8609797512021422, difference.High, 1e-9);
        Assert.Equal(0.95, difference.Confidence);
    }

    [Fact]
    public void Rate_OneSessionOrNoSwipes_HasNoStandardError()
    {
        Assert.True(double.IsNaN(ArmComparison.Rate([new SessionOutcome(3, 1)]).StandardError));
        var empty = ArmComparison.Rate([]);
        Assert.Equal(0, empty.Swipes);
        Assert.True(double.IsNaN(ArmComparison.Difference(empty, ArmComparison.Rate(Control)).Low));
    }
}
