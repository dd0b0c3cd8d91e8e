// Two namespaces that depend on each other only inside method bodies, so the cycle check is seen to fail.
namespace Marquee.Core.Tests.Architecture.CycleSample.Left
{
    internal static class Start
    {
        public static int Length(string text) => Right.Finish.Count(text);
    }
}

namespace Marquee.Core.Tests.Architecture.CycleSample.Right
{
    internal static class Finish
    {
        public static int Count(string text) => text.Length == 0 ? 0 : Left.Start.Length(text[1..]) + 1;
    }
}
