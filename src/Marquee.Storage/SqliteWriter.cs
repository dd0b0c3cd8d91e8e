using System.Data.Common;
using System.Threading.Channels;
using Dapper;

namespace Marquee.Storage;

/// <summary>
/// The one writer of a SQLite database. SQLite takes one write transaction at a time and, with
/// <c>synchronous=FULL</c>, every commit waits for the disk; writers racing for the lock sleep and retry,
/// which is what made write latency climb to seconds under load. Here writes queue up and are committed
/// together: one transaction and one disk flush for everything that arrived during the previous commit.
/// Each write runs in its own savepoint, so one that fails is undone alone, and every caller is answered
/// only after the commit that holds its write.
/// </summary>
internal sealed class SqliteWriter
{
    /// <summary>Enough to amortise a flush over many writes, small enough to keep one commit short.</summary>
    private const int MaxBatch = 128;

    private readonly Database _database;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> _loop;

    public SqliteWriter(Database database)
    {
        _database = database;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Task<object?> EnqueueAsync(Func<DbConnection, DbTransaction, Task<object?>> write, CancellationToken cancellationToken)
    {
        _ = _loop.Value;
        var pending = new PendingWrite(write, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("the database writer has stopped");
        }
        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Cancellation.IsCancellationRequested)
                {
                    pending.Completion.TrySetCanceled(pending.Cancellation);
                    continue;
                }
                batch.Add(pending);
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var results = new (object? Value, Exception? Error)[batch.Count];
        try
        {
            await using var connection = await _database.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                await connection.ExecuteAsync("SAVEPOINT write", transaction: transaction);
                try
                {
                    results[i] = (await batch[i].Write(connection, transaction), null);
                    await connection.ExecuteAsync("RELEASE write", transaction: transaction);
                }
                catch (Exception e) when (!Database.IsUnavailable(e))
                {
                    results[i] = (null, e);
                    await connection.ExecuteAsync("ROLLBACK TO write; RELEASE write", transaction: transaction);
                }
            }
            await transaction.CommitAsync();
            _database.EnsureLive();
        }
        catch (Exception e)
        {
            // Nothing of this batch is known to be stored: every caller hears so.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(e);
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                batch[i].Completion.TrySetResult(results[i].Value);
            }
        }
    }

    private sealed record PendingWrite(Func<DbConnection, DbTransaction, Task<object?>> Write, CancellationToken Cancellation)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
