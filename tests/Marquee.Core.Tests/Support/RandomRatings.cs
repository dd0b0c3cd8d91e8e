using Marquee.Core.Interactions;

namespace Marquee.Core.Tests.Support;

/// <summary>Small random rating matrices for model tests: each (user, movie) pair rated with some probability, in half stars.</summary>
public static class RandomRatings
{
    /// <param name="movieIdStep">Movie ids are 1, 2, 3… times this: a step above 1 checks that models map ids to positions.</param>
    public static InteractionMatrix Matrix(int users, int items, int seed, double density = 0.3, int movieIdStep = 1)
    {
        var random = new Random(seed);
        var builder = new InteractionTableBuilder();
        for (var u = 1; u <= users; u++)
        {
            for (var i = 1; i <= items; i++)
            {
                if (random.NextDouble() < density)
                {
                    builder.Add(u, i * movieIdStep, random.Next(1, 11) / 2f, 0);
                }
            }
        }
        return InteractionMatrix.Build(builder.Build());
    }
}
