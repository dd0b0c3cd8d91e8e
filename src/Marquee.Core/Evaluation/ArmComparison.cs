namespace Marquee.Core.Evaluation;

/// <summary>One session's outcome in an online experiment: how many cards it swiped and how many of them it liked.</summary>
public readonly record struct SessionOutcome(long Swipes, long Likes);

/// <summary>A rate of one arm: likes over swipes, pooled over its sessions, with its standard error.</summary>
public readonly record struct ArmRate(int Sessions, long Swipes, long Likes, double Rate, double StandardError);

/// <summary>The candidate arm's rate minus the control arm's, with a two-sided confidence interval.</summary>
public readonly record struct RateDifference(double Estimate, double Low, double High, double Confidence);

/// <summary>
/// Compares the like rate of two experiment arms. Sessions, not swipes, are the independent units (one
/// person's swipes move together), so each arm's rate Σlikes/Σswipes is a ratio estimator whose variance comes
/// from the delta method over sessions: Var(R) ≈ Σ(likesᵢ − R·swipesᵢ)² / (n(n−1)·mean(swipes)²). The interval
/// of the difference is normal: estimate ± z·√(Var_a + Var_b).
/// </summary>
public static class ArmComparison
{
    /// <summary>The z value of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static ArmRate Rate(IReadOnlyList<SessionOutcome> sessions)
    {
        long swipes = 0, likes = 0;
        foreach (var s in sessions)
        {
            swipes += s.Swipes;
            likes += s.Likes;
        }
        var n = sessions.Count;
        if (swipes == 0)
        {
            return new ArmRate(n, 0, 0, 0, double.NaN);
        }
        var rate = (double)likes / swipes;
        if (n < 2)
        {
            return new ArmRate(n, swipes, likes, rate, double.NaN);
        }
        var meanSwipes = (double)swipes / n;
        var sum = 0.0;
        foreach (var s in sessions)
        {
            var residual = s.Likes - rate * s.Swipes;
            sum += residual * residual;
        }
        var variance = sum / (n * (n - 1.0) * meanSwipes * meanSwipes);
        return new ArmRate(n, swipes, likes, rate, Math.Sqrt(variance));
    }

    /// <summary>Candidate minus control with a 95 % interval; NaN bounds when either arm has fewer than two sessions.</summary>
    public static RateDifference Difference(ArmRate control, ArmRate candidate, double z = Z95)
    {
        var estimate = candidate.Rate - control.Rate;
        var error = Math.Sqrt(control.StandardError * control.StandardError + candidate.StandardError * candidate.StandardError);
        return new RateDifference(estimate, estimate - z * error, estimate + z * error, z == Z95 ? 0.95 : double.NaN);
    }
}
