using System.Globalization;

namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>
/// The clear-text tail of a DC-09 frame after '[': <c>data]</c>, any <c>[x-data]</c> blocks and the
/// <c>_HH:MM:SS,MM-DD-YYYY</c> timestamp. For clear frames the data may start with <c>#acct|</c>.
/// </summary>
internal static class Dc09Body
{
    public static bool TryParse(string body, bool encrypted, Dc09Header header, PanelFields fields, out Dc09Message? message, out string? error)
    {
        message = null;
        var close = body.IndexOf(']', StringComparison.Ordinal);
        if (close < 0)
        {
            error = "data block has no ']'";
            return false;
        }

        var data = body[..close];
        string? dataAccount = null;
        var bar = data.IndexOf('|', StringComparison.Ordinal);
        if (!encrypted && bar >= 0)
        {
            dataAccount = data[..bar].TrimStart('#');
            data = data[(bar + 1)..];
        }

        if (data.Contains('[', StringComparison.Ordinal) || data.Contains('|', StringComparison.Ordinal))
        {
            error = "data block holds a stray '[' or '|'";
            return false;
        }

        var rest = body.AsSpan(close + 1);
        var extended = new List<string>();
        while (rest.Length > 0 && rest[0] == '[')
        {
            var end = rest.IndexOf(']');
            if (end < 0)
            {
                error = "x-data block has no ']'";
                return false;
            }

            extended.Add(rest[1..end].ToString());
            rest = rest[(end + 1)..];
        }

        DateTimeOffset? timestamp = null;
        if (rest.Length > 0)
        {
            if (rest[0] != '_' || !Dc09Framing.TryParseTimestamp(rest[1..], out var ts))
            {
                error = "timestamp must be _HH:MM:SS,MM-DD-YYYY";
                return false;
            }

            timestamp = ts;
        }
        else if (encrypted)
        {
            error = "encrypted frame must carry a timestamp";
            return false;
        }

        if (dataAccount is not null)
        {
            fields.Add("dataAccount", dataAccount);
        }

        fields.Add("data", data);
        foreach (var x in extended)
        {
            fields.Add("xdata", x);
        }

        if (timestamp is { } t)
        {
            fields.Add("timestamp", t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        message = new Dc09Message(header.Id, encrypted, header.Sequence, header.Receiver, header.Prefix, header.Account, data, dataAccount, extended, timestamp);
        error = null;
        return true;
    }
}
