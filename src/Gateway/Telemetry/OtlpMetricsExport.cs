using AfterSales.Gateway.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AfterSales.Gateway.Telemetry;

/// <summary>
/// Sends the gateway's meter to an OpenTelemetry collector over OTLP/HTTP (protobuf) every
/// <see cref="TelemetryConfig.ExportIntervalSeconds"/>, each series labelled with the site and gateway. Kept in its own
/// class so the SDK's assemblies load only on a gateway configured to export.
/// </summary>
internal static class OtlpMetricsExport
{
    public static void Add(IServiceCollection services, TelemetryConfig telemetry, GatewayIdentity identity)
    {
        var endpoint = new Uri(new Uri(telemetry.OtlpEndpoint!.TrimEnd('/') + "/"), "v1/metrics");
        services.AddOpenTelemetry()
            .ConfigureResource(r => r
                .AddService("aftersales-gateway", serviceInstanceId: identity.GatewayId, serviceVersion: GatewayVersion.Current)
                .AddAttributes([new("aftersales.site_id", identity.SiteId)]))
            .WithMetrics(m => m
                .AddMeter(GatewayMetrics.MeterName)
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = endpoint;
                    exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = telemetry.ExportIntervalSeconds * 1000;
                }));
    }
}
