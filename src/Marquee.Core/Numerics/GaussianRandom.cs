namespace Marquee.Core.Numerics;

/// <summary>
/// The one source of random normals (and gammas): a small counter-based generator (SplitMix64
/// stream). The Bayesian samplers create one per (sweep, entity) from a hash of the seed, so results do
/// not depend on which thread ran which entity, and creating one costs nothing; ALS draws its starting
/// factors from it.
/// </summary>
internal struct GaussianRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A stream for one entity of one step: independent of thread scheduling.</summary>
    public static GaussianRandom For(ulong seed, long stream, long index) => new(SplitMix64.Key(seed, stream, index));

    public ulong NextUInt64()
    {
        // SplitMix64.Mix adds the golden-ratio increment itself, so this is the standard SplitMix64 stream.
        var current = _state;
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
        }
        return SplitMix64.Mix(current);
    }

    /// <summary>Uniform in (0, 1): never exactly 0, so logarithms are safe.</summary>
    public double NextUniform() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>
    /// Standard normal by Marsaglia &amp; Tsang's ziggurat (2000), 128 layers. The layer comes from
    /// bits the value does not use, which avoids the original's layer–value correlation.
    /// </summary>
    public double NextNormal()
    {
        while (true)
        {
            var bits = NextUInt64();
            var layer = (int)(bits & 127);
            var value = (int)(bits >> 32);
            var x = value * Ziggurat.Width[layer];
            if ((uint)Math.Abs((long)value) < Ziggurat.Threshold[layer])
            {
                return x;
            }
            if (layer == 0)
            {
                // The tail beyond r, sampled by Marsaglia's exponential method.
                double tail, y;
                do
                {
                    tail = -Math.Log(NextUniform()) / Ziggurat.R;
                    y = -Math.Log(NextUniform());
                }
                while (y + y < tail * tail);
                return value > 0 ? Ziggurat.R + tail : -Ziggurat.R - tail;
            }
            var f = Ziggurat.Height[layer];
            if (f + (NextUniform() * (Ziggurat.Height[layer - 1] - f)) < Math.Exp(-0.5 * x * x))
            {
                return x;
            }
        }
    }

    /// <summary>Fills <paramref name="values"/> with normals of standard deviation <paramref name="sd"/>.</summary>
    public void Fill(Span<float> values, double sd)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(sd * NextNormal());
        }
    }

    /// <summary>Gamma(shape, rate) by Marsaglia &amp; Tsang (2000), boosted for shape &lt; 1.</summary>
    public double NextGamma(double shape, double rate)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1, rate) * Math.Pow(NextUniform(), 1 / shape);
        }
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            var u = NextUniform();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v / rate;
            }
        }
    }

    /// <summary>Tables of the 128-layer normal ziggurat (Marsaglia &amp; Tsang 2000, <c>zigset</c>).</summary>
    private static class Ziggurat
    {
        public const double R = 3.442619855899;
        private const double Area = 9.91256303526217e-3;
        private const double Scale = 2147483648.0; // 2^31: values are signed 32-bit integers

        public static readonly uint[] Threshold = new uint[128];
        public static readonly double[] Width = new double[128];
        public static readonly double[] Height = new double[128];

        static Ziggurat()
        {
            var dn = R;
            var tn = dn;
            var q = Area / Math.Exp(-0.5 * dn * dn);
            Threshold[0] = (uint)(dn / q * Scale);
            Threshold[1] = 0;
            Width[0] = q / Scale;
            Width[127] = dn / Scale;
            Height[0] = 1;
            Height[127] = Math.Exp(-0.5 * dn * dn);
            for (var i = 126; i >= 1; i--)
            {
                dn = Math.Sqrt(-2 * Math.Log((Area / dn) + Math.Exp(-0.5 * dn * dn)));
                Threshold[i + 1] = (uint)(dn / tn * Scale);
                tn = dn;
                Height[i] = Math.Exp(-0.5 * dn * dn);
                Width[i] = dn / Scale;
            }
        }
    }
}
