using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Degraded, not unhealthy, when SLA timers fall behind: the lag is shared by every node, and
/// taking them all out of service would make it worse. The alert on the gauge pages someone.
/// </summary>
internal sealed class TimerLagHealthCheck(BacklogProbe probe, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.MaxTimerLagSeconds;
        var overdue = (await probe.ReadAsync(cancellationToken)).TimersOverdueSeconds;
        var seconds = overdue.ToString("0", CultureInfo.InvariantCulture);
        return overdue <= limit
            ? HealthCheckResult.Healthy(overdue > 0 ? $"oldest due timer {seconds} s overdue" : "no timer overdue")
            : HealthCheckResult.Degraded($"oldest due SLA timer is {seconds} s overdue (Health:MaxTimerLagSeconds = {limit})");
    }
}
