using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels.ParadoxPrt3;

/// <summary>
/// System events <c>G###N###A###</c> (event group, number, area) from the PRT3 event table. Groups 36/37
/// are panel troubles and their restores, 38/39 module troubles, 33/34 zone tamper, 41/43 zone low battery,
/// 42/44 zone supervision, 40 failure to communicate.
/// </summary>
internal static class Prt3Events
{
    public static PanelDecodeResult DecodeSystemEvent(string text)
    {
        if (!Prt3Codec.TryNumber(text, 1, out var group) || !Prt3Codec.TryNumber(text, 5, out var number) || !Prt3Codec.TryNumber(text, 9, out _))
        {
            return PanelDecodeResult.Invalid("system event fields must be digits");
        }

        var fields = new PanelFields().Add("type", "system event")
            .Add("group", text[1..4]).Add("number", text[5..8]).Add("area", text[9..12])
            .Add("event", Describe(group, number));
        var fault = Fault(group, number);
        return PanelDecodeResult.Ok(fields, fault is null ? null : [fault]);
    }

    private static PanelFault? Fault(int group, int number)
    {
        var zone = PanelDeviceIds.Zone(number);
        var panel = PanelDeviceIds.Panel;
        return group switch
        {
            33 => new(FaultCodes.ZoneTamper, FaultState.Raised, zone),
            34 => new(FaultCodes.ZoneTamper, FaultState.Cleared, zone),
            36 or 37 => Trouble(number, group == 36 ? FaultState.Raised : FaultState.Cleared, panel),
            38 or 39 => ModuleTrouble(number, group == 38 ? FaultState.Raised : FaultState.Cleared, panel),
            40 => new(FaultCodes.PanelCommFail, FaultState.Raised, panel),
            41 => new(FaultCodes.ZoneLowBattery, FaultState.Raised, zone),
            43 => new(FaultCodes.ZoneLowBattery, FaultState.Cleared, zone),
            42 => new(FaultCodes.ZoneTrouble, FaultState.Raised, zone),
            44 => new(FaultCodes.ZoneTrouble, FaultState.Cleared, zone),
            _ => null,
        };
    }

    private static PanelFault? Trouble(int number, FaultState state, string panel) => number switch
    {
        0 => new(FaultCodes.PanelCommFail, state, panel),
        1 => new(FaultCodes.PanelAcLoss, state, panel),
        2 => new(FaultCodes.PanelLowBattery, state, panel),
        >= 3 and <= 7 => new(FaultCodes.PanelSystemTrouble, state, panel),
        _ => null,
    };

    private static PanelFault? ModuleTrouble(int number, FaultState state, string panel) => number switch
    {
        0 or 2 or 5 or 8 => new(FaultCodes.PanelSystemTrouble, state, panel),
        1 => new(FaultCodes.PanelTamper, state, panel),
        3 or 4 => new(FaultCodes.PanelCommFail, state, panel),
        6 => new(FaultCodes.PanelAcLoss, state, panel),
        7 => new(FaultCodes.PanelLowBattery, state, panel),
        _ => null,
    };

    private static string Describe(int group, int number) => group switch
    {
        0 => "zone OK",
        1 => "zone open",
        2 => "zone tampered",
        3 => "zone fire loop trouble",
        24 => "zone in alarm",
        26 => "zone alarm restore",
        33 => "zone tamper",
        34 => "zone tamper restore",
        36 or 37 => (group == 37 ? "trouble restore: " : "trouble: ") + number switch
        {
            0 => "TLM trouble",
            1 => "AC failure",
            2 => "battery failure",
            3 => "auxiliary current limit",
            4 => "bell current limit",
            5 => "bell absent",
            6 => "clock trouble",
            7 => "global fire loop",
            _ => "other",
        },
        38 or 39 => (group == 39 ? "module trouble restore: " : "module trouble: ") + number switch
        {
            0 => "combus fault",
            1 => "module tamper",
            2 => "ROM/RAM error",
            3 => "TLM trouble",
            4 => "fail to communicate",
            5 => "printer fault",
            6 => "AC failure",
            7 => "battery failure",
            8 => "auxiliary failure",
            _ => "other",
        },
        40 => "fail to communicate on telephone number",
        41 => "low battery on zone",
        42 => "zone supervision trouble",
        43 => "low battery on zone restored",
        44 => "zone supervision trouble restored",
        45 => "special event",
        _ => "other",
    };
}
