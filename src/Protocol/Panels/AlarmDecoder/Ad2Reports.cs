using System.Globalization;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels.ContactId;

namespace AfterSales.Protocol.Panels.AlarmDecoder;

/// <summary>
/// The AD2's non-keypad reports. <c>!RFX:sssssss,SS</c>: a 5800-series RF serial and a status byte
/// (0x02 low battery, 0x04 supervision required, 0x80/0x20/0x10/0x40 loops 1–4). <c>!EXP:AA,CC,DD</c>:
/// expander address, channel, state. <c>!LRR:data,partition,type</c>: the panel's long-range-radio report,
/// where newer firmware gives <c>CID_QXYZ</c> Contact ID codes.
/// </summary>
internal static class Ad2Reports
{
    public static PanelDecodeResult DecodeRfx(string body)
    {
        var parts = body.Split(',');
        if (parts.Length != 2 || parts[0].Length != 7 || !parts[0].All(char.IsAsciiDigit)
            || parts[1].Length != 2 || !byte.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var status))
        {
            return PanelDecodeResult.Invalid("RFX must be a 7-digit serial and a 2-hex status byte");
        }

        var lowBattery = (status & 0x02) != 0;
        var supervision = (status & 0x04) != 0;
        var fields = new PanelFields().Add("type", "rf").Add("serial", parts[0]).Add("status", parts[1])
            .Add("lowBattery", lowBattery).Add("supervisionRequired", supervision)
            .Add("loop1", (status & 0x80) != 0).Add("loop2", (status & 0x20) != 0)
            .Add("loop3", (status & 0x10) != 0).Add("loop4", (status & 0x40) != 0);

        // The serial is all an RF report knows; which zone it is comes from the site's device inventory.
        var device = "rf-" + parts[0];
        PanelFault[] faults =
        [
            new(FaultCodes.ZoneLowBattery, lowBattery ? FaultState.Raised : FaultState.Cleared, device),
            new(FaultCodes.ZoneTrouble, supervision ? FaultState.Raised : FaultState.Cleared, device),
        ];
        return PanelDecodeResult.Ok(fields, faults);
    }

    public static PanelDecodeResult DecodeExpander(string kind, string body)
    {
        var parts = body.Split(',');
        if (parts.Length != 3 || parts.Any(p => p.Length != 2 || !p.All(char.IsAsciiDigit)))
        {
            return PanelDecodeResult.Invalid(kind + " must be address,channel,state as two digits each");
        }

        return PanelDecodeResult.Ok(new PanelFields().Add("type", kind == "EXP" ? "expander" : "relay")
            .Add("address", parts[0]).Add("channel", parts[1]).Add("state", parts[2] == "00" ? "closed" : "open"));
    }

    public static PanelDecodeResult DecodeLrr(string body)
    {
        var parts = body.Split(',');
        if (parts.Length is < 3 or > 4 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return PanelDecodeResult.Invalid("LRR must be data,partition,type[,report]");
        }

        var fields = new PanelFields().Add("type", "lrr").Add("eventData", parts[0]).Add("partition", parts[1]).Add("eventType", parts[2]);
        if (parts.Length == 4)
        {
            fields.Add("report", parts[3]);
        }

        var zone = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var z) && z <= 999 ? z : 0;
        var type = parts[2];
        if (type.StartsWith("CID_", StringComparison.Ordinal))
        {
            if (type.Length != 8 || !type[4..].All(char.IsAsciiDigit) || type[4] is not ('1' or '3' or '6'))
            {
                return PanelDecodeResult.Invalid("LRR CID event must be CID_QXYZ", fields);
            }

            var qualifier = type[4] - '0';
            var code = int.Parse(type.AsSpan(5), CultureInfo.InvariantCulture);
            ContactIdEvents.Describe(fields, qualifier, code, group: int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g % 100 : 0, zone, account: null, messageType: null);
            var fault = ContactIdEvents.Fault(qualifier, code, zone);
            return PanelDecodeResult.Ok(fields, fault is null ? null : [fault]);
        }

        var named = NamedFault(type, zone);
        return PanelDecodeResult.Ok(fields, named is null ? null : [named]);
    }

    /// <summary>Older firmware names LRR events instead of giving CID codes.</summary>
    private static PanelFault? NamedFault(string type, int zone) => type switch
    {
        "ACLOSS" => new(FaultCodes.PanelAcLoss, FaultState.Raised, PanelDeviceIds.Panel),
        "AC_RESTORE" => new(FaultCodes.PanelAcLoss, FaultState.Cleared, PanelDeviceIds.Panel),
        "LOWBAT" => new(FaultCodes.PanelLowBattery, FaultState.Raised, PanelDeviceIds.Panel),
        "LOWBAT_RESTORE" => new(FaultCodes.PanelLowBattery, FaultState.Cleared, PanelDeviceIds.Panel),
        "RFLOWBAT" => new(FaultCodes.ZoneLowBattery, FaultState.Raised, PanelDeviceIds.Zone(zone)),
        "RFLOWBAT_RESTORE" => new(FaultCodes.ZoneLowBattery, FaultState.Cleared, PanelDeviceIds.Zone(zone)),
        "TROUBLE" => new(FaultCodes.ZoneTrouble, FaultState.Raised, PanelDeviceIds.Zone(zone)),
        "TROUBLE_RESTORE" => new(FaultCodes.ZoneTrouble, FaultState.Cleared, PanelDeviceIds.Zone(zone)),
        _ => null,
    };
}
