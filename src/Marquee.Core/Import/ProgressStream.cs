namespace Marquee.Core.Import;

/// <summary>
/// A read-only pass-through stream that reports the fraction of its length consumed, and remembers its last
/// byte so a reader can tell a file that ends mid-line (cut off by a failed copy or download) from a whole one.
/// </summary>
internal sealed class ProgressStream(Stream inner, IProgress<double>? progress) : Stream
{
    private readonly long _length = inner.CanSeek ? inner.Length : -1;
    private long _read;
    private double _lastReported;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <summary>Whether the bytes read so far end with a line feed (or there were none).</summary>
    public bool EndsWithNewLine { get; private set; } = true;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        if (n > 0)
        {
            EndsWithNewLine = buffer[n - 1] == (byte)'\n';
        }
        if (progress is not null && _length > 0)
        {
            var fraction = (double)_read / _length;
            if (fraction - _lastReported >= 0.01 || n == 0)
            {
                _lastReported = fraction;
                progress.Report(Math.Min(fraction, 1.0));
            }
        }
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
