using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Marquee.Core.Artifacts;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format 1.0, little-endian, C order) so model arrays open
/// directly with <c>numpy.load</c>. Supports float32, float64 and int32 arrays of any shape.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    public static Task WriteAsync<T>(string path, T[] data, int[] shape, CancellationToken cancellationToken = default) where T : unmanaged =>
        AtomicFile.WriteAsync(path, async stream =>
        {
            var header = $"{{'descr': '{Descr<T>()}', 'fortran_order': False, 'shape': ({Shape(shape)}), }}";
            // Pad so magic + length + header + newline is a multiple of 64 bytes.
            var total = Magic.Length + 2 + header.Length + 1;
            header += new string(' ', (64 - total % 64) % 64) + "\n";
            var prefix = new byte[Magic.Length + 2];
            Magic.CopyTo(prefix, 0);
            BinaryPrimitives.WriteUInt16LittleEndian(prefix.AsSpan(Magic.Length), (ushort)header.Length);
            await stream.WriteAsync(prefix, cancellationToken);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(header), cancellationToken);
            if (!BitConverter.IsLittleEndian)
            {
                throw new PlatformNotSupportedException("npy files are written little-endian");
            }
            var bytes = MemoryMarshal.AsBytes(data.AsSpan()).ToArray();
            await stream.WriteAsync(bytes, cancellationToken);
        }, cancellationToken);

    public static async Task<(T[] Data, int[] Shape)> ReadAsync<T>(string path, CancellationToken cancellationToken = default) where T : unmanaged
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic.AsSpan(0, 6)))
        {
            throw new InvalidDataException($"{path} is not a .npy file");
        }
        int headerLength;
        int offset;
        if (bytes[6] == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
            offset = 10;
        }
        else
        {
            headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
            offset = 12;
        }
        var header = Encoding.ASCII.GetString(bytes, offset, headerLength);
        var descr = DescrPattern().Match(header).Groups[1].Value;
        if (descr != Descr<T>())
        {
            throw new InvalidDataException($"{path} holds '{descr}', expected '{Descr<T>()}'");
        }
        if (header.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} is in Fortran order");
        }
        var shape = ShapePattern().Match(header).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var dataStart = offset + headerLength;
        var data = MemoryMarshal.Cast<byte, T>(bytes.AsSpan(dataStart)).ToArray();
        if (data.Length != count)
        {
            throw new InvalidDataException($"{path} has {data.Length} values, its header says {count}");
        }
        return (data, shape);
    }

    private static string Descr<T>() => typeof(T) == typeof(float) ? "<f4"
        : typeof(T) == typeof(double) ? "<f8"
        : typeof(T) == typeof(int) ? "<i4"
        : typeof(T) == typeof(long) ? "<i8"
        : throw new NotSupportedException($"no npy type for {typeof(T)}");

    private static string Shape(int[] shape) => shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
