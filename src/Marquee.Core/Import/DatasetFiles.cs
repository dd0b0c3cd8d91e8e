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

    private static string? FindReleaseFolder(string root)
    {
        var queue = new Queue<(string Path, int Depth)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (dir, depth) = queue.Dequeue();
            if (MarkerFiles.Any(marker => File.Exists(Path.Combine(dir, marker))))
            {
                return dir;
            }
            if (depth < 2)
            {
                foreach (var child in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
                {
                    queue.Enqueue((child, depth + 1));
                }
            }
        }
        return null;
    }

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
            var marker = archive.Entries
                .Where(e => MarkerFiles.Contains(e.Name, StringComparer.Ordinal))
                .OrderBy(e => e.FullName.Count(c => c == '/'))
                .FirstOrDefault();
            if (marker is null)
            {
                archive.Dispose();
                throw new DatasetException($"no MovieLens ratings file (ratings.csv, ratings.dat or u.data) in {path}");
            }
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
