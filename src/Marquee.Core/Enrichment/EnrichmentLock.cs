using Marquee.Core.Artifacts;

namespace Marquee.Core.Enrichment;

/// <summary>
/// Keeps two enrichment runs from writing the same data directory at once. The lock is an exclusive
/// open of <c>.enrich.lock</c>: the operating system drops it when the process ends, however it ends,
/// so a run killed with SIGKILL never leaves a stale lock behind.
/// </summary>
public sealed class EnrichmentLock : IDisposable
{
    public const string FileName = ".enrich.lock";

    private readonly FileStream _file;

    private EnrichmentLock(FileStream file) => _file = file;

    /// <summary>Takes the lock or throws <see cref="IOException"/> saying another run holds it.</summary>
    public static EnrichmentLock Acquire(DataDirectory data)
    {
        Directory.CreateDirectory(data.Root);
        var path = Path.Combine(data.Root, FileName);
        try
        {
            return new EnrichmentLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException e)
        {
            throw new IOException($"another enrichment is running on {data.Root} (it holds {FileName}); wait for it to finish", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
