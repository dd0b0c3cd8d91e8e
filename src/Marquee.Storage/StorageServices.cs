using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marquee.Storage;

/// <summary>Where the database is and how long a session lasts: all the stores need to be built.</summary>
/// <param name="Database">A SQLite file path or a PostgreSQL connection string; null: the SQLite file under <paramref name="ArtifactsDir"/>.</param>
/// <param name="ArtifactsDir">Where models and their registry's SQLite default live.</param>
/// <param name="SessionLifetime">How long a session token stays valid; null keeps the store's default.</param>
public sealed record StorageSettings(string? Database, string ArtifactsDir, TimeSpan? SessionLifetime = null);

/// <summary>
/// The one wiring of the database, its stores and the training run, used by the server and by the CLI's
/// <c>train</c>, <c>models</c> and <c>up</c>, so both open the same database the same way.
/// </summary>
public static class StorageServices
{
    public static IServiceCollection AddMarqueeStorage(this IServiceCollection services, Func<IServiceProvider, StorageSettings> settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings); // the factory overload: StorageSettings, read once the options are bound
        services.AddSingleton(sp =>
        {
            var where = sp.GetRequiredService<StorageSettings>();
            var database = new Database(where.Database, where.ArtifactsDir);
            database.Migrate();
            return database;
        });
        services.AddSingleton(sp => new UserStore(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StorageSettings>().SessionLifetime));
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<WatchlistStore>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ExperimentStore>();
        services.AddSingleton<FeedbackAnalytics>();
        services.AddSingleton<RoomStore>();
        services.AddSingleton<TrainingService>();
        return services;
    }
}
