using System.Globalization;
using AfterSales.Protocol.Panels.ContactId;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// Decodes a whole DC-09 frame into fields and faults: the envelope (CRC, length, decryption) and then the
/// payload by id token (SIA-DCS events, ADM-CID Contact ID, NULL link test). The timestamp window is not
/// checked here; that is <see cref="Dc09TimestampWindow"/>, because it depends on the receiver's clock.
/// </summary>
public static class Dc09Codec
{
    public static PanelDecodeResult Decode(ReadOnlySpan<byte> frame, Dc09Key? key)
    {
        var fields = new PanelFields();
        if (!Dc09Parser.TryParse(frame, key, fields, out var message, out var error))
        {
            return PanelDecodeResult.Invalid(error!, fields);
        }

        var faults = new List<PanelFault>();
        switch (message!.Id)
        {
            case "SIA-DCS" when message.Data.Length == 0:
                // "[]" (or "[#1234|]"): receivers take it as a message with no event, like a NULL poll; the panel is
                // alive and gets its ACK, and there is nothing to report.
                break;
            case "SIA-DCS":
                if (!SiaDcsPayload.TryParse(message.Data, out var events, out error))
                {
                    return PanelDecodeResult.Invalid(error!, fields);
                }

                for (var i = 0; i < events.Count; i++)
                {
                    var suffix = i == 0 ? string.Empty : (i + 1).ToString(CultureInfo.InvariantCulture);
                    fields.Add("code" + suffix, events[i].Code).Add("address" + suffix, events[i].Address);
                    if (events[i].Area is { } area)
                    {
                        fields.Add("area" + suffix, area);
                    }

                    if (SiaDcsPayload.IsLinkTest(events[i]))
                    {
                        fields.Add("linkTest" + suffix, true);
                    }

                    if (SiaDcsPayload.Fault(events[i]) is { } fault)
                    {
                        faults.Add(fault);
                    }
                }

                break;
            case "ADM-CID":
                if (!TryParseCid(message.Data, out var q, out var code, out var group, out var zone))
                {
                    return PanelDecodeResult.Invalid("ADM-CID data must be 'QXYZ GG CCC'", fields);
                }

                ContactIdEvents.Describe(fields, q, code, group, zone, account: null, messageType: null);
                if (ContactIdEvents.Fault(q, code, zone) is { } cidFault)
                {
                    faults.Add(cidFault);
                }

                break;
            case "NULL":
                fields.Add("linkTest", true);
                break;
            default:
                break;
        }

        return PanelDecodeResult.Ok(fields, faults);
    }

    /// <summary>ADM-CID data: qualifier and event code, group, zone — <c>1301 01 015</c>, spaces optional.</summary>
    internal static bool TryParseCid(string data, out int qualifier, out int code, out int group, out int zone)
    {
        qualifier = code = group = zone = 0;
        var digits = data.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        qualifier = digits[0] - '0';
        code = int.Parse(digits.AsSpan(1, 3), CultureInfo.InvariantCulture);
        group = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        zone = int.Parse(digits.AsSpan(6, 3), CultureInfo.InvariantCulture);
        return qualifier is 1 or 3 or 6;
    }
}
