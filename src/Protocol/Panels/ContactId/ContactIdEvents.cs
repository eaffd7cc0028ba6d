using System.Globalization;
using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels.ContactId;

/// <summary>
/// What a Contact ID event code means for maintenance. Shared by the plain codec, DC-09 ADM-CID payloads
/// and AlarmDecoder LRR messages, so one code maps to one fault whichever path it arrives by.
/// </summary>
public static class ContactIdEvents
{
    /// <summary>The maintenance fault an event implies, or null for alarms, openings, tests and the like.</summary>
    public static PanelFault? Fault(int qualifier, int eventCode, int zone)
    {
        FaultState? state = qualifier switch
        {
            ContactIdEvent.QualifierNew or ContactIdEvent.QualifierStatus => FaultState.Raised,
            ContactIdEvent.QualifierRestore => FaultState.Cleared,
            _ => null,
        };
        if (state is not { } s)
        {
            return null;
        }

        var zoneId = PanelDeviceIds.Zone(zone);
        return eventCode switch
        {
            300 => new(FaultCodes.PanelSystemTrouble, s, PanelDeviceIds.Panel),
            301 => new(FaultCodes.PanelAcLoss, s, PanelDeviceIds.Panel),
            302 or 309 or 311 => new(FaultCodes.PanelLowBattery, s, PanelDeviceIds.Panel),
            >= 350 and <= 359 => new(FaultCodes.PanelCommFail, s, PanelDeviceIds.Panel),
            373 or 380 or 381 or 382 => new(FaultCodes.ZoneTrouble, s, zoneId),
            383 or 144 => new(FaultCodes.ZoneTamper, s, zoneId),
            384 => new(FaultCodes.ZoneLowBattery, s, zoneId),

            // 137 is reported against a zone by some panels and against the cabinet (zone 000) by others.
            137 => zone == 0 ? new(FaultCodes.PanelTamper, s, PanelDeviceIds.Panel) : new(FaultCodes.ZoneTamper, s, zoneId),
            145 => new(FaultCodes.PanelTamper, s, PanelDeviceIds.Panel),
            _ => null,
        };
    }

    /// <summary>Periodic and manual test reports prove the link is alive; they are not faults.</summary>
    public static bool IsLinkTest(int eventCode) => eventCode is 601 or 602 or 603 or 604;

    public static string Describe(int eventCode) => eventCode switch
    {
        >= 100 and < 110 => "medical alarm",
        >= 110 and < 120 => "fire alarm",
        >= 120 and < 130 => "panic alarm",
        137 => "tamper",
        144 => "sensor tamper",
        145 => "expansion module tamper",
        >= 130 and < 140 => "burglary alarm",
        >= 140 and < 150 => "general alarm",
        >= 150 and < 170 => "24 hour non-burglary",
        300 => "system trouble",
        301 => "AC loss",
        302 => "low system battery",
        309 => "battery test failure",
        311 => "battery missing or dead",
        >= 350 and < 360 => "communication trouble",
        373 => "fire trouble",
        380 => "sensor trouble",
        381 => "loss of supervision - RF",
        382 => "loss of supervision - RPM",
        383 => "sensor tamper",
        384 => "RF low battery",
        >= 300 and < 400 => "trouble",
        >= 400 and < 500 => "open/close",
        >= 500 and < 600 => "bypass or disable",
        601 => "manual trigger test",
        602 => "periodic test report",
        603 => "periodic RF transmission",
        604 => "fire test",
        _ => "other",
    };

    internal static void Describe(PanelFields fields, int qualifier, int eventCode, int group, int zone, string? account, int? messageType)
    {
        if (account is not null)
        {
            fields.Add("account", account);
        }

        if (messageType is { } mt)
        {
            fields.Add("messageType", mt);
        }

        fields.Add("qualifier", qualifier)
            .Add("qualifierMeaning", qualifier switch
            {
                ContactIdEvent.QualifierNew => "new",
                ContactIdEvent.QualifierRestore => "restore",
                ContactIdEvent.QualifierStatus => "status",
                _ => "unknown",
            })
            .Add("eventCode", eventCode.ToString("D3", CultureInfo.InvariantCulture))
            .Add("event", Describe(eventCode))
            .Add("group", group.ToString("D2", CultureInfo.InvariantCulture))
            .Add("zone", zone.ToString("D3", CultureInfo.InvariantCulture));
        if (IsLinkTest(eventCode))
        {
            fields.Add("linkTest", true);
        }
    }
}
