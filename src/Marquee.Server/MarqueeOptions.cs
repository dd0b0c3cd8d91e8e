using System.ComponentModel.DataAnnotations;

namespace Marquee.Server;

/// <summary>Server settings, section <c>Marquee</c>; the MARQUEE_* environment variables override them.</summary>
public sealed class MarqueeOptions
{
    public const string Section = "Marquee";

    /// <summary>Imported Parquet artifacts (MARQUEE_DATA_DIR).</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary>Models, database file and other build outputs (MARQUEE_ARTIFACTS_DIR).</summary>
    [Required]
    public string ArtifactsDir { get; set; } = "build_artifacts";

    /// <summary>SQLite path or PostgreSQL connection string (MARQUEE_DB); default: a SQLite file under ArtifactsDir.</summary>
    public string? Database { get; set; }

    /// <summary>Key for the admin endpoints (MARQUEE_ADMIN_KEY); admin endpoints answer 403 when unset.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>How often to check the registry for a model promoted elsewhere (another instance, the CLI).</summary>
    [Range(1, 3600)]
    public int ModelPollSeconds { get; set; } = 10;

    /// <summary>Days a session token works after it was issued or rotated (POST /sessions/rotate).</summary>
    [Range(1, 3650)]
    public int SessionTokenDays { get; set; } = 365;
    /// <summary>How often the online metrics exported on /metrics are recomputed from the stored feedback.</summary>
    [Range(1, 3600)]
    public int MonitoringRefreshSeconds { get; set; } = 30;

    /// <summary>
    /// The <c>marquee</c> CLI (an executable, or a .dll run with dotnet) that <c>POST /admin/retrain</c> runs as a separate
    /// process (<c>marquee train</c>), so training never competes with serving for this process's memory and threads;
    /// <c>marquee serve</c> sets it to itself. Unset: retraining runs inside the server (an embedded host, tests).
    /// </summary>
    public string? TrainingWorker { get; set; }

    /// <summary>Threads the training worker may use (its .NET processor count and BLAS threads); default: half the cores, at least 1.</summary>
    [Range(1, 1024)]
    public int TrainingWorkerThreads { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Limit of the training worker's managed heap in MB (0 = none): a retrain that outgrows it fails alone.</summary>
    [Range(0, 1_048_576)]
    public int TrainingWorkerMemoryMb { get; set; } = 8192;

    /// <summary>Built UI to serve at <c>/</c>; default: <c>ui/dist</c> under the working directory.</summary>
    public string? UiDir { get; set; }
}
