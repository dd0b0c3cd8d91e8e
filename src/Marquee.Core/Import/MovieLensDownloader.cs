using System.Security.Cryptography;

namespace Marquee.Core.Import;

/// <summary>A GroupLens archive whose size and SHA-256 are known in advance.</summary>
public sealed record KnownArchive(string FileName, long Size, string Sha256);

/// <summary>
/// Downloads MovieLens archives over HTTP(S) and refuses anything whose length or SHA-256 is not the
/// expected one. A refused or interrupted download leaves nothing behind.
/// </summary>
public sealed class MovieLensDownloader(HttpClient http)
{
    /// <summary>Default origin of the archives; override with <c>MARQUEE_GROUPLENS_BASE_URL</c>.</summary>
    public const string GroupLensBaseUrl = "https://files.grouplens.org/datasets/movielens/";

    /// <summary>
    /// Pinned checksums of the GroupLens archives (sizes and SHA-256 as recorded by the TensorFlow
    /// Datasets checksum registry). ml-latest changes over time and cannot be pinned.
    /// </summary>
    public static IReadOnlyList<KnownArchive> KnownArchives { get; } =
    [
        new("ml-latest-small.zip", 978_202, "696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436"),
        new("ml-100k.zip", 4_924_029, "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229"),
        new("ml-1m.zip", 5_917_549, "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20"),
        new("ml-20m.zip", 198_702_078, "96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3"),
        new("ml-25m.zip", 261_978_986, "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa"),
    ];

    /// <summary>The pinned archive a URL names by its file name, if any.</summary>
    public static KnownArchive? Lookup(Uri url) =>
        KnownArchives.FirstOrDefault(a => string.Equals(Path.GetFileName(url.AbsolutePath), a.FileName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Downloads <paramref name="url"/> into <paramref name="directory"/> and returns the verified file.
    /// The expected SHA-256 is <paramref name="sha256"/> when given, else the pinned one for the file name.
    /// </summary>
    /// <param name="progress">Receives (bytes so far, total bytes when known).</param>
    /// <exception cref="DatasetException">No checksum is known, the transfer failed or was truncated, or the checksum differs.</exception>
    public async Task<string> DownloadAsync(Uri url, string directory, string? sha256 = null,
        IProgress<(long Done, long? Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var known = Lookup(url);
        var expectedSha = (sha256 ?? known?.Sha256)?.ToLowerInvariant()
            ?? throw new DatasetException($"no pinned checksum for {url}; pass --sha256 with the archive's SHA-256");
        long? expectedSize = sha256 is null ? known?.Size : null;

        Directory.CreateDirectory(directory);
        var fileName = Path.GetFileName(url.AbsolutePath);
        if (string.IsNullOrEmpty(fileName))
        {
            fileName = "movielens.zip";
        }
        var target = Path.Combine(directory, fileName);
        if (File.Exists(target) && await Sha256Async(target, cancellationToken) == expectedSha)
        {
            return target;
        }

        var partial = target + ".part";
        try
        {
            using var response = await SendAsync(url, cancellationToken);
            var announced = response.Content.Headers.ContentLength;
            long written;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
                await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    written = await CopyAsync(body, file, hash, announced ?? expectedSize, progress, url, cancellationToken);
                    file.Flush(flushToDisk: true);
                }
                if (announced is { } length && written != length)
                {
                    throw new DatasetException($"download of {url} was truncated: {written:N0} of {length:N0} bytes arrived; nothing was kept");
                }
                var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (actual != expectedSha || (expectedSize is { } size && written != size))
                {
                    var sizeNote = expectedSize is { } expected ? $", {written:N0} bytes instead of {expected:N0}" : "";
                    throw new DatasetException($"checksum mismatch for {url}: SHA-256 {actual}, expected {expectedSha}{sizeNote}; the download was discarded");
                }
            }
            File.Move(partial, target, overwrite: true);
            return target;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetException($"could not download {url}: {e.Message}", e);
        }
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new DatasetException($"could not download {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        return response;
    }

    private static async Task<long> CopyAsync(Stream body, Stream file, IncrementalHash hash, long? total,
        IProgress<(long, long?)>? progress, Uri url, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long written = 0;
        while (true)
        {
            int read;
            try
            {
                read = await body.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new DatasetException($"download of {url} was interrupted after {written:N0} bytes: {e.Message}", e);
            }
            if (read == 0)
            {
                return written;
            }
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            written += read;
            progress?.Report((written, total));
        }
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
