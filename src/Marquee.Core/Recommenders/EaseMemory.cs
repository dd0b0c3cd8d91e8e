using System.Globalization;

namespace Marquee.Core.Recommenders;

/// <summary>
/// How much memory EASE's dense matrices take, and the budget it must fit. EASE is exact and the best
/// model on every MovieLens set measured, but its matrices grow with the square of the smaller side:
/// the primal fit (items ≤ users) holds P and XᵀY in float64 plus B in float32, 20 bytes per items²
/// entry (2.1 GiB at ml-10m's 10,677 movies, 70 GiB at ml-25m's 61,307); the dual holds M = (λI + XXᵀ)⁻¹
/// in float64 and its float32 serving copy, 12 bytes per users² entry, plus the items × users product
/// it caches for serving when that has at most 32 M entries (128 MB).
/// </summary>
public static class EaseMemory
{
    /// <summary>
    /// The budget on a large machine: 6 GiB, so that a default <c>train</c> stays within the 8 GB the
    /// scale issue sets, with room for the interactions, the rating model and the runtime.
    /// </summary>
    public const long BudgetCeilingBytes = 6L << 30;

    /// <summary>
    /// <see cref="BudgetCeilingBytes"/>, or half of the memory this process may use (physical memory or
    /// the container's limit) when that is smaller.
    /// </summary>
    public static long DefaultBudgetBytes { get; } = Math.Min(BudgetCeilingBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);

    /// <summary>Bytes of EASE's dense matrices for this many users and items (the path the fit takes).</summary>
    public static long RequiredBytes(int users, int items)
    {
        if (users < items)
        {
            var itemUser = (long)items * users;
            return (12L * users * users) + (itemUser <= DualEaseModel.ItemUserBudget ? 4 * itemUser : 0);
        }
        return 20L * items * items;
    }

    /// <summary>
    /// True when EASE fits <paramref name="budgetBytes"/> (and its dense side indexes within one array).
    /// </summary>
    public static bool Fits(int users, int items, long budgetBytes) =>
        Math.Min(users, items) <= MaxDimension && RequiredBytes(users, items) <= budgetBytes;

    /// <summary>Largest side whose square still indexes one .NET array.</summary>
    private const int MaxDimension = 46_340;

    /// <summary>
    /// "61,307 items: EASE would need 70.0 GiB for its items² matrices; budget 6.0 GiB" or, when it fits,
    /// "10,677 items: EASE needs 2.1 GiB for its items² matrices, within its 6.0 GiB budget".
    /// </summary>
    public static string Describe(int users, int items, long budgetBytes)
    {
        var (count, side) = users < items ? (users, "users") : (items, "items");
        var required = Gigabytes(RequiredBytes(users, items));
        return Fits(users, items, budgetBytes)
            ? string.Create(CultureInfo.InvariantCulture, $"{count:N0} {side}: EASE needs {required} for its {side}² matrices, within its {Gigabytes(budgetBytes)} budget")
            : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {side}: EASE would need {required} for its {side}² matrices; budget {Gigabytes(budgetBytes)}");
    }

    private static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GiB");
}
