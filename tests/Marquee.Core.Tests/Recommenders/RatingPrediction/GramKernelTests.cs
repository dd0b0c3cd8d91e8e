using System.Numerics;
using Marquee.Core.Recommenders.RatingPrediction;

namespace Marquee.Core.Tests.Recommenders.RatingPrediction;

public sealed class GramKernelTests
{
    public static TheoryData<int, int> Layouts()
    {
        // The stride picks the path: 16 floats is the in-register AVX-512 path where the CPU has it (else two
        // Vector<T>s), one or two Vector<T>s are the 256-bit paths, anything wider the general loop. Laying the same
        // design out at each stride runs every path on any CI machine, whatever Stride(d) would choose there.
        var width = Vector<float>.Count;
        var data = new TheoryData<int, int>();
        foreach (var d in new[] { 3, 5, 8, 12 })
        {
            foreach (var stride in new[] { width, 2 * width, 3 * width, 16, 32 }.Distinct())
            {
                if (d <= stride)
                {
                    data.Add(d, stride);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Accumulate_EveryPath_MatchesADoubleReference(int d, int stride)
    {
        var random = new Random(d * 100 + stride);
        const int designRows = 40;
        var design = new float[designRows * stride];
        for (var r = 0; r < designRows; r++)
        {
            for (var c = 0; c < d; c++)
            {
                design[r * stride + c] = (float)(random.NextDouble() * 2 - 1);
            }
        }
        int[] rows = [.. Enumerable.Range(0, 25).Select(_ => random.Next(designRows))];
        float[] weights = [.. rows.Select(_ => (float)(random.NextDouble() + 0.1))];
        float[] targets = [.. rows.Select(_ => (float)(random.NextDouble() * 4 - 2))];
        var gram = new float[d * stride];
        var linear = new float[stride];

        GramKernel.Accumulate(design, rows, weights, targets, gram, linear, d, stride);

        for (var a = 0; a < d; a++)
        {
            var expectedLinear = 0.0;
            for (var j = 0; j < rows.Length; j++)
            {
                expectedLinear += targets[j] * design[rows[j] * stride + a];
            }
            Assert.Equal(expectedLinear, linear[a], 1e-4);
            for (var b = 0; b <= a; b++)
            {
                var expected = 0.0;
                for (var j = 0; j < rows.Length; j++)
                {
                    expected += weights[j] * design[rows[j] * stride + a] * design[rows[j] * stride + b];
                }
                Assert.Equal(expected, gram[a * stride + b], 1e-4);
            }
        }
    }
}
