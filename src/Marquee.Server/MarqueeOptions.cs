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

    /// <summary>Key for the admin endpoints (MARQUEE_ADMIN_KEY); admin endpoints answer 401 when unset.</summary>
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

    /// <summary>Built UI to serve at <c>/</c>; default: <c>ui/dist</c> under the working directory.</summary>
    public string? UiDir { get; set; }
}
