using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Hosting;

/// <summary>Where metrics and traces go. Prometheus scrapes <c>/metrics</c>; OTLP is pushed only when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the Prometheus text format at <c>/metrics</c>.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>An OpenTelemetry collector, e.g. <c>http://otel-collector:4317</c>; empty: no OTLP export (the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> also works).</summary>
    [Url(ErrorMessage = "Telemetry:OtlpEndpoint must be an absolute http(s) URL, e.g. http://otel-collector:4317.")]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'.")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Share of traces kept (parent-based), 0–1.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Telemetry:TraceSampleRatio must be between 0 and 1.")]
    public double TraceSampleRatio { get; set; } = 1.0;
}
