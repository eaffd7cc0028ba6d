using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Ingest;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>Ready when ingest holds its subscription on the broker: without it no fault reaches the desk.</summary>
internal sealed class BrokerHealthCheck(MqttIngestClient ingest, IOptions<BrokerOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var broker = o.Embedded ? $"embedded broker on port {o.Port}" : $"broker {o.Host}:{o.Port}";
        return Task.FromResult(ingest.IsConnected
            ? HealthCheckResult.Healthy($"ingest connected to the {broker}")
            : HealthCheckResult.Unhealthy($"ingest is not connected to the {broker}"));
    }
}
