using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Marquee.Core.Catalog;
using StronglyConnectedComponents;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace Marquee.Core.Tests.Architecture;

/// <summary>
/// Core's namespaces form a layered graph: a domain type never reaches up into the code that stores, imports or
/// evaluates it (Catalog knows no files; Interactions knows no recommender). The graph is read from the compiled
/// assembly by ArchUnitNET (signatures, fields, attributes and method bodies), so a fully qualified name or a
/// <c>var</c> cannot hide a dependency the way it would from the <c>using</c> lines.
/// </summary>
public class NamespaceCycleTests
{
    private const string CoreNamespace = "Marquee.Core";

    /// <summary>
    /// Type references that close a known cycle whose fix lives in files another change owns, each with the way out.
    /// Every entry must still exist (<see cref="PendingReferences_StillExist"/>), so the list only ever shrinks.
    /// </summary>
    private static readonly (string OriginType, string TargetNamespace, string WayOut)[] Pending =
    [];

    private static readonly Lazy<ArchitectureModel> Core =
        new(() => new ArchLoader().LoadAssemblies(typeof(Movie).Assembly).Build());

    [Fact]
    public void CoreNamespaces_HaveNoDependencyCycle() => AssertNoCycle(namespaceName => namespaceName);

    /// <summary>
    /// The same check one level up: Recommenders with Recommenders.RatingPrediction, Evaluation with
    /// Evaluation.Relevance, so a cycle through two sibling namespaces of one area is caught too.
    /// </summary>
    [Fact]
    public void CoreAreas_HaveNoDependencyCycle() => AssertNoCycle(AreaOf);

    [Fact]
    public void PendingReferences_StillExist()
    {
        var references = References(Core.Value, CoreNamespace, namespaceName => namespaceName, includePending: true);
        foreach (var (originType, targetNamespace, _) in Pending)
        {
            Assert.Contains(references, reference => IsFrom(reference.Evidence, originType) && reference.To == targetNamespace);
        }
    }

    [Fact]
    public void Check_ReadsCore_AndSeesItsReferences()
    {
        // Guards the tests above against passing on an empty or misread assembly.
        var references = References(Core.Value, CoreNamespace, namespaceName => namespaceName, includePending: true);
        Assert.Contains(references, r => r is { From: "Marquee.Core.Ranking", To: "Marquee.Core.Catalog" });
        Assert.Contains(references, r => r is { From: "Marquee.Core.Recommenders.RatingPrediction", To: "Marquee.Core.Interactions" });
        Assert.True(references.Select(r => r.From).Distinct().Count() >= 12, "fewer namespaces than Core has");
    }

    [Fact]
    public void Check_FindsACycleMadeInMethodBodies()
    {
        var samples = new ArchLoader().LoadAssemblies(typeof(CycleSample.Left.Start).Assembly).Build();

        var cycle = Assert.Single(Cycles(samples, "Marquee.Core.Tests.Architecture.CycleSample", namespaceName => namespaceName));

        Assert.Contains("Marquee.Core.Tests.Architecture.CycleSample.Left -> Marquee.Core.Tests.Architecture.CycleSample.Right", cycle);
        Assert.Contains("Marquee.Core.Tests.Architecture.CycleSample.Right -> Marquee.Core.Tests.Architecture.CycleSample.Left", cycle);
    }

    private static void AssertNoCycle(Func<string, string> group)
    {
        var cycles = Cycles(Core.Value, CoreNamespace, group);
        Assert.True(cycles.Count == 0, $"Namespace cycles in {CoreNamespace}:{Environment.NewLine}{string.Join(Environment.NewLine, cycles)}");
    }

    /// <summary>"Marquee.Core.Recommenders.RatingPrediction" → "Marquee.Core.Recommenders".</summary>
    private static string AreaOf(string namespaceName) =>
        string.Join('.', namespaceName.Split('.').Take(CoreNamespace.Split('.').Length + 1));

    /// <summary>Each cycle as its groups and the type references between them, one per line.</summary>
    private static List<string> Cycles(ArchitectureModel architecture, string root, Func<string, string> group)
    {
        var references = References(architecture, root, group, includePending: false);
        var targets = references.ToLookup(r => r.From, r => r.To);
        var groups = references.SelectMany(r => new[] { r.From, r.To }).Distinct(StringComparer.Ordinal).ToList();
        return groups
            .DetectCycles(g => targets[g].Distinct(StringComparer.Ordinal), StringComparer.Ordinal)
            .Where(component => component.IsCyclic)
            .Select(component => string.Join(Environment.NewLine, references
                .Where(r => component.Contents.Contains(r.From) && component.Contents.Contains(r.To))
                .GroupBy(r => $"{r.From} -> {r.To}")
                .OrderBy(edge => edge.Key, StringComparer.Ordinal)
                .Select(edge => $"{edge.Key}: {string.Join(", ", edge.Select(r => r.Evidence).Distinct().Order(StringComparer.Ordinal))}")))
            .ToList();
    }

    /// <summary>Every reference from a type under <paramref name="root"/> to a type of another group under it.</summary>
    private static List<(string From, string To, string Evidence)> References(
        ArchitectureModel architecture, string root, Func<string, string> group, bool includePending)
    {
        bool Inside(IType type) => type.Namespace.FullName.StartsWith(root + ".", StringComparison.Ordinal);
        return architecture.Types
            .Where(Inside)
            .SelectMany(type => type.Dependencies)
            // A generic parameter is no dependency of its own, and ArchUnitNET 0.13 can attribute a method's T to
            // another class's generic method of the same shape (NpyFile's T showed up as RatingModelFiles').
            .Where(dependency => dependency.Target is not GenericParameter && Inside(dependency.Target))
            .Select(dependency => (
                From: group(dependency.Origin.Namespace.FullName),
                To: group(dependency.Target.Namespace.FullName),
                Evidence: $"{dependency.Origin.FullName} -> {dependency.Target.FullName}"))
            .Where(reference => reference.From != reference.To)
            .Where(reference => includePending || !Pending.Any(p =>
                IsFrom(reference.Evidence, p.OriginType) && group(p.TargetNamespace) == reference.To))
            .ToList();
    }

    private static bool IsFrom(string evidence, string originType) =>
        evidence.StartsWith(originType + " ", StringComparison.Ordinal) || evidence.StartsWith(originType + "+", StringComparison.Ordinal);
}
