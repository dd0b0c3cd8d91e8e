using Marquee.Core.Artifacts;
using Marquee.Core.Enrichment;
using Marquee.Core.Tests.Support;

namespace Marquee.Core.Tests.Enrichment;

public class EnrichmentLockTests
{
    [Fact]
    public void Acquire_WhileHeld_ThrowsNamingTheDirectory_AndSucceedsAfterRelease()
    {
        using var dir = new TempDirectory();
        var data = new DataDirectory(dir.Path);

        using (EnrichmentLock.Acquire(data))
        {
            var error = Assert.Throws<IOException>(() => EnrichmentLock.Acquire(data));
            Assert.Contains(data.Root, error.Message);
        }

        using var again = EnrichmentLock.Acquire(data);
    }
}
