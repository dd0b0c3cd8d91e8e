using System.Collections.Concurrent;
using Marquee.Server.Contracts;
using Marquee.Storage;
using Microsoft.Extensions.Options;

namespace Marquee.Server.Services;

/// <summary>
/// Runs retraining requested over the API in the background, one at a time; the new version is
/// served as soon as it is promoted. With a training worker configured (what <c>marquee serve</c> does) the
/// training runs in its own process (<see cref="TrainingWorker"/>); without one, inside this process.
/// </summary>
public sealed class TrainingJobs(TrainingService training, RecommenderHost host, IOptions<MarqueeOptions> options,
    IHostApplicationLifetime lifetime, ILogger<TrainingJobs> logger, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, TrainingJobResponse> _jobs = new();
    private readonly Lock _gate = new();
    private string? _running;

    public TrainingJobResponse? Get(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts a job, or returns null when one is already running.</summary>
    public TrainingJobResponse? Start(string algorithm)
    {
        lock (_gate)
        {
            if (_running is not null)
            {
                return null;
            }
            var job = new TrainingJobResponse
            {
                Id = Guid.NewGuid().ToString("N")[..12], Status = "running", Algorithm = algorithm, StartedAt = clock.GetUtcNow(),
            };
            _jobs[job.Id] = job;
            _running = job.Id;
            _ = Task.Run(() => RunAsync(job, lifetime.ApplicationStopping));
            return job;
        }
    }

    private async Task RunAsync(TrainingJobResponse job, CancellationToken cancellationToken)
    {
        try
        {
            void Log(string line) => logger.LogInformation("Retrain {Job}: {Line}", job.Id, line);
            var outcome = string.IsNullOrWhiteSpace(options.Value.TrainingWorker)
                ? TrainingWorkerOutcome.From(await training.TrainAsync(options.Value.DataDir, options.Value.ArtifactsDir, job.Algorithm, Log, cancellationToken))
                : await TrainingWorker.RunAsync(options.Value, job.Algorithm, Log, cancellationToken);
            if (outcome.Promoted)
            {
                await host.ReloadAsync(cancellationToken: cancellationToken);
            }
            _jobs[job.Id] = job with
            {
                Status = "succeeded",
                FinishedAt = clock.GetUtcNow(),
                ModelVersion = outcome.ModelVersion,
                Promoted = outcome.Promoted,
                Decision = outcome.Decision,
            };
        }
        catch (Exception e)
        {
            logger.LogError(e, "Retrain {Job} failed", job.Id);
            _jobs[job.Id] = job with { Status = "failed", FinishedAt = clock.GetUtcNow(), Error = e.Message };
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }
}
