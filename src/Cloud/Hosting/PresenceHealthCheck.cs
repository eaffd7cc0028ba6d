using System.Globalization;
using AfterSales.Cloud.Presence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Degraded while most of the fleet is quiet at once (docs/service-rules.md §2.14a): no site gets an offline ticket
/// then, so someone must look at the broker and the network. Not unhealthy: the node itself works, and taking it out
/// of service would not bring the gateways back.
/// </summary>
internal sealed class PresenceHealthCheck(PresenceService presence) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(presence.MassSilence is { } mass
            ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"mass silence: {mass.Quiet} of {mass.Watched} gateways quiet at once since {mass.Since:u}; no offline tickets until they are heard again"))
            : HealthCheckResult.Healthy("gateways heard as expected"));
}
