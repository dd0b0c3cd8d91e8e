namespace Marquee.Core.Tests.Architecture;

public sealed class FolderReadmeTests
{
    [Fact]
    public void EverySourceFolder_SaysWhatItIsFor()
    {
        // The first file a newcomer opens in a folder is its README: every folder of src/ with code has one.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marquee.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var folders = Directory.EnumerateDirectories(Path.Combine(root.FullName, "src"), "*", SearchOption.AllDirectories)
            .Where(d => !d.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(d => Directory.EnumerateFiles(d, "*.cs").Any())
            .ToList();

        Assert.True(folders.Count >= 20, $"found only {folders.Count} source folders");
        var missing = folders.Where(d => !File.Exists(Path.Combine(d, "README.md"))).Select(d => Path.GetRelativePath(root.FullName, d)).ToList();
        Assert.True(missing.Count == 0, "folders without a README.md: " + string.Join(", ", missing));
    }
}
