using Microsoft.Extensions.Options;

namespace Marquee.Server.Services;

/// <summary>
/// Recomputes the monitoring report in the background so a Prometheus scrape reads cached numbers instead of
/// scanning the feedback table on every scrape (gauge callbacks cannot wait for a database).
/// </summary>
public sealed class MonitoringRefresher(MonitoringService monitoring, MarqueeMetrics metrics, IOptions<MarqueeOptions> options,
    ILogger<MonitoringRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveOnline(() => monitoring.Latest);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.MonitoringRefreshSeconds));
        do
        {
            try
            {
                await monitoring.ReportAsync(cancellationToken: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Refreshing the online metrics failed; /metrics keeps the previous numbers");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
