using System.Text.Json;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Topics;

namespace AfterSales.Protocol.Json;

/// <summary>The rules of a fault event that JSON shape alone cannot express.</summary>
internal static class FaultEventRules
{
    public static string? Validate(FaultEvent e)
    {
        if (e.Schema != FaultEvent.SchemaV1)
        {
            return $"field 'schema' is '{e.Schema}', expected '{FaultEvent.SchemaV1}'";
        }

        if (e.EventId == Guid.Empty)
        {
            return "field 'eventId' must not be the empty UUID";
        }

        return PayloadCodec.RequireId(e.SiteId, "siteId")
            ?? PayloadCodec.RequireId(e.GatewayId, "gatewayId")
            ?? PayloadCodec.RequireId(e.DeviceId, "deviceId")
            ?? (e.Seq < 1 ? "field 'seq' must be 1 or more" : null)
            ?? (FaultCodes.IsWellFormed(e.Fault) ? null : $"field 'fault' is '{Truncate(e.Fault)}', not a dotted fault code such as 'panel.ac_loss'")
            ?? (Enum.IsDefined(e.DeviceKind) ? null : "field 'deviceKind' is not a known device kind")
            ?? (Enum.IsDefined(e.State) ? null : "field 'state' must be 'raised' or 'cleared'")
            ?? (Enum.IsDefined(e.Severity) ? null : "field 'severity' must be 'critical', 'major' or 'minor'")
            ?? (e.Detail is { ValueKind: not JsonValueKind.Object } ? "field 'detail' must be an object" : null);
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
