using System.Text.Json;
using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Contracts;

/// <summary>One fault raised or cleared on a site: the payload of the <c>events</c> topic.</summary>
public sealed record FaultEvent
{
    public const string SchemaV1 = "aftersales.fault/1";

    public required string Schema { get; init; }

    /// <summary>UUIDv7; the idempotency key everywhere downstream.</summary>
    public required Guid EventId { get; init; }

    public required string SiteId { get; init; }

    public required string GatewayId { get; init; }

    /// <summary>Per gateway, strictly increasing across restarts (gaps allowed).</summary>
    public required long Seq { get; init; }

    /// <summary>
    /// The seq this gateway handed out just before this one since it started, or 0 on the first event
    /// after a start; absent from gateways that predate it. A receiver that sees a gap before
    /// <see cref="Seq"/> can tell an event still on its way (wait for it) from numbers never used.
    /// </summary>
    public long? PrevSeq { get; init; }

    public required string DeviceId { get; init; }

    public required DeviceKind DeviceKind { get; init; }

    public required string Fault { get; init; }

    public required FaultState State { get; init; }

    public required FaultSeverity Severity { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Free-form object: what the device said, raw values, the input pin.</summary>
    public JsonElement? Detail { get; init; }
}
