using AfterSales.Cloud.Telemetry;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AfterSales.Cloud.Hosting;

/// <summary>OpenTelemetry for the cloud: its own meter and spans, ASP.NET Core, EF Core, Npgsql and the runtime.</summary>
internal static class TelemetryRegistration
{
    public static IServiceCollection AddCloudTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var otlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("aftersales-cloud", serviceVersion: CloudTelemetry.Version))
            .WithMetrics(m =>
            {
                m.AddMeter(CloudTelemetry.Name, "Microsoft.EntityFrameworkCore")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (options.Prometheus)
                {
                    m.AddPrometheusExporter();
                }

                if (otlp)
                {
                    m.AddOtlpExporter(o => Configure(o, options));
                }
            })
            .WithTracing(t =>
            {
                t.AddSource(CloudTelemetry.Name)
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperational(http.Request.Path))
                    .AddNpgsql();
                if (otlp)
                {
                    t.AddOtlpExporter(o => Configure(o, options));
                }
            });
        services.AddHostedService<BacklogSampler>();
        return services;
    }

    public static void MapCloudTelemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        }
    }

    /// <summary>Scrapes and probes every few seconds would drown the traces that matter.</summary>
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.Ordinal) || path.StartsWithSegments("/healthz", StringComparison.Ordinal);

    private static void Configure(OtlpExporterOptions o, TelemetryOptions options)
    {
        // Without Telemetry:OtlpEndpoint the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            o.Endpoint = new Uri(options.OtlpEndpoint);
            o.Protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        }
    }
}
