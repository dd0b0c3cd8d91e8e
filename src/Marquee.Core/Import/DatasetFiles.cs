using System.IO.Compression;

namespace Marquee.Core.Import;

/// <summary>The files of one MovieLens release, read from a directory or straight out of its zip archive.</summary>
public abstract class DatasetFiles : IDisposable
{
    private static readonly string[] MarkerFiles = ["ratings.csv", "ratings.dat", "u.data"];

    /// <summary>Human-readable origin for messages, e.g. the archive path.</summary>
    public abstract string Origin { get; }

    public abstract bool Exists(string fileName);

    public abstract Stream Open(string fileName);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Opens a MovieLens release from a directory (the release folder or its parent) or a zip file.</summary>
    /// <exception cref="DatasetException">The path is missing or holds no MovieLens ratings file.</exception>
    public static DatasetFiles FromPath(string path)
    {
        if (Directory.Exists(path))
        {
            var folder = FindReleaseFolder(path)
                ?? throw new DatasetException($"no MovieLens ratings file (ratings.csv, ratings.dat or u.data) under {path}");
            return new DirectoryDatasetFiles(folder);
        }
        if (File.Exists(path))
        {
            ZipArchive archive;
            try
            {
                archive = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException e)
            {
                throw new DatasetException($"{path} is not a readable zip archive ({e.Message})", e);
            }
            return ZipDatasetFiles.Create(path, archive);
        }
        throw new DatasetException($"source not found: {path}");
    }

    /// <summary>
    /// The release folder: <paramref name="root"/> itself, or the one release folder found up to two levels
    /// below it. A folder that holds several releases (../shared/datasets) is refused with their list rather
    /// than one of them picked by name order: importing the wrong release replaces the data without a word.
    /// </summary>
    private static string? FindReleaseFolder(string root)
    {
        if (IsReleaseFolder(root))
        {
            return root;
        }
        var found = new List<string>();
        var level = new List<string> { root };
        for (var depth = 1; depth <= 2 && found.Count == 0; depth++)
        {
            level = level.SelectMany(dir => Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal)).ToList();
            found.AddRange(level.Where(IsReleaseFolder));
        }
        if (found.Count > 1)
        {
            var names = found.Select(dir => Path.GetRelativePath(root, dir).Replace('\\', '/'));
            throw new DatasetException($"{root} holds {found.Count} MovieLens releases ({string.Join(", ", names)}); "
                                       + $"name the one to import, e.g. --source {found[0]}");
        }
        return found.FirstOrDefault();
    }

    private static bool IsReleaseFolder(string dir) => MarkerFiles.Any(marker => File.Exists(Path.Combine(dir, marker)));

    private sealed class DirectoryDatasetFiles(string folder) : DatasetFiles
    {
        public override string Origin => folder;

        public override bool Exists(string fileName) => File.Exists(Path.Combine(folder, fileName));

        public override Stream Open(string fileName) =>
            new FileStream(Path.Combine(folder, fileName), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    private sealed class ZipDatasetFiles : DatasetFiles
    {
        private readonly string _path;
        private readonly ZipArchive _archive;
        private readonly Dictionary<string, ZipArchiveEntry> _entries;

        private ZipDatasetFiles(string path, ZipArchive archive, Dictionary<string, ZipArchiveEntry> entries)
        {
            _path = path;
            _archive = archive;
            _entries = entries;
        }

        public static ZipDatasetFiles Create(string path, ZipArchive archive)
        {
            // Releases unpack into one top folder (ml-latest-small/ratings.csv); take the shallowest
            // folder that holds a ratings file and index its files by name.
            var markers = archive.Entries
                .Where(e => MarkerFiles.Contains(e.Name, StringComparer.Ordinal))
                .GroupBy(e => e.FullName.Count(c => c == '/'))
                .OrderBy(g => g.Key)
                .FirstOrDefault()?
                .DistinctBy(e => e.FullName[..^e.Name.Length])
                .ToList();
            if (markers is null)
            {
                archive.Dispose();
                throw new DatasetException($"no MovieLens ratings file (ratings.csv, ratings.dat or u.data) in {path}");
            }
            if (markers.Count > 1)
            {
                archive.Dispose();
                var folders = markers.Select(e => e.FullName[..^e.Name.Length].TrimEnd('/')).Order(StringComparer.Ordinal).ToList();
                throw new DatasetException($"{path} holds {folders.Count} MovieLens releases ({string.Join(", ", folders)}); "
                                           + "extract the one to import and pass its folder to --source");
            }
            var marker = markers[0];
            var prefix = marker.FullName[..^marker.Name.Length];
            var entries = archive.Entries
                .Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && e.FullName.Length > prefix.Length
                            && !e.FullName[prefix.Length..].Contains('/'))
                .ToDictionary(e => e.Name, StringComparer.Ordinal);
            return new ZipDatasetFiles(path, archive, entries);
        }

        public override string Origin => _path;

        public override bool Exists(string fileName) => _entries.ContainsKey(fileName);

        public override Stream Open(string fileName) =>
            _entries.TryGetValue(fileName, out var entry)
                ? entry.Open()
                : throw new DatasetException($"{fileName} is missing from {_path}");

        public override void Dispose()
        {
            _archive.Dispose();
            base.Dispose();
        }
    }
}

/// <summary>A source dataset is missing, unreadable or unusable; the message is one line for the user.</summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message) : base(message) { }
    public DatasetException(string message, Exception inner) : base(message, inner) { }
}
