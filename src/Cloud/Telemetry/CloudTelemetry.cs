using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using MQTTnet;

namespace AfterSales.Cloud.Telemetry;

/// <summary>
/// The cloud's one meter and one activity source. Static, because the classes that report
/// through them are built by hand in places (the demo, tests) as well as by the container, and
/// OpenTelemetry finds both by <see cref="Name"/> wherever they were created.
/// </summary>
internal static class CloudTelemetry
{
    public const string Name = "AfterSales.Cloud";

    /// <summary>W3C trace context header name; also the MQTT v5 user property a gateway may send it in.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>The product version stamped at build (Directory.Build.props), without the source revision.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>
    /// Starts a span; <paramref name="parent"/> (a <c>traceparent</c> value) joins a trace begun
    /// elsewhere — a gateway, or the request that queued a mail — when there is no current span.
    /// </summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal, string? parent = null)
    {
        if (Activity.Current is null && parent is not null && ActivityContext.TryParse(parent, null, out var context))
        {
            return Source.StartActivity(name, kind, context);
        }

        return Source.StartActivity(name, kind);
    }

    /// <summary>The current span as a <c>traceparent</c> value, to store with work done later.</summary>
    /// <summary>The W3C trace context a gateway may send as an MQTT v5 user property.</summary>
    public static string? TraceParentOf(MqttApplicationMessage message) =>
        message?.UserProperties?.FirstOrDefault(u => u.Name == TraceParent) is { } p ? System.Text.Encoding.UTF8.GetString(p.ValueBuffer.Span) : null;

    public static string? CurrentTraceParent() => Activity.Current?.Id is { } id && Activity.Current.IdFormat == ActivityIdFormat.W3C ? id : null;

    private static string ReadVersion()
    {
        var informational = typeof(CloudTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
