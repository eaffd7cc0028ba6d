using System.Globalization;
using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// SIA DC-03/DC-07 data as DC-09 carries it: <c>Nri1/AT00</c> — an optional N (new) flag, then
/// '/'-separated elements, each optional lowercase modifiers (ri area, id user, pi peripheral, ti time…)
/// followed by a two-letter event code and its address digits.
/// </summary>
public static class SiaDcsPayload
{
    public static bool TryParse(string data, out IReadOnlyList<SiaEvent> events, out string? error)
    {
        ArgumentNullException.ThrowIfNull(data);
        var list = new List<SiaEvent>();
        events = list;
        // A leading N (new) or O (old) flag precedes modifiers or a full code: "Nri1/AT00", "NRP".
        // "NR12" is the event NR on address 12, so the flag is only stripped when what follows parses.
        var flagged = data.Length >= 2 && data[0] is 'N' or 'O'
            && (char.IsAsciiLetterLower(data[1]) || (data.Length >= 3 && char.IsAsciiLetterUpper(data[1]) && char.IsAsciiLetterUpper(data[2])));
        var text = flagged ? data[1..] : data;
        string? area = null;
        foreach (var element in text.Split('/'))
        {
            var rest = element.AsSpan();
            while (rest.Length >= 2 && char.IsAsciiLetterLower(rest[0]) && char.IsAsciiLetterLower(rest[1]))
            {
                var end = 2;
                while (end < rest.Length && !char.IsAsciiLetterUpper(rest[end]) && !char.IsAsciiLetterLower(rest[end]))
                {
                    end++;
                }

                if (rest[0] == 'r' && rest[1] == 'i')
                {
                    area = rest[2..end].ToString();
                }

                rest = rest[end..];
            }

            if (rest.Length == 0)
            {
                continue;
            }

            if (rest.Length < 2 || !char.IsAsciiLetterUpper(rest[0]) || !char.IsAsciiLetterUpper(rest[1]))
            {
                error = "SIA element '" + element + "' has no two-letter event code";
                return false;
            }

            // The address is digits; free text after '^' belongs to the event, not the address.
            var address = rest[2..];
            var caret = address.IndexOf('^');
            if (caret >= 0)
            {
                address = address[..caret];
            }

            list.Add(new SiaEvent(rest[..2].ToString(), address.ToString(), area));
        }

        if (list.Count == 0)
        {
            error = "SIA data has no event";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The maintenance fault an event implies, or null (alarms, openings, tests…).</summary>
    public static PanelFault? Fault(SiaEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var zone = int.TryParse(value.Address, NumberStyles.None, CultureInfo.InvariantCulture, out var z) && z is > 0 and <= 9999 ? z : 0;
        var zoneId = PanelDeviceIds.Zone(zone);
        var panel = PanelDeviceIds.Panel;
        return value.Code switch
        {
            "AT" => new(FaultCodes.PanelAcLoss, FaultState.Raised, panel),
            "AR" => new(FaultCodes.PanelAcLoss, FaultState.Cleared, panel),
            "YT" or "YM" => new(FaultCodes.PanelLowBattery, FaultState.Raised, panel),
            "YR" => new(FaultCodes.PanelLowBattery, FaultState.Cleared, panel),
            "YC" or "LT" => new(FaultCodes.PanelCommFail, FaultState.Raised, panel),
            "YK" or "LR" => new(FaultCodes.PanelCommFail, FaultState.Cleared, panel),
            "YP" => new(FaultCodes.PanelSystemTrouble, FaultState.Raised, panel),
            "YQ" => new(FaultCodes.PanelSystemTrouble, FaultState.Cleared, panel),
            "ES" => new(FaultCodes.PanelTamper, FaultState.Raised, panel),
            "EJ" => new(FaultCodes.PanelTamper, FaultState.Cleared, panel),

            // Tamper on address 0 is the cabinet; on a zone address it is that detector.
            "TA" => zone == 0 ? new(FaultCodes.PanelTamper, FaultState.Raised, panel) : new(FaultCodes.ZoneTamper, FaultState.Raised, zoneId),
            "TR" => zone == 0 ? new(FaultCodes.PanelTamper, FaultState.Cleared, panel) : new(FaultCodes.ZoneTamper, FaultState.Cleared, zoneId),
            "XT" => new(FaultCodes.ZoneLowBattery, FaultState.Raised, zoneId),
            "XR" => new(FaultCodes.ZoneLowBattery, FaultState.Cleared, zoneId),
            "BT" or "FT" or "UT" => new(FaultCodes.ZoneTrouble, FaultState.Raised, zoneId),
            "BJ" or "FJ" or "UJ" => new(FaultCodes.ZoneTrouble, FaultState.Cleared, zoneId),
            _ => null,
        };
    }

    /// <summary>Automatic (RP) and manual (RX) test reports prove the path works; they are not faults.</summary>
    public static bool IsLinkTest(SiaEvent value) => value?.Code is "RP" or "RX";
}
