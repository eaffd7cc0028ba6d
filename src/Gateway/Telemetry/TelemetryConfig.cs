namespace AfterSales.Gateway.Telemetry;

/// <summary><c>telemetry</c> in gateway.json: optional OTLP export of the gateway's metrics.</summary>
internal sealed record TelemetryConfig
{
    /// <summary>The collector's OTLP/HTTP base address, e.g. <c>http://10.0.0.5:4318</c>; metrics go to <c>/v1/metrics</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    public int ExportIntervalSeconds { get; set; } = 60;

    public static string? Validate(TelemetryConfig? t)
    {
        if (t is null)
        {
            return null;
        }

        if (t.OtlpEndpoint is null || !Uri.TryCreate(t.OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"telemetry.otlpEndpoint '{t.OtlpEndpoint}' must be an http:// or https:// address, e.g. http://10.0.0.5:4318";
        }

        return t.ExportIntervalSeconds is < 5 or > 3600 ? "telemetry.exportIntervalSeconds must be between 5 and 3600" : null;
    }
}
